"""The resolution at a glance as a trainer takes it away: Markdown, CSV and Word tables of its paragraphs."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..paragraph_table import ParagraphRow

COLUMNS = ("label", "verb_ar", "verb_en", "force", "addressees", "topic", "text")
HEADERS = {
    "label": "Paragraph · الفقرة", "verb_ar": "Verb (as written) · الفعل", "verb_en": "Verb (English)",
    "force": "Force · القوة", "addressees": "Addressees · المخاطَبون", "topic": "Topic · الموضوع",
    "text": "Text · النص",
}


def cells(row: ParagraphRow) -> list[str]:
    """One row's cells in COLUMNS order; `verb_ar` shows the verb as written, whatever its language."""
    return [row.label, row.verb, row.verb_en, row.force, ", ".join(row.addressees), row.topic, row.text]


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def table_markdown(rows: list[ParagraphRow], title: str = "") -> str:
    lines = [f"# {title}", ""] if title else []
    lines += ["| " + " | ".join(HEADERS[c] for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_md_cell(c) for c in cells(r)) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def table_csv(rows: list[ParagraphRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(cells(r))
    return out.getvalue()


def table_docx(rows: list[ParagraphRow], path: Path, title: str = "") -> Path:
    """A Word table, right-to-left cells where the text is Arabic (as the answer export does)."""
    from docx import Document

    from .docx import _rtl

    from indexing.language import direction

    doc = Document()
    if title:
        doc.add_heading(title, level=1)
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, COLUMNS):
        cell.text = HEADERS[column]
    for r in rows:
        for cell, value in zip(table.add_row().cells, cells(r)):
            cell.text = value
            if direction(value) == "rtl":
                _rtl(cell.paragraphs[0])
    doc.save(path)
    return path
