"""The index on a real Chroma folder: incremental, rebuilt on a model change, repaired after interruption."""
from __future__ import annotations

import time

import numpy as np
import pytest

from indexing.chunking import CHUNKER_VERSION
from indexing.embedding import get_embedder
from indexing.pipeline import IndexBusy, index_library, open_store
from indexing.sentences import quote_spans
from indexing.store import ChromaStore


def statuses(report):
    return {d.file_name: d.status for d in report.documents}


def test_unchanged_library_reindexes_as_a_no_op(small_library):
    first = index_library(small_library, show_progress=False)
    assert set(statuses(first).values()) == {"indexed"}
    started = time.perf_counter()
    second = index_library(small_library, show_progress=False)
    assert set(statuses(second).values()) == {"unchanged"}
    assert second.total_chunks == first.total_chunks
    assert time.perf_counter() - started < 10


def test_changed_file_replaces_only_its_own_chunks(small_library):
    index_library(small_library, show_progress=False)
    store = open_store(small_library)
    before = {c.chunk_id: c.text for c in store.all_chunks() if c.doc_id == "ga-resolution-2022"}
    path = small_library.corpus_dir / "qatar-submission-2024.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA new closing paragraph about helplines.\n", encoding="utf-8")
    report = index_library(small_library, show_progress=False)
    assert statuses(report) == {"ga-resolution-2022.ar.txt": "unchanged", "qatar-submission-2024.txt": "indexed"}
    after = open_store(small_library).all_chunks()
    assert {c.chunk_id: c.text for c in after if c.doc_id == "ga-resolution-2022"} == before
    assert any("new closing paragraph" in c.text for c in after if c.doc_id == "qatar-submission-2024")


def test_removed_file_loses_its_chunks_and_new_file_without_catalogue_entry_indexes(small_library):
    index_library(small_library, show_progress=False)
    (small_library.corpus_dir / "qatar-submission-2024.txt").unlink()
    (small_library.corpus_dir / "notes.md").write_text(
        "# Training notes on grooming\n\nGrooming is the process by which an offender builds trust with a child.\n",
        encoding="utf-8",
    )
    report = index_library(small_library, show_progress=False)
    assert statuses(report)["qatar-submission-2024.txt"] == "removed"
    store = open_store(small_library)
    docs = store.documents()
    assert "qatar-submission-2024" not in docs and "qatar-submission-2024" not in store.chunk_doc_ids()
    notes = next(r for r in docs.values() if r.file_name == "notes.md")
    assert notes.title == "Training notes on grooming"


def test_unreadable_file_is_reported_by_name_and_the_rest_still_indexes(small_library):
    (small_library.corpus_dir / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (small_library.corpus_dir / "empty.txt").write_bytes(b"")
    report = index_library(small_library, show_progress=False)
    failed = {d.file_name: d.error for d in report.failed}
    assert set(failed) == {"broken.pdf", "empty.txt"}
    assert "empty" in failed["empty.txt"]
    assert statuses(report)["ga-resolution-2022.ar.txt"] == "indexed"


def test_embedding_model_mismatch_triggers_a_clean_rebuild(small_library):
    index_library(small_library, show_progress=False)
    embedder = get_embedder(small_library.embedding.model)
    other = ChromaStore(small_library, "some-other-model", embedder.dim, CHUNKER_VERSION)
    assert other.rebuilt and other.count() == 0 and other.documents() == {}
    store = open_store(small_library)  # back to the configured model: rebuilt again, then re-indexed
    assert store.rebuilt
    report = index_library(small_library, store, show_progress=False)
    assert set(statuses(report).values()) == {"indexed"}
    assert store.collection_signature()["embedding_model"] == embedder.name


def test_interrupted_run_leaves_orphans_that_the_next_run_repairs(small_library):
    first = index_library(small_library, show_progress=False)
    store = open_store(small_library)
    # What a kill between "chunks written" and "document recorded" leaves behind:
    store.unmark_document("qatar-submission-2024")
    assert "qatar-submission-2024" in store.chunk_doc_ids()
    assert store.orphan_doc_ids({"ga-resolution-2022"}) == {"qatar-submission-2024"}
    report = index_library(small_library, store, show_progress=False)
    assert statuses(report)["qatar-submission-2024.txt"] == "indexed"
    assert report.total_chunks == first.total_chunks


def test_a_second_indexer_waits_then_refuses(small_library):
    from filelock import FileLock

    small_library.data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(small_library.data_dir / "index.lock")):
        with pytest.raises(IndexBusy, match="another indexer"):
            index_library(small_library, lock_timeout=0.5, show_progress=False)


