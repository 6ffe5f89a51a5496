"""Load: N concurrent `gradio_client` users against the running app on localhost, for a bounded time each.

Starts `policy-assistant serve --no-index` on a freshly built index (or uses `--url`), then for each N in
`--users` every user asks dev-set-style questions (written here, not the gold set) through the chat endpoint
back to back for `--seconds`. Prints throughput, p50/p95/p99 latency, errors and the server's peak memory.

    python bench/load.py [--users 1 8 32] [--seconds 30] [--url http://127.0.0.1:7860/]
"""
from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import threading
import time
from pathlib import Path

import psutil

from serving import build_index, client, connect, start_app, tree_rss

log = logging.getLogger("bench.load")
QUESTIONS = [
    "What does the resolution ask internet service providers to do?",
    "ما الذي تقوله المقررة الخاصة عن البث المباشر للاعتداء الجنسي على الأطفال؟",
    "How does the threat assessment describe offender communities on the dark web?",
    "ما التوصيات الموجهة إلى شركات التكنولوجيا في تقييم التهديد العالمي؟",
    "What does Qatar's submission say about awareness campaigns?",
    "ما المقصود بنموذج الاستجابة الوطنية؟",
    "Which victim support services does the MNR review describe?",
    "ما هي الفقرة 7 من منطوق القرار؟",
]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def drive(url: str, users: int, seconds: float, server: psutil.Process | None) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    peak = [tree_rss(server) if server else 0]
    stop_at = time.perf_counter() + seconds

    def user(n: int) -> None:
        user_client = client(url)
        i = n
        while time.perf_counter() < stop_at:
            q = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            t = time.perf_counter()
            try:
                user_client.predict(q, [], [], [], [], api_name="/chat")
                with lock:
                    latencies.append(time.perf_counter() - t)
            except Exception as exc:
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])

    def sample() -> None:
        while time.perf_counter() < stop_at and server:
            peak[0] = max(peak[0], tree_rss(server))
            time.sleep(0.25)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    threads.append(threading.Thread(target=sample))
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ms = [x * 1000 for x in latencies]
    return {
        "users": users, "answers": len(ms), "errors": len(errors), "per_s": len(ms) / wall,
        "p50": statistics.median(ms) if ms else float("nan"), "p95": percentile(ms, 0.95) if ms else float("nan"),
        "p99": percentile(ms, 0.99) if ms else float("nan"), "peak_mb": peak[0] / 2**20, "first_error": errors[:1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--url", default=None, help="an app already running; default: start one")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    proc = server = None
    tmp = tempfile.TemporaryDirectory()
    url = args.url
    if url is None:
        build_index(Path(tmp.name))
        proc, url = start_app(Path(tmp.name))
        server = psutil.Process(proc.pid)
        connect(url, proc)
    try:
        rows = []
        for n in args.users:
            rows.append(drive(url, n, args.seconds, server))
            log.info("%s", {k: (round(v, 1) if isinstance(v, float) else v) for k, v in rows[-1].items()})
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
        tmp.cleanup()
    log.info("\nLoad on localhost, %.0f s per level (2 cores; chat endpoint through Gradio's queue)", args.seconds)
    log.info("%6s %8s %7s %8s %8s %8s %7s %9s", "users", "answers", "errors", "per s", "p50 ms", "p95 ms", "p99 ms",
             "peak MB")
    for r in rows:
        log.info("%6d %8d %7d %8.1f %8.0f %8.0f %7.0f %9.0f", r["users"], r["answers"], r["errors"], r["per_s"],
                 r["p50"], r["p95"], r["p99"], r["peak_mb"])
    if len(rows) > 1 and rows[0]["users"] == 1:
        eight = next((r for r in rows if r["users"] == 8), None)
        if eight:
            log.info("p95 at 8 users / p95 at 1 user = %.1fx (goal <= 3x)", eight["p95"] / rows[0]["p95"])


if __name__ == "__main__":
    main()
