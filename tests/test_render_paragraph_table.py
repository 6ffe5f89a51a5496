"""The paragraph table's exports: Markdown, CSV and Word hold every row's verb, force and addressees."""
from __future__ import annotations

import csv
import io

from docx import Document

from assistant.paragraph_table import ParagraphRow
from assistant.render.paragraph_table import COLUMNS, table_csv, table_docx, table_markdown

ROWS = [
    ParagraphRow("res", "PP 1", "إن تشدد على أن حقوق الطفل | هي من حقوق الإنسان،", "تشدد", "stresses", "statement", (),
                 "human rights"),
    ParagraphRow("res", "OP 22", "22 - تدعو الدول الأعضاء وسائر الجهات المانحة إلى توفير موارد", "تدعو", "invites",
                 "recommendation", ("Member States", "donors"), "resources"),
]


def test_markdown_has_a_row_per_paragraph_with_pipes_escaped():
    md = table_markdown(ROWS, "Resolution")
    lines = [l for l in md.splitlines() if l.startswith("|")]
    assert len(lines) == 2 + len(ROWS)
    assert "| OP 22 | تدعو | invites | recommendation | Member States, donors | resources |" in md
    assert "حقوق الطفل \\| هي" in md


def test_csv_round_trips_the_rows():
    got = list(csv.DictReader(io.StringIO(table_csv(ROWS))))
    assert tuple(got[0]) == COLUMNS
    assert got[1]["addressees"] == "Member States, donors" and got[1]["force"] == "recommendation"
    assert got[0]["text"] == ROWS[0].text


def test_docx_table_holds_the_rows_arabic_cells_right_to_left(tmp_path):
    path = table_docx(ROWS, tmp_path / "table.docx", "Resolution")
    doc = Document(path)
    [table] = doc.tables
    assert len(table.rows) == 1 + len(ROWS)
    assert [c.text for c in table.rows[2].cells][:5] == ["OP 22", "تدعو", "invites", "recommendation", "Member States, donors"]
    assert table.rows[2].cells[1].paragraphs[0]._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
