"""The entry checks every file passes: type, existence, size, emptiness, page count."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_pdf

from indexing.loaders import SUPPORTED_SUFFIXES, LoadError, load_document


@pytest.mark.parametrize("suffix", [".pdf", ".txt", ".md", ".docx"])
def test_zero_byte_file_is_refused_as_empty(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "empty" in info.value.reason.lower()


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "noext"])
def test_unsupported_type_is_refused_naming_the_type(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"some content")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "unsupported file type" in info.value.reason
    suffix = Path(name).suffix or "(none)"
    assert suffix in info.value.reason
    assert suffix not in SUPPORTED_SUFFIXES


def test_file_over_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"policy text line\n" * 70_000)  # 1.19 MB
    with pytest.raises(LoadError) as info:
        load_document(path, max_file_mb=1)
    assert "too large" in info.value.reason
    assert "1.2 MB > 1 MB" in info.value.reason
    assert load_document(path, max_file_mb=2).pages[0].text.startswith("policy text line")


def test_pdf_over_page_limit_is_refused(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [[f"Page {n} text."] for n in range(1, 6)])
    with pytest.raises(LoadError) as info:
        load_document(path, max_pages=4)
    assert "too many pages (5 > 4)" in info.value.reason
    assert len(load_document(path, max_pages=5).pages) == 5


def test_missing_file_is_refused_as_not_found(tmp_path):
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "gone.pdf")
    assert info.value.reason == "file not found"
