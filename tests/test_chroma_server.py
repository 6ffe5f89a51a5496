"""Server mode: a real `chroma run` on a free localhost port, indexed, queried, restarted, and taken down."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import free_port, wait_until_serving

from indexing.store import StoreUnavailable

pytestmark = pytest.mark.slow
CHROMA = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))


class ChromaServer:
    def __init__(self, path: Path):
        self.path, self.port, self.proc = path, free_port(), None

    def start(self) -> None:
        self.proc = subprocess.Popen([CHROMA, "run", "--path", str(self.path), "--host", "127.0.0.1",
                                      "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_serving(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", self.proc, timeout=60)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture
def server(tmp_path):
    srv = ChromaServer(tmp_path / "chroma-server")
    srv.start()
    yield srv
    if srv.proc.poll() is None:
        srv.stop()


def test_index_and_query_through_a_chroma_server_survive_a_restart(small_library, server):
    from assistant import Assistant

    settings = small_library.model_copy(update={"store": small_library.store.model_copy(
        update={"mode": "server", "port": server.port})})
    assistant = Assistant(settings)
    report = assistant.index(show_progress=False)
    assert not report.failed and report.total_chunks > 20
    question = "ما الذي تحث عليه الفقرة 4 من منطوق القرار؟"
    before = assistant.ask(question)
    assert before.citations and before.citations[0].label == "OP 4"
    assert not (small_library.data_dir / "chroma").exists()  # nothing went to the embedded folder

    server.stop()
    # answering reads the library held in memory, so a dead server does not stop it; the store itself
    # gives a clear error instead of a Chroma traceback, and nothing is half-written
    assert assistant.ask(question).citations[0].quote == before.citations[0].quote
    with pytest.raises(StoreUnavailable, match=f"Chroma server at 127.0.0.1:{server.port}"):
        assistant.store.count()
    server.start()

    again = Assistant(settings)  # a fresh process would see the same data
    assert again.store.count() == report.total_chunks
    assert again.index(show_progress=False).total_chunks == report.total_chunks  # a no-op
    assert again.ask(question).citations[0].quote == before.citations[0].quote
    assert assistant.ask(question).citations  # and the old assistant reconnects by itself


def test_unreachable_chroma_server_is_a_clear_start_up_error(small_library):
    from assistant import Assistant

    port = free_port()
    settings = small_library.model_copy(update={"store": small_library.store.model_copy(
        update={"mode": "server", "port": port})})
    with pytest.raises(StoreUnavailable, match=f"cannot open the Chroma server at 127.0.0.1:{port}"):
        Assistant(settings)
