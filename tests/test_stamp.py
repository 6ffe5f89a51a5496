"""The index stamp: a no-op `index` answers from it without Chroma; any change sends the run the full way."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from indexing.config import PROJECT_ROOT
from indexing.pipeline import index_library
from indexing.stamp import fresh, stamp_path

PROBE = """
import json, sys
from assistant.cli import app
app(["index"], standalone_mode=False)
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def _env(settings) -> dict:
    return dict(os.environ, PA_CORPUS_DIR=str(settings.corpus_dir), PA_DATA_DIR=str(settings.data_dir),
                PYTHONPATH=str(PROJECT_ROOT))


def _cli(settings, monkeypatch, *args):
    monkeypatch.setenv("PA_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    return CliRunner().invoke(app, ["index", *args])


def test_a_no_op_index_in_a_fresh_process_imports_no_chroma_and_prints_the_same_counts(small_library):
    report = index_library(small_library, show_progress=False)
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT_ROOT, env=_env(small_library),
                         capture_output=True, text=True, check=True)
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert "chromadb" not in loaded and "numpy" not in loaded
    labelled = sum(d.labelled for d in report.documents)
    assert f"{len(report.documents)} documents, {report.total_chunks} chunks in the index, {labelled} paragraphs" \
        in run.stdout
    for d in report.documents:
        assert d.file_name in run.stdout
    assert run.stdout.count("unchanged") == len(report.documents)


def _touch(settings):
    path = settings.corpus_dir / "qatar-submission-2024.txt"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    return "qatar-submission-2024.txt", "unchanged"  # same content: the full run hashes it and keeps it


def _add(settings):
    (settings.corpus_dir / "note.txt").write_text("The hotline publishes a yearly report on grooming.",
                                                  encoding="utf-8")
    return "note.txt", "indexed"


def _remove(settings):
    (settings.corpus_dir / "qatar-submission-2024.txt").unlink()
    return "qatar-submission-2024.txt", "removed"


def _catalogue(settings):
    path = settings.catalogue_path
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    return "ga-resolution-2022.ar.txt", "unchanged"


def _store(settings):
    from indexing.pipeline import open_store

    store = open_store(settings)  # another process takes a document out of the store itself
    store.delete_document("ga-resolution-2022")
    store.unmark_document("ga-resolution-2022")
    return "ga-resolution-2022.ar.txt", "indexed"


@pytest.mark.parametrize("change", [_touch, _add, _remove, _catalogue, _store],
                         ids=["touched", "added", "removed", "catalogue", "store"])
def test_any_change_sends_the_run_the_full_way_and_it_reindexes_correctly(small_library, monkeypatch, change):
    index_library(small_library, show_progress=False)
    assert fresh(small_library) is not None
    name, status = change(small_library)
    assert fresh(small_library) is None
    done = _cli(small_library, monkeypatch)
    assert done.exit_code == 0, done.output
    row = next(line for line in done.output.splitlines() if name in line)
    assert status in row
    after = fresh(small_library)  # the full run stamped what it found
    assert after is not None and (status == "removed") == all(d.file_name != name for d in after.documents)


def test_a_corrupt_stamp_is_ignored_and_replaced(small_library, monkeypatch):
    index_library(small_library, show_progress=False)
    stamp_path(small_library).write_text('{"report": [1, 2', encoding="utf-8")
    assert fresh(small_library) is None
    done = _cli(small_library, monkeypatch)
    assert done.exit_code == 0 and "unchanged" in done.output
    assert fresh(small_library) is not None


def test_force_runs_the_indexer_and_server_mode_never_trusts_the_stamp(small_library, monkeypatch):
    report = index_library(small_library, show_progress=False)
    path = stamp_path(small_library)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["report"]["total_chunks"] = 987654  # a stamp that still matches is believed ...
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "987654 chunks" in _cli(small_library, monkeypatch).output
    forced = _cli(small_library, monkeypatch, "--force")  # ... unless the run is forced
    assert forced.exit_code == 0 and f"{report.total_chunks} chunks" in forced.output
    server = small_library.model_copy(update={"store": small_library.store.model_copy(update={"mode": "server"})})
    assert fresh(server) is None


def test_opening_the_store_to_read_it_keeps_the_stamp_fresh(small_library):
    """An `ask` or the app opens Chroma (which touches its files) without changing what it holds."""
    from assistant import Assistant

    index_library(small_library, show_progress=False)
    assert Assistant(small_library).ask("ما الذي تحث عليه الفقرة 4 من منطوق القرار؟").citations
    assert fresh(small_library) is not None
