"""The figures index as a trainer takes it to slides: CSV, an Excel workbook, a Markdown table.

The workbook is written with the standard library (an .xlsx is a zip of a few XML parts): one sheet,
a header row, text cells as inline strings and numbers as numbers, so no spreadsheet package is needed.
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from ..figures import Figure

COLUMNS = ("value", "unit", "counts", "doc_id", "locator", "year", "topic", "sentence")
HEADERS = {
    "value": "Figure · الرقم", "unit": "Unit · الوحدة", "counts": "What it counts · المعدود", "doc_id": "Document · الوثيقة",
    "locator": "Where · الموضع", "year": "Year · السنة", "topic": "Topic · الموضوع", "sentence": "Sentence · الجملة",
}


def cells(f: Figure) -> list:
    return [f.value, f.unit, f.counts, f.doc_id, f.locator, f.year if f.year is not None else "", f.topic,
            f.sentence]


def figures_csv(figures: list[Figure]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for f in figures:
        writer.writerow(cells(f))
    return out.getvalue()


def _md(text) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def figures_markdown(figures: list[Figure], title: str = "") -> str:
    lines = [f"# {title}", ""] if title else []
    lines += ["| " + " | ".join(HEADERS[c] for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_md(c) for c in cells(f)) + " |" for f in figures]
    return "\n".join(lines) + "\n"


def _column(n: int) -> str:
    name = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def _cell(ref: str, value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def write_xlsx(rows: list[list], path: Path, sheet: str = "Figures", rtl: bool = False) -> Path:
    """A one-sheet workbook of `rows` (the first is the header)."""
    body = "".join(
        f'<row r="{i + 1}">' + "".join(_cell(f"{_column(j)}{i + 1}", v) for j, v in enumerate(row)) + "</row>"
        for i, row in enumerate(rows))
    view = ' rightToLeft="1"' if rtl else ""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>'),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetViews><sheetView workbookViewId="0"{view}/></sheetViews>'
            f'<sheetData>{body}</sheetData></worksheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    return path


def figures_xlsx(figures: list[Figure], path: Path) -> Path:
    """The figures as a workbook: numbers stay numbers (the year, the quantity) so a slide's chart reads them."""
    header = [*COLUMNS[:2], "number", *COLUMNS[2:]]
    rows = [header] + [[f.value, f.unit, f.number if f.number is not None else "", *cells(f)[2:]] for f in figures]
    return write_xlsx(rows, path)
