"""DOCX loading: paragraphs and tables in document order, the title, and a corrupt file refused."""
from __future__ import annotations

import pytest

from indexing.loaders import LoadError, load_document


def test_docx_paragraphs_and_table_cells_are_loaded_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("National Child Online Protection Plan", level=0)
    document.add_paragraph("First paragraph before the table.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Measure"
    table.cell(0, 1).text = "Owner"
    table.cell(1, 0).text = "Hotline"
    table.cell(1, 1).text = "وزارة الداخلية"
    document.add_paragraph("")
    document.add_paragraph("Last paragraph after the table.")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    doc = load_document(path)
    assert len(doc.pages) == 1 and doc.pages[0].number is None
    text = doc.pages[0].text
    expected = [
        "National Child Online Protection Plan",
        "First paragraph before the table.",
        "Measure | Owner",
        "Hotline | وزارة الداخلية",
        "Last paragraph after the table.",
    ]
    positions = [text.find(part) for part in expected]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions)
    assert doc.meta.title_en == "National Child Online Protection Plan"


def test_docx_core_title_wins_over_heading(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Core Properties Title"
    document.add_heading("Heading Text", level=1)
    document.add_paragraph("Body.")
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert load_document(path).meta.title_en == "Core Properties Title"


def test_corrupt_docx_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "corrupt or unreadable DOCX" in info.value.reason
