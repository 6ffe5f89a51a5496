"""Conversations kept across reloads, in the browser only (`gr.BrowserState`, encrypted with the data folder's
browser secret, as the notebook is): a list of past conversations beside "New conversation".

Each finished answer saves the conversation (its answers as structure and its follow-up turns,
`assistant/kept.py`); opening the page shows the newest again; picking a past one shows it and asking goes
on from it. The server keeps nothing.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import gradio as gr

from app_notebook import browser_secret
from assistant.kept import Kept, answer_of, keep, kept_list
from assistant.models import Answer
from indexing.config import Settings
from indexing.models import Chunk

log = logging.getLogger(__name__)

STORAGE_KEY = "policy-assistant-conversations"


class KeptUI:
    """The past-conversations list; `shown(answers)` renders answers as (chat history, sources panel)."""

    def __init__(self, settings: Settings, chunk_of: Callable[[str], Chunk | None],
                 shown: Callable[[list[Answer]], tuple[list, str]], conversation: Callable[..., Any]):
        self.settings = settings
        self.chunk_of = chunk_of
        self.shown = shown
        self.conversation = conversation  # (id, session, answers) -> the app's per-tab Conversation
        self.state = gr.BrowserState({"conversations": []}, storage_key=STORAGE_KEY, secret=browser_secret(settings))

    def picker(self) -> None:
        self.pick = gr.Dropdown([], value=None, label="Past conversations", elem_id="past-conversations",
                                interactive=True)

    def choices(self, data) -> list[tuple[str, str]]:
        return [(k.title or k.id, k.id) for k in kept_list(data)]

    def _restore(self, kept: Kept):
        try:
            answers = [answer_of(r, self.chunk_of) for r in kept.answers]
            session = kept.session()
        except (TypeError, ValueError, KeyError) as exc:  # a record this app cannot read: start afresh
            log.warning("a kept conversation could not be read: %s", exc)
            return gr.skip(), gr.skip(), gr.skip()
        history, sources = self.shown(answers)
        return history, self.conversation(kept.id, session, answers), sources

    def save(self, data, conv):
        """After each answer: this conversation saved as the newest."""
        app = self.settings.app
        data = keep(data, conv.id, conv.answers, conv.session, app.kept_conversations, app.kept_answers)
        return data, gr.update(choices=self.choices(data), value=conv.id if conv.answers else None)

    def opened(self, data):
        """A page opened (or reloaded): the newest conversation shown again, the others listed."""
        kept = kept_list(data)
        if not kept:
            return gr.skip(), gr.skip(), gr.skip(), gr.update(choices=[], value=None)
        return (*self._restore(kept[0]), gr.update(choices=self.choices(data), value=kept[0].id))

    def open(self, conv_id: str | None, data):
        kept = next((k for k in kept_list(data) if k.id == conv_id), None)
        if kept is None:
            return gr.skip(), gr.skip(), gr.skip()
        return self._restore(kept)

    def wire(self, demo: gr.Blocks, asked: list, cleared, chatbot, conv, sources) -> None:
        for event in asked:
            event.then(self.save, [self.state, conv], [self.state, self.pick], api_name=False)
        cleared.then(lambda data: gr.update(choices=self.choices(data), value=None), self.state, self.pick,
                     api_name=False)
        self.pick.input(self.open, [self.pick, self.state], [chatbot, conv, sources], api_name=False)
        demo.load(self.opened, self.state, [chatbot, conv, sources, self.pick], api_name=False)
