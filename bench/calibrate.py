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


def best_threshold(
    scores: list[tuple[float, bool]], max_false_abstain: float = 0.05, min_room: float = 0.1
) -> tuple[float, float, float]:
    """(threshold, abstain rate on unanswerables, false-abstain rate on answerables).

    Wrongly refusing an answerable question costs a user more than a hedged answer to an unanswerable
    one, so the false-abstain rate is a budget (half the product goal of 0.10, for a margin) and, within
    it, the threshold abstains on as many unanswerable questions as possible. Among equally good
    thresholds the one with most room to the nearest score wins, and a threshold closer than `min_room`
    (relative) to any score is not considered: the set is small and the threshold must hold on questions
    it has not seen.
    """
    finite = sorted({s for s, _ in scores if math.isfinite(s)})
    candidates = [(a + b) / 2 for a, b in zip(finite, finite[1:])] or [0.0]
    pos = [s for s, a in scores if a]
    neg = [s for s, a in scores if not a]
    best, best_key = (0.0, 0.0, 0.0), (-1.0, -1.0)
    for t in candidates:
        false_abstain = sum(s < t for s in pos) / max(1, len(pos))
        if false_abstain > max_false_abstain:
            continue
        abstained = sum(s < t for s in neg) / max(1, len(neg))
        room = min(abs(s - t) for s in finite) / max(t, 1e-9)
        if room < min_room:
            continue
        if (abstained, room) > best_key:
            best, best_key = (t, abstained, false_abstain), (abstained, room)
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
    threshold, abstained, false_abstain = best_threshold(scores)
    log.info("threshold %.3f: abstains on %.2f of unanswerable, %.2f of answerable (current setting %.3f)",
             threshold, abstained, false_abstain, settings.answer.abstain_threshold)


if __name__ == "__main__":
    main()
