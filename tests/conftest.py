"""Shared fixtures: real things, built once per session.

`library` indexes the whole bundled corpus into a temporary Chroma folder with the real default
embedding model; tests that change a library get their own small copy (`small_library`).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bench.serving import free_port  # noqa: E402,F401  (tests import it from here)
from indexing.config import PROJECT_ROOT, Settings  # noqa: E402

CORPUS = PROJECT_ROOT / "corpus"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval"
EDITOR, EDITOR_TOKEN = "editor-1", "token-of-the-test-editor"  # the only editor of the libraries tests change
EDITORS = {"library": {"editors": {EDITOR: EDITOR_TOKEN}}}


@pytest.fixture(scope="session")
def library(tmp_path_factory):
    """The assistant over the whole bundled corpus, indexed once per test session."""
    from assistant import Assistant

    settings = Settings(corpus_dir=CORPUS, data_dir=tmp_path_factory.mktemp("library-data"))
    assistant = Assistant(settings)
    report = assistant.index(show_progress=False)
    assert not report.failed, report.failed
    return assistant


@pytest.fixture
def small_library(tmp_path):
    """Settings for a private library of two bundled documents, to add, change and remove files in."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("ga-resolution-2022.ar.txt", "qatar-submission-2024.txt", "catalogue.toml"):
        shutil.copy(CORPUS / name, corpus / name)
    return Settings(corpus_dir=corpus, data_dir=tmp_path / "data", **EDITORS)


def retriever_with(library, tmp_path, **retrieval):
    """A retriever over the session library's store with some retrieval settings changed."""
    from assistant.retrieval import Retriever

    settings = library.settings.model_copy(
        update={"data_dir": tmp_path, "retrieval": library.settings.retrieval.model_copy(update=retrieval)})
    return Retriever(settings, library.store, library.glossary, library.library.metas())


def read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def source_doc(text: str, name: str = "doc.txt", pages: list[str] | None = None, kind: str = "document"):
    """A SourceDocument built from text in memory, for cleaner and chunker tests."""
    from indexing.models import DocumentMeta, Page, SourceDocument

    meta = DocumentMeta(doc_id=Path(name).stem.replace(".", "-"), file_name=name, kind=kind)
    page_list = tuple(Page(i + 1, t) for i, t in enumerate(pages)) if pages else (Page(None, text),)
    return SourceDocument(Path(name), meta, page_list)


def make_pdf(path: Path, pages: list[list[str]], *, title: str | None = None, font: bool = False) -> Path:
    """A PDF with one list of lines per page; `font` uses DejaVu (needed for Arabic)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    if title:
        pdf.set_title(title)
    if font:
        pdf.add_font("dv", fname=str(FONT))
        pdf.set_font("dv", size=12)
    else:
        pdf.set_font("helvetica", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def wait_until_serving(url: str, proc, timeout: float) -> None:
    """Poll `url` until it answers 200; kill `proc` and fail if it exits or the time runs out."""
    import time

    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    pytest.fail(f"the server behind {url} did not start")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The app over a private copy of the bundled corpus (uploads and removals must not touch the repo)."""
    from app import launch

    root = tmp_path_factory.mktemp("app")
    shutil.copytree(CORPUS, root / "corpus")
    settings = Settings(corpus_dir=root / "corpus", data_dir=root / "data", **EDITORS)
    demo = launch(host="127.0.0.1", port=free_port(), settings=settings, block=False)
    yield demo, settings
    demo.close()


@pytest.fixture
def client(app_server):
    """A gradio_client of the app, its own session (its own conversation state)."""
    from gradio_client import Client

    return Client(app_server[0].local_url, verbose=False)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def chromium(*args: str):
    """Debian's headless Chromium through its chromedriver, with the window and locale arguments given."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", *args):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


# Samples the loader tests share (tests/test_loaders*.py, tests/test_visual_order.py).
AR_LINE = "الاستغلال الجنسي للأطفال على الإنترنت"
AR_LINE_2 = "تعزيز التعاون الدولي لحماية الأطفال"
AR_PARAGRAPH = "الاستغلال الجنسي للأطفال على الإنترنت جريمة.\nتلتزم الدول الأعضاء بحماية الأطفال، وتعزيز التعاون الدولي؟"
ENGLISH_PAGES = [
    "Member States shall protect children from online exploitation.",
    "The Special Rapporteur recommends stronger reporting duties.",
    "Internet providers must remove abusive material promptly.",
]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def answers(library):
    """Real answers from the indexed corpus, for the renderers: English and Arabic ones citing several
    documents, one quoting a numbered paragraph, and an abstention."""
    return {
        "en": library.ask("What does the Special Rapporteur report say about live streaming of child sexual abuse?"),
        "ar": library.ask("ما الذي يطلبه القرار من مقدمي خدمات الإنترنت بشأن الإبلاغ عن مواد الاعتداء الجنسي على الأطفال؟"),
        "op": library.ask("What does operative paragraph 3 of the resolution call upon Member States to do?"),
        "none": library.ask("Which football club won the 1998 World Cup final?"),
    }
