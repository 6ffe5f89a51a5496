"""Library size: index synthetic libraries of N documents (paragraphs re-mixed from the bundled corpus), then
measure, in a fresh process, the memory of an `Assistant` holding them and its answer latency. Per-chunk
figures let docs/deploy.md estimate larger libraries.

    python bench/scale.py [--docs 10 1000] [--paragraphs 6]
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("bench.scale")

_CHILD = r"""
import json, resource, statistics, sys, time, logging
logging.disable(logging.CRITICAL)
sys.path.insert(0, {root!r})
from pathlib import Path
from indexing.config import Settings
from indexing.pipeline import index_library, open_store
settings = Settings(corpus_dir=Path({corpus!r}), data_dir=Path({data!r}))
t = time.perf_counter(); report = index_library(settings, open_store(settings), show_progress=False)
index_s = time.perf_counter() - t
rss_index = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"index_s": index_s, "chunks": report.total_chunks, "index_peak_mb": rss_index}}))
"""

_SERVE = r"""
import json, resource, statistics, sys, time, logging
logging.disable(logging.CRITICAL)
sys.path.insert(0, {root!r})
from pathlib import Path
from assistant import Assistant
from indexing.config import Settings
t = time.perf_counter()
a = Assistant(Settings(corpus_dir=Path({corpus!r}), data_dir=Path({data!r})))
load_s = time.perf_counter() - t
qs = ["What do the documents say about hotlines?", "ما دور مقدمي خدمات الإنترنت؟", "How is grooming defined?",
      "ما التوصيات بشأن دعم الضحايا؟"] * 3
lat = []
for q in qs:
    t = time.perf_counter(); a.ask(q); lat.append((time.perf_counter() - t) * 1000)
print(json.dumps({{"load_s": load_s, "serve_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "answer_p50_ms": statistics.median(lat)}}))
"""


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        out.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 200)
    return out


def make_library(folder: Path, n_docs: int, per_doc: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True)
    for i in range(n_docs):
        body = "\n\n".join(rng.sample(pool, per_doc))
        (folder / f"doc-{i:05d}.txt").write_text(f"Synthetic document {i}\n\n{body}\n", encoding="utf-8")


def du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def run_child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10, 1000])
    parser.add_argument("--paragraphs", type=int, default=6)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = []
    for n in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, data = Path(tmp) / "corpus", Path(tmp) / "data"
            make_library(corpus, n, args.paragraphs)
            fmt = dict(root=str(ROOT), corpus=str(corpus), data=str(data))
            row = {"docs": n, **run_child(_CHILD.format(**fmt)), **run_child(_SERVE.format(**fmt)),
                   "disk_mb": du_mb(data)}
            rows.append(row)
            log.info("%s", {k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()})
    log.info("\n%6s %8s %9s %14s %14s %9s %14s", "docs", "chunks", "index s", "index peak MB", "serve peak MB",
             "disk MB", "answer p50 ms")
    for r in rows:
        log.info("%6d %8d %9.1f %14.0f %14.0f %9.1f %14.0f", r["docs"], r["chunks"], r["index_s"], r["index_peak_mb"],
                 r["serve_peak_mb"], r["disk_mb"], r["answer_p50_ms"])
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        per_k = (b["serve_peak_mb"] - a["serve_peak_mb"]) / max(1, b["chunks"] - a["chunks"]) * 1000
        disk_k = (b["disk_mb"] - a["disk_mb"]) / max(1, b["chunks"] - a["chunks"]) * 1000
        log.info("memory per 1,000 chunks (serving): %.1f MB; disk per 1,000 chunks: %.1f MB", per_k, disk_k)


if __name__ == "__main__":
    main()
