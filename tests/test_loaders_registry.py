"""The format registry: a new format is one converter and one `register` line, and every list of types follows it."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EDITOR_TOKEN, PROJECT_ROOT

import indexing.loaders
from indexing.loaders import LoadError, load_document, register, suffix_list, supported_suffixes, unregister
from indexing.loaders.registry import Extracted
from indexing.loaders.txt import decode_text
from indexing.models import Page
from indexing.pipeline import library_files


def load_csv(path: Path, data: bytes, *, max_pages: int) -> Extracted:
    """A newcomer's format: each row one line, its cells joined by ' | ' (as DOCX table rows are)."""
    rows = [" | ".join(cell.strip() for cell in line.split(",")) for line in decode_text(path, data).split("\n")]
    return Extracted((Page(None, "\n".join(row for row in rows if row.strip(" |"))),))


@pytest.fixture
def csv_format():
    register(load_csv, ".csv")
    yield
    unregister(".csv")


HOTLINES_CSV = "Measure,Owner\nHotline for reports of online grooming,Ministry of Interior\n"


def test_a_registered_format_is_listed_loaded_and_found_in_the_library(csv_format, tmp_path):
    assert supported_suffixes() == (".pdf", ".txt", ".md", ".docx", ".csv")
    assert ".csv" in indexing.loaders.SUPPORTED_SUFFIXES
    path = tmp_path / "hotlines.csv"
    path.write_text(HOTLINES_CSV, encoding="utf-8")
    doc = load_document(path)
    assert doc.pages == (Page(None, "Measure | Owner\nHotline for reports of online grooming | Ministry of Interior"),)
    assert doc.meta.title == "Measure | Owner" and doc.meta.doc_id == "hotlines"
    assert library_files(tmp_path) == [path]


def test_an_upload_of_a_registered_format_is_indexed(csv_format, small_library, tmp_path):
    from assistant import Assistant

    assistant = Assistant(small_library)
    upload = tmp_path / "hotlines.csv"
    upload.write_text(HOTLINES_CSV, encoding="utf-8")
    report, errors = assistant.add_files([upload], token=EDITOR_TOKEN)
    assert errors == []
    indexed = {d.file_name: d for d in report.documents if d.status == "indexed"}
    assert indexed["hotlines.csv"].chunks >= 1
    assert "hotlines" in assistant.store.documents()


def test_an_unregistered_format_is_refused_naming_the_registered_types(tmp_path):
    register(load_csv, ".csv")
    unregister(".csv")
    path = tmp_path / "hotlines.csv"
    path.write_text(HOTLINES_CSV, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason == "unsupported file type .csv; use .pdf, .txt, .md or .docx"
    assert library_files(tmp_path) == []


def test_the_readme_lists_the_registered_upload_types():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"upload ({suffix_list(last=', ')})" in readme


def test_a_suffix_must_be_lower_case_with_its_dot():
    with pytest.raises(ValueError):
        register(load_csv, "csv")
    with pytest.raises(ValueError):
        register(load_csv, ".CSV")
    assert ".csv" not in supported_suffixes() and "csv" not in supported_suffixes()
