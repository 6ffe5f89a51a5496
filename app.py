"""The Gradio app: a thin shell over one `Assistant` (the full chat UI lands with the app issue)."""
from __future__ import annotations

import logging
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from assistant.core import Assistant
from indexing.config import Settings

log = logging.getLogger(__name__)


def build(assistant: Assistant) -> gr.Blocks:
    def respond(message: str, history: list) -> str:
        return assistant.ask(message).text

    with gr.Blocks(title="Policy assistant") as demo:
        gr.ChatInterface(respond)
    return demo


def launch(host: str | None = None, port: int | None = None, reindex: bool = True) -> None:
    settings = Settings()
    assistant = Assistant(settings)
    if reindex:
        assistant.index()
    demo = build(assistant)
    demo.queue(default_concurrency_limit=settings.app.concurrency_limit, max_size=settings.app.max_queue)
    demo.launch(server_name=host or settings.app.host, server_port=port or settings.app.port)
