"""Faults: each ends with a clear message and nothing lost or half-written.

Bad files (broken, encrypted, scanned, empty, oversized, cp1256/UTF-16, unsupported) are in test_loaders*.py;
bad questions in test_core.py and test_app.py; bad uploads in test_library.py; dead or slow model servers in test_generation.py; a
Chroma server going down in test_chroma_server.py. A full disk is a real 2 MB tmpfs (the test needs root).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import CORPUS, EDITOR_TOKEN, make_pdf

from indexing.config import PROJECT_ROOT, Settings
from indexing.loaders import load_document
from indexing.pipeline import IndexBusy, index_library, open_store
from indexing.store import StoreUnavailable


def library_copy(tmp_path) -> Settings:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return Settings(corpus_dir=corpus, data_dir=tmp_path / "data")


def chunk_set(settings: Settings) -> set[tuple[str, str]]:
    return {(c.chunk_id, c.content_hash) for c in open_store(settings).all_chunks()}


def start_indexer(settings: Settings) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "index", "--corpus-dir", str(settings.corpus_dir),
         "--data-dir", str(settings.data_dir)],
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )


def wait_for_lock(settings: Settings, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Until the indexer holds the index lock (it is then writing chunks)."""
    from filelock import FileLock, Timeout

    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        if (settings.data_dir / "index.lock").exists():
            try:
                FileLock(str(settings.data_dir / "index.lock")).acquire(timeout=0).release()
            except Timeout:
                return
        time.sleep(0.05)
    raise AssertionError("the indexer never took the lock")


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    settings = library_copy(tmp_path_factory.mktemp("clean"))
    index_library(settings, show_progress=False)
    return chunk_set(settings)


def test_indexing_killed_mid_way_is_repaired_by_the_next_run(tmp_path, clean_build):
    settings = library_copy(tmp_path)
    proc = start_indexer(settings)
    wait_for_lock(settings, proc)
    time.sleep(1.0)  # some documents in, others not yet
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    report = index_library(settings, show_progress=False)
    assert not report.failed
    assert chunk_set(settings) == clean_build


def test_a_second_indexer_waits_for_the_first_then_refuses_and_the_index_is_never_mixed(tmp_path, clean_build):
    settings = library_copy(tmp_path)
    proc = start_indexer(settings)
    wait_for_lock(settings, proc)
    with pytest.raises(IndexBusy, match="another indexer is running"):
        index_library(settings, lock_timeout=0.3, show_progress=False)
    assert proc.wait(timeout=300) == 0
    assert chunk_set(settings) == clean_build


def test_1000_page_pdf_loads_every_page(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [[f"Page {n}: hotline reporting duties, section {n}."] for n in range(1, 1001)])
    doc = load_document(path, None)
    assert len(doc.pages) == 1000 and doc.pages[-1].number == 1000 and "section 1000" in doc.pages[-1].text


def test_unwritable_data_folder_is_a_clear_start_up_error(tmp_path):
    from assistant import Assistant

    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    settings = Settings(corpus_dir=CORPUS, data_dir=blocker / "inner")
    with pytest.raises(StoreUnavailable, match="cannot open the Chroma folder"):
        Assistant(settings)


@pytest.mark.parametrize("question, expect", [
    ("", "Please type a question"),
    ("   ", "Please type a question"),
    ("؟", "يرجى كتابة سؤال"),
    ("!!! ... ???", "Please type a question"),
    ("<script>alert(1)</script>", "do not answer"),
])
def test_questions_without_content_get_a_clear_answer_not_an_error(library, question, expect):
    answer = library.ask(question)
    assert expect in answer.intro and answer.abstained


def test_a_10000_character_question_is_cut_with_a_notice(library):
    answer = library.ask("What does the resolution ask internet service providers to do? " * 160)
    assert f"only its first {library.settings.question.max_chars} characters were used" in answer.notice


def test_a_one_character_question_gets_an_answer_not_an_error(library):
    assert library.ask("x").intro


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs: a data folder that fills up half-way through indexing (needs root, as CI has)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def chunks_by_document(store) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for c in store.all_chunks():
        out.setdefault(c.doc_id, set()).add((c.chunk_id, c.content_hash))
    return out


def test_a_full_disk_stops_indexing_with_a_clear_error_and_the_next_run_repairs(small_library, small_disk):
    index_library(small_library, show_progress=False)
    clean = chunks_by_document(open_store(small_library))
    full = small_library.model_copy(update={"data_dir": small_disk})
    store = open_store(full)  # one store for the whole run, as the app holds one
    with pytest.raises(StoreUnavailable, match="is full.*free some space"):
        index_library(full, store, show_progress=False)
    recorded = set(store.documents())
    assert recorded < set(clean)  # it stopped part-way
    partial = chunks_by_document(store)
    assert all(partial.get(doc) == clean[doc] for doc in recorded)  # what is recorded as done is whole
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    report = index_library(full, store, show_progress=False)
    assert not report.failed and chunks_by_document(store) == clean


def test_an_upload_that_does_not_fit_on_the_disk_is_refused_and_leaves_nothing_behind(small_library, small_disk, tmp_path):
    from assistant import Assistant

    for f in small_library.corpus_dir.iterdir():
        shutil.copy(f, small_disk / f.name)
    settings = small_library.model_copy(update={"corpus_dir": small_disk})
    assistant = Assistant(settings)
    assistant.index(show_progress=False)
    before = sorted(p.name for p in small_disk.iterdir())
    big = tmp_path / "big-report.txt"
    big.write_text("Hotlines received reports of grooming on gaming platforms. " * 60_000, encoding="utf-8")
    report, errors = assistant.add_files([big], token=EDITOR_TOKEN)
    assert len(errors) == 1 and "big-report.txt" in errors[0] and "No space left" in errors[0]
    assert sorted(p.name for p in small_disk.iterdir()) == before  # no partial copy
    assert assistant.ask("ما الذي تحث عليه الفقرة 4 من منطوق القرار؟").citations  # the library still answers
