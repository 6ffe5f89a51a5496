"""App cold start and memory: start `policy-assistant serve --no-index` on an index already built, time
process start -> first answer over `gradio_client`, then ask a few more questions and report the server's
peak resident memory (process tree). Medians over `--runs` starts.

    python bench/app.py [--runs 3] [--questions 10]
"""
from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

import psutil

from serving import build_index, connect, start_app, tree_rss

log = logging.getLogger("bench.app")
QUESTIONS = [
    "What does the threat assessment say about end-to-end encryption?",
    "ما دور القطاع الخاص في حماية الأطفال بحسب القرار؟",
    "What does the Special Rapporteur recommend on victim identification?",
    "ما الذي تقوله المراجعة عن خطوط المساعدة للأطفال؟",
]


def one_run(data_dir: Path, questions: int) -> dict:
    started = time.perf_counter()
    proc, url = start_app(data_dir)
    ps = psutil.Process(proc.pid)
    peak = [0]

    def sample() -> None:
        peak[0] = max(peak[0], tree_rss(ps))

    try:
        client = connect(url, proc, while_waiting=sample)
        client.predict(QUESTIONS[0], None, api_name="/ask")
        first = time.perf_counter() - started
        sample()
        latencies = []
        for i in range(questions):
            t = time.perf_counter()
            client.predict(QUESTIONS[i % len(QUESTIONS)], [], [], [], [], api_name="/chat")
            latencies.append(time.perf_counter() - t)
            sample()
        return {"first_answer_s": first, "peak_mb": peak[0] / 2**20, "chat_p50_ms": statistics.median(latencies) * 1000}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=10)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        build_index(data)
        runs = []
        for n in range(args.runs):
            runs.append(one_run(data, args.questions))
            log.info("run %d: %s", n + 1, {k: round(v, 2) for k, v in runs[-1].items()})
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    log.info("\nApp on the bundled corpus, index built (median of %d starts, 2 cores)", args.runs)
    log.info("  cold start -> first answer : %6.1f s   (goal <= 15 s)", med["first_answer_s"])
    log.info("  peak memory of the server  : %6.0f MB  (goal <= 1536 MB)", med["peak_mb"])
    log.info("  chat answer p50            : %6.0f ms", med["chat_p50_ms"])


if __name__ == "__main__":
    main()
