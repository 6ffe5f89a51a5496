"""What the app benchmarks share: an index built in a scratch folder, the app started on it in its own process
(as a user starts it), a client that waits for it, and the memory of the server's process tree."""
from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
# One TLS context for every client: otherwise gradio_client has httpx load the CA bundle again on each call
# (~40 ms of CPU per question), and on 2 cores the load generator would eat the CPU it is measuring.
SSL_CONTEXT = ssl.create_default_context()


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, ssl_verify=SSL_CONTEXT)


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


def _env(data_dir: Path) -> dict:
    return dict(os.environ, PA_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")


def build_index(data_dir: Path) -> None:
    subprocess.run([sys.executable, "-m", "assistant.cli", "index"], cwd=ROOT, env=_env(data_dir), check=True,
                   stdout=subprocess.DEVNULL)


def start_app(data_dir: Path) -> tuple[subprocess.Popen, str]:
    """`policy-assistant serve --no-index` on a free port; returns the process and its URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--no-index", "--port", str(port)],
                            cwd=ROOT, env=_env(data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}/"


def connect(url: str, proc: subprocess.Popen | None = None, timeout: float = 120,
            while_waiting: Callable[[], None] | None = None):
    """A `gradio_client.Client` once the app answers; fails if the app exits or the time runs out."""
    deadline = time.time() + timeout
    while True:
        try:
            return client(url)
        except Exception:
            if (proc is not None and proc.poll() is not None) or time.time() > deadline:
                raise RuntimeError(f"the app at {url} did not start")
            if while_waiting:
                while_waiting()
            time.sleep(0.2)
