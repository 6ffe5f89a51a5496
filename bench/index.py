"""Index benchmark: full index of the bundled corpus from scratch, a no-op re-index, chunk count and peak
memory (medians over repeated runs), and dense-only recall@1/5/10 on a gold set for each embedding model.

    python bench/index.py [--runs 3] [--gold ../shared/eval/dev.jsonl] [--models use-m3 e5-small minilm]

Each run happens in a fresh subprocess so that peak memory (ru_maxrss) and load times are honest.
"""
from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("bench.index")

_CHILD = r"""
import json, resource, sys, time, logging
logging.disable(logging.CRITICAL)
from pathlib import Path
sys.path.insert(0, {root!r})
from indexing.config import Settings
from indexing.pipeline import index_library, open_store
settings = Settings(data_dir=Path({data!r}), embedding={{"model": {model!r}}})
t = time.perf_counter(); report = index_library(settings, open_store(settings), show_progress=False); full = time.perf_counter() - t
t = time.perf_counter(); again = index_library(settings, open_store(settings), show_progress=False); noop = time.perf_counter() - t
print(json.dumps({{"full_s": full, "noop_s": noop, "chunks": report.total_chunks,
                   "labelled": sum(d.labelled for d in report.documents),
                   "unchanged": all(d.status == "unchanged" for d in again.documents),
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

_RECALL = r"""
import json, sys, logging
logging.disable(logging.CRITICAL)
from pathlib import Path
sys.path.insert(0, {root!r})
import numpy as np
from assistant.evaluation import load_gold, load_scorer
from indexing.config import Settings
from indexing.pipeline import open_store
from indexing.embedding import get_embedder
settings = Settings(data_dir=Path({data!r}), embedding={{"model": {model!r}}})
store = open_store(settings)
emb = get_embedder({model!r})
scorer = load_scorer(Path({gold!r}))
gold = [g for g in load_gold(Path({gold!r})) if g["evidence"]]
chunks = {{c.chunk_id: c for c in store.all_chunks()}}
ranks = {{"all": [], "ar": [], "en": []}}
for g in gold:
    hits = store.query(emb.encode_query(g["question"]), 10)
    passages = [{{"doc": chunks[cid].file_name, "text": chunks[cid].text}} for cid, _ in hits]
    r = scorer.first_hit(g, passages)
    ranks["all"].append(r); ranks[g["lang"]].append(r)
out = {{}}
for key, rs in ranks.items():
    for k in (1, 5, 10):
        out[f"{{key}} r@{{k}}"] = round(sum(1 for r in rs if r and r <= k) / len(rs), 3)
print(json.dumps(out))
"""


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    ap.add_argument("--models", nargs="+", default=["use-m3", "e5-small", "minilm"])
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    default = args.models[0]
    runs = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as data:
            runs.append(_run(_CHILD.format(root=str(ROOT), data=data, model=default)))
            log.info("run %d: %s", i + 1, runs[-1])
    med = {k: statistics.median(r[k] for r in runs) for k in ("full_s", "noop_s", "chunks", "labelled", "peak_mb")}
    log.info("\nIndex of the bundled corpus with %s (median of %d runs, 2 cores)", default, args.runs)
    log.info("  full index from scratch : %6.1f s   (goal <= 60 s)", med["full_s"])
    log.info("  no-op re-index          : %6.2f s   (goal <= 3 s)", med["noop_s"])
    log.info("  chunks                  : %6d     paragraphs labelled: %d", med["chunks"], med["labelled"])
    log.info("  peak memory (RSS)       : %6.0f MB", med["peak_mb"])

    if args.gold.exists():
        log.info("\nDense-only recall on %s (scored with the shared scorer)", args.gold)
        log.info("  %-10s %s", "model", "  ".join(f"{k:>9}" for k in ("all r@1", "all r@5", "all r@10", "en r@5", "ar r@5", "index s")))
        for model in args.models:
            with tempfile.TemporaryDirectory() as data:
                timing = _run(_CHILD.format(root=str(ROOT), data=data, model=model))
                rec = _run(_RECALL.format(root=str(ROOT), data=data, model=model, gold=str(args.gold)))
            cells = [rec["all r@1"], rec["all r@5"], rec["all r@10"], rec["en r@5"], rec["ar r@5"], round(timing["full_s"], 1)]
            log.info("  %-10s %s", model, "  ".join(f"{c:>9}" for c in cells))


if __name__ == "__main__":
    main()
