"""Calibrate the abstain threshold on a gold set: the evidence-support score of every question, and the
threshold that best separates answerable from unanswerable ones (balanced accuracy, ties to the lower
threshold so that the assistant prefers answering).

    python bench/calibrate.py ../shared/eval/dev.jsonl [--data-dir DIR]
"""
from __future__ import annotations

import argparse
import logging
import math
from pathlib import Path

from assistant import Assistant
from assistant.evaluation import load_gold
from indexing.config import Settings

log = logging.getLogger("calibrate")


def best_threshold(scores: list[tuple[float, bool]]) -> tuple[float, float]:
    """(threshold, balanced accuracy) maximising balanced accuracy; answerable = True."""
    finite = sorted({s for s, _ in scores if math.isfinite(s)})
    candidates = [0.0] + [(a + b) / 2 for a, b in zip(finite, finite[1:])] + [finite[-1] + 1e-6 if finite else 0.0]
    pos = [s for s, a in scores if a]
    neg = [s for s, a in scores if not a]
    best = (0.0, -1.0)
    for t in candidates:
        answered = sum(s >= t for s in pos) / max(1, len(pos))
        abstained = sum(s < t for s in neg) / max(1, len(neg))
        bacc = (answered + abstained) / 2
        if bacc > best[1] + 1e-9:
            best = (t, bacc)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--data-dir", type=Path, default=None)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
    assistant = Assistant(settings)
    if assistant.store.count() == 0:
        assistant.index(show_progress=True)
    scores = []
    for item in load_gold(args.gold):
        retrieval = assistant.retrieve(item["question"])
        s = assistant.support(item["question"], retrieval)
        scores.append((s, bool(item["evidence"])))
        log.info("%-6s %-3s %-12s support=%.3f", item["id"], item["lang"], "answerable" if item["evidence"] else "UNANSWERABLE", s)
    threshold, bacc = best_threshold(scores)
    log.info("threshold %.3f  balanced accuracy %.3f  (current setting %.3f)", threshold, bacc,
             settings.answer.abstain_threshold)


if __name__ == "__main__":
    main()
