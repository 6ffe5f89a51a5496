"""The figures index exported: CSV, Markdown and an .xlsx workbook that opens as a spreadsheet."""
from __future__ import annotations

import csv
import io
import zipfile
from xml.etree import ElementTree

import pytest

from assistant.figures import FigureReader, FigureWords
from assistant.render.figures import COLUMNS, figures_csv, figures_markdown, figures_xlsx
from indexing.chunking import chunk_document
from indexing.cleaning import clean_document
from indexing.config import Settings

from conftest import CORPUS, source_doc

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@pytest.fixture(scope="module")
def figures():
    reader = FigureReader(FigureWords.load(Settings(corpus_dir=CORPUS).figure_words_path))
    text = "في عام 2018 تلقت الخطوط الساخنة 45 مليون بلاغ، و 94% من المواد | تظهر أطفالاً <دون> سن 13 عاماً."
    return [f for c in chunk_document(clean_document(source_doc(text, "d.ar.txt"))) for f in reader.read(c)]


def sheet_rows(path) -> list[list[str]]:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None and "xl/workbook.xml" in z.namelist()
        root = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    return [[(c.find("m:is/m:t", NS).text if c.find("m:is/m:t", NS) is not None else c.find("m:v", NS).text) or ""
             for c in row.findall("m:c", NS)] for row in root.iter(f"{{{NS['m']}}}row")]


def test_csv_has_a_header_and_one_row_per_figure(figures):
    rows = list(csv.reader(io.StringIO(figures_csv(figures))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == len(figures) + 1
    assert rows[1][:3] == ["45 million", "million", "بلاغ"]


def test_xlsx_holds_the_same_rows_with_numbers_as_numbers(figures, tmp_path):
    rows = sheet_rows(figures_xlsx(figures, tmp_path / "f.xlsx"))
    assert rows[0][:3] == ["value", "unit", "number"] and len(rows) == len(figures) + 1
    assert rows[1][:4] == ["45 million", "million", "45000000.0", "بلاغ"]
    assert any("<دون>" in cell for row in rows for cell in row)  # escaped and read back verbatim


def test_markdown_table_escapes_pipes(figures):
    md = figures_markdown(figures, "Figures")
    assert md.startswith("# Figures") and md.count("\n| ") == len(figures) + 1 and "\\|" in md
