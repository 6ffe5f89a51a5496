"""What a file without a catalogue entry says about itself: id, title, languages, year."""
from __future__ import annotations

from pathlib import Path

from conftest import AR_LINE

from indexing.loaders import load_document
from indexing.loaders.metadata import meta_from_file
from indexing.models import Page


def test_markdown_title_comes_from_first_heading(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("Draft, not for circulation\n\n# Some Title\n\nBody paragraph.\n\n## Section\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title_en == "Some Title"
    assert doc.meta.doc_id == "notes"
    assert doc.pages[0].number is None
    assert "Body paragraph." in doc.pages[0].text


def test_markdown_arabic_heading_becomes_arabic_title(tmp_path):
    path = tmp_path / "ملاحظات.md"
    path.write_text(f"# {AR_LINE} #\n\nنص الفقرة.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title_ar == AR_LINE
    assert doc.meta.title_en == ""
    assert doc.meta.doc_id == "ملاحظات"


def test_text_file_without_catalogue_gets_title_from_first_line(tmp_path):
    path = tmp_path / "qatar_submission.txt"
    path.write_text("\n\nSubmission of the State of Qatar\n\nFirst paragraph of the submission.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title == "Submission of the State of Qatar"
    assert doc.meta.doc_id == "qatar-submission"
    assert doc.meta.file_name == "qatar_submission.txt"


def test_text_file_with_overlong_first_line_falls_back_to_file_name(tmp_path):
    path = tmp_path / "long-line.txt"
    path.write_text("word " * 100 + "\nsecond line\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title_en == ""
    assert doc.meta.title == "long-line.txt"


def test_meta_from_file_describes_pages():
    pages = [Page(1, "Annual Report 2023\nSome English text " + AR_LINE)]
    meta = meta_from_file(Path("/x/Annual Report.PDF"), pages, title="Untitled", year=2023)
    assert meta.title_en == "Annual Report 2023"  # a generic title is ignored
    assert meta.year == 2023
    assert meta.doc_id == "annual-report"
    assert set(meta.languages) == {"ar", "en"}
    assert meta_from_file(Path("x.md"), [Page(None, "")]).title == "x.md"
