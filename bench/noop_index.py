"""How long a no-op `policy-assistant index` takes as a whole process (interpreter start to exit).

    python bench/noop_index.py              # 5 runs on ./data after one run that brings the index up to date
    python bench/noop_index.py --runs 9 --data-dir /tmp/pa-data

Nothing changed, so nothing may be embedded: the figure is imports, opening Chroma, hashing the files and the
report. It prints each run and the median.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_index(env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant.cli", "index"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data-dir", type=Path, help="index folder (default: the settings' data_dir)")
    args = ap.parse_args()
    env = dict(os.environ, HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    if args.data_dir:
        env["PA_DATA_DIR"] = str(args.data_dir)
    run_index(env)  # brings the index up to date; the runs below find nothing to do
    times = []
    for n in range(args.runs):
        times.append(run_index(env))
        print(f"run {n + 1}: {times[-1]:.2f} s", flush=True)
    print(f"median of {args.runs} no-op runs: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
