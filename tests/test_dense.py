"""Exact dense search: the true cosine order, repeatable from one process to the next."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np

from assistant.dense import DenseIndex
from indexing.config import PROJECT_ROOT


def test_nearest_is_the_exact_cosine_order():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(300, 16)).astype(np.float32)
    index = DenseIndex([f"c{i}" for i in range(300)], vectors)
    q = rng.normal(size=16).astype(np.float32)
    cos = vectors @ q / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(q))
    expected = [f"c{i}" for i in np.argsort(-cos)[:10]]
    got = index.nearest(q, 10)
    assert [cid for cid, _ in got] == expected
    assert abs(got[0][1] - cos.max()) < 1e-5


def test_a_mask_leaves_chunks_out_and_ties_keep_the_library_order():
    vectors = np.array([[1, 0], [1, 0], [0, 1], [1, 0]], dtype=np.float32)
    index = DenseIndex(["a", "b", "c", "d"], vectors)
    assert [cid for cid, _ in index.nearest(np.array([1, 0]), 3)] == ["a", "b", "d"]
    mask = np.array([False, True, True, True])
    assert [cid for cid, _ in index.nearest(np.array([1, 0]), 2, mask=mask)] == ["b", "d"]


PROBE = """
import json, sys
from assistant import Assistant
from assistant.render.markdown import body
from indexing.config import Settings
assistant = Assistant(Settings(corpus_dir=sys.argv[1], data_dir=sys.argv[2]))
out = []
for q in json.loads(sys.argv[3]):
    a = assistant.ask(q)
    out.append({"passages": [p.chunk.chunk_id for p in a.passages], "answer": body(a), "abstained": a.abstained})
print(json.dumps(out, ensure_ascii=False))
"""

QUESTIONS = [
    "How many reports did the hotline receive?",
    "ما هي التدابير المطلوبة من مقدمي خدمات الإنترنت؟",
    "what do ppl mean by sextortion",
    "Does the library say anything about Morocco in 2023?",
]


def test_the_same_questions_get_the_same_passages_and_answers_in_two_processes(library):
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PYTHONHASHSEED": "random"}
    args = [sys.executable, "-c", PROBE, str(library.settings.corpus_dir), str(library.settings.data_dir),
            json.dumps(QUESTIONS)]
    runs = [json.loads(subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
            for _ in range(2)]
    assert runs[0] == runs[1]
    here = [library.ask(q) for q in QUESTIONS]
    assert [[p.chunk.chunk_id for p in a.passages] for a in here] == [r["passages"] for r in runs[0]]
