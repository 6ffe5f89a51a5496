"""Loading a library file through `load_document`: catalogue metadata, empty files, `LoadError`, a library with bad files."""
from __future__ import annotations

import pytest

from conftest import AR_PARAGRAPH, ENGLISH_PAGES, make_pdf

from indexing.loaders import LoadError, load_document
from indexing.models import DocumentMeta


def test_catalogue_meta_wins_over_pdf_title(tmp_path):
    path = make_pdf(tmp_path / "report.pdf", [[ENGLISH_PAGES[0]]], title="Title From PDF")
    meta = DocumentMeta(doc_id="cat-id", file_name="report.pdf", title_en="Catalogue Title")
    doc = load_document(path, meta)
    assert doc.meta is meta
    assert doc.meta.title == "Catalogue Title"


def test_whitespace_only_text_file_is_refused_as_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t \n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "empty" in info.value.reason


def test_load_error_keeps_path_and_reason_when_pickled(tmp_path):
    import pickle

    error = pickle.loads(pickle.dumps(LoadError(tmp_path / "x.pdf", "encrypted PDF (password protected)")))
    assert error.reason == "encrypted PDF (password protected)"
    assert error.path == tmp_path / "x.pdf"
    assert str(error) == "x.pdf: encrypted PDF (password protected)"


# --------------------------------------------------------------------------------------------------
# Indexing a library with bad files in it
# --------------------------------------------------------------------------------------------------


def test_index_library_reports_bad_files_and_indexes_the_rest(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from indexing.config import Settings
    from indexing.pipeline import index_library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "Child Online Protection Note\n\n"
        + " ".join(ENGLISH_PAGES) + "\n\n" + AR_PARAGRAPH + "\n",
        encoding="utf-8",
    )
    writer = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "plain.pdf", [[ENGLISH_PAGES[0]]])))
    writer.encrypt("secret")
    with (corpus / "locked.pdf").open("wb") as fh:
        writer.write(fh)
    (corpus / "empty.md").write_bytes(b"")

    report = index_library(Settings(corpus_dir=corpus, data_dir=tmp_path / "data"), show_progress=False)

    by_name = {d.file_name: d for d in report.documents}
    assert set(by_name) == {"good.txt", "locked.pdf", "empty.md"}
    assert by_name["good.txt"].status == "indexed"
    assert by_name["good.txt"].chunks >= 1
    assert by_name["good.txt"].doc_id == "good"
    failed = {d.file_name: d.error for d in report.failed}
    assert set(failed) == {"locked.pdf", "empty.md"}
    assert "encrypted" in failed["locked.pdf"]
    assert "empty" in failed["empty.md"]
    assert report.total_chunks == by_name["good.txt"].chunks
