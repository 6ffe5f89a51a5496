"""App cold start and memory: start `policy-assistant serve --no-index` on an index already built, time
process start -> first answer over `gradio_client`, then ask a few more questions and report the server's
peak resident memory (process tree). Medians over `--runs` starts.

    python bench/app.py [--runs 3] [--questions 10]
"""
from __future__ import annotations

import argparse
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("bench.app")
QUESTIONS = [
    "What does the threat assessment say about end-to-end encryption?",
    "ما دور القطاع الخاص في حماية الأطفال بحسب القرار؟",
    "What does the Special Rapporteur recommend on victim identification?",
    "ما الذي تقوله المراجعة عن خطوط المساعدة للأطفال؟",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def one_run(data_dir: Path, questions: int) -> dict:
    from gradio_client import Client

    port = free_port()
    env = dict(os.environ, PA_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--no-index", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    peak = 0
    try:
        client = None
        while client is None:
            if proc.poll() is not None:
                raise RuntimeError("the app exited during start-up")
            try:
                client = Client(f"http://127.0.0.1:{port}/", verbose=False)
            except Exception:
                peak = max(peak, tree_rss(ps))
                time.sleep(0.2)
        client.predict(QUESTIONS[0], None, api_name="/ask")
        first = time.perf_counter() - started
        peak = max(peak, tree_rss(ps))
        latencies = []
        for i in range(questions):
            t = time.perf_counter()
            client.predict(QUESTIONS[i % len(QUESTIONS)], [], [], [], [], api_name="/chat")
            latencies.append(time.perf_counter() - t)
            peak = max(peak, tree_rss(ps))
        return {"first_answer_s": first, "peak_mb": peak / 2**20, "chat_p50_ms": statistics.median(latencies) * 1000}
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
        subprocess.run([sys.executable, "-m", "assistant.cli", "index", "--data-dir", str(data)], cwd=ROOT, check=True,
                       env=dict(os.environ, HF_HUB_OFFLINE="1"), stdout=subprocess.DEVNULL)
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