def test_each_chunk_has_its_sentence_vectors_stored_beside_it_and_they_go_with_it(small_library):
    index_library(small_library, show_progress=False)
    store = open_store(small_library)
    chunks = store.all_chunks()
    stored = store.sentence_vectors(c.chunk_id for c in chunks)
    for c in chunks:
        assert [(s, e) for s, e, _ in stored.get(c.chunk_id, [])] == quote_spans(c.text)
    sample = next(c for c in chunks if quote_spans(c.text))
    s, e, vector = stored[sample.chunk_id][0]
    fresh = get_embedder(small_library.embedding.model).encode_documents([sample.text[s:e]])[0]
    assert float(np.dot(vector, fresh)) > 0.99  # the vector is that sentence's, not the chunk's

    (small_library.corpus_dir / "qatar-submission-2024.txt").unlink()
    index_library(small_library, show_progress=False)
    store = open_store(small_library)
    gone = [c.chunk_id for c in chunks if c.doc_id == "qatar-submission-2024"]
    assert gone and store.sentence_vectors(gone) == {}
    assert store.chunk_doc_ids() == {"ga-resolution-2022"}


def test_a_store_built_before_the_heading_flag_reads_its_heading_label_as_the_flag():
    from indexing.store import chunk_from_record

    old = {"doc_id": "d", "label": "heading", "start": 0, "end": 5}
    assert (chunk_from_record("d#0", "Title", old).is_heading, chunk_from_record("d#0", "Title", old).label) == (True, "")
    para = chunk_from_record("d#1", "1. Text", {**old, "label": "para. 1"})
    assert (para.is_heading, para.label) == (False, "para. 1")


def test_the_heading_flag_is_stored_with_the_chunk(small_library):
    index_library(small_library, show_progress=False)
    chunks = open_store(small_library).all_chunks()
    headings = [c for c in chunks if c.is_heading]
    assert any(c.doc_id == "ga-resolution-2022" and c.ordinal == 0 for c in headings)
    assert all(not c.label for c in headings)


def test_paragraph_places_page_starts_and_arabic_titles_come_back_from_the_store(small_library, tmp_path):
    from conftest import make_pdf

    from indexing.chunking import chunk_document
    from indexing.cleaning import clean_document
    from indexing.loaders import load_document

    make_pdf(small_library.corpus_dir / "two.pdf", [["Hotlines pass reports to the police of"],
                                                    ["the country where the images were found."]])
    store = open_store(small_library)
    index_library(small_library, store, show_progress=False)
    stored = {c.chunk_id: c for c in open_store(small_library).all_chunks()}
    for name in ("qatar-submission-2024.txt", "two.pdf"):
        made = chunk_document(clean_document(load_document(small_library.corpus_dir / name)))
        assert made
        for c in made:
            back = stored[c.chunk_id]
            assert (back.places, back.page_starts) == (c.places, c.page_starts)  # catalogue titles aside
    assert any(c.places and c.places[0].section for c in stored.values() if c.doc_id == "qatar-submission-2024")
    assert any(c.page_starts for c in stored.values() if c.doc_id == "two")
    assert all(c.title_ar for c in stored.values() if c.doc_id == "ga-resolution-2022")  # from the catalogue
