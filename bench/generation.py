"""Language-model backend figures: time to first token and tokens/s for the test model, and the shared
scorer's table with `none` (extractive) beside a model backend.

    python bench/generation.py [--model smollm2] [--gold ../shared/eval/dev.jsonl] [--limit 0]

The model runs in process (llamacpp backend). Medians over the gold questions that reach the model.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from assistant import Assistant
from assistant.evaluation import format_table, load_gold, load_scorer, score_run
from assistant.render.json import run_record
from indexing.config import PROJECT_ROOT, Settings

log = logging.getLogger("bench.llm")


def run(assistant: Assistant, gold: list[dict]) -> tuple[list[dict], list[dict]]:
    records, speed = [], []
    for item in gold:
        started = time.perf_counter()
        first, deltas = None, 0
        response = assistant.respond(item["question"])
        for _ in response:
            deltas += 1
            first = first if first is not None else time.perf_counter() - started
        answer = response.answer
        total = time.perf_counter() - started
        answer.timings["total_ms"] = total * 1000
        records.append(run_record(answer, item["id"]))
        if answer.backend != "extractive" and first is not None:
            gen = answer.timings.get("generate_ms", total * 1000) / 1000
            speed.append({"ttft_s": first, "tokens_per_s": deltas / max(1e-6, gen - first + 1e-6),
                          "fallback": answer.backend.startswith("extractive")})
    return records, speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2", help="a .gguf path, or smollm2 / gemma3-270m")
    parser.add_argument("--gold", type=Path, default=PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("httpx", "bm25s", "chromadb"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    gold = load_gold(args.gold)[: args.limit or None]
    scorer = load_scorer(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        base = Settings(data_dir=Path(tmp))
        extractive = Assistant(base)
        extractive.index(show_progress=False)
        none_records, _ = run(extractive, gold)
        model = Assistant(base.model_copy(update={"llm": base.llm.model_copy(
            update={"backend": "llamacpp", "model_path": args.model})}))
        model_records, speed = run(model, gold)
    log.info("backend none (extractive):\n%s", format_table(score_run(gold, none_records, base.corpus_dir, scorer)))
    log.info("backend llamacpp %s:\n%s", args.model, format_table(score_run(gold, model_records, base.corpus_dir, scorer)))
    if speed:
        log.info("\n%s on 2 cores, %d questions reached the model (%d fell back to extractive):", args.model,
                 len(speed), sum(s["fallback"] for s in speed))
        log.info("  time to first token : %.2f s (median)", statistics.median(s["ttft_s"] for s in speed))
        log.info("  tokens per second   : %.1f (median)", statistics.median(s["tokens_per_s"] for s in speed))


if __name__ == "__main__":
    main()
