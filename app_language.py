"""The interface language (English / العربية): one language on every label instead of both, and the page's
`lang` and `dir` set to match, so an Arabic reader gets a right-to-left page.

Components register their words per language (`add`); switching the radio sends each its `gr.update`, and a
line of script sets `<html lang dir>`. The choice is kept in the browser (`gr.BrowserState`). Answers keep the
language of their question whatever the interface language is.
"""
from __future__ import annotations

from typing import Any

import gradio as gr

from app_notebook import browser_secret
from indexing.config import Settings

CHOICES = [("English", "en"), ("العربية", "ar")]
SET_PAGE = """(lang) => {
  document.documentElement.lang = lang === "ar" ? "ar" : "en";
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  return lang;
}"""
CSS = """
#ui-lang { max-width: 22em; margin-inline-start: auto; }
#ui-lang .wrap { flex-wrap: nowrap; }
"""


class LanguageUI:
    def __init__(self, settings: Settings):
        self.state = gr.BrowserState("en", storage_key="policy-assistant-language", secret=browser_secret(settings))
        self.words: list[tuple[Any, dict, dict]] = []

    def radio(self) -> gr.Radio:
        self.lang = gr.Radio(CHOICES, value="en", label="Language · اللغة", elem_id="ui-lang", container=False)
        return self.lang

    def add(self, component, en: dict | str, ar: dict | str) -> None:
        """A component's words per language; a plain string is its label."""
        as_kwargs = lambda w: {"label": w} if isinstance(w, str) else w  # noqa: E731
        self.words.append((component, as_kwargs(en), as_kwargs(ar)))

    def add_written_in_both(self, demo: gr.Blocks) -> None:
        """Every other label written "English · العربية" (and a button's text): its two halves, one per language,
        so a tab or panel built elsewhere (the notebook, the cited page) follows the switch without a list here."""
        done = {id(c) for c, _, _ in self.words} | {id(self.lang)}
        for block in list(demo.blocks.values()):
            if id(block) in done:
                continue
            attr = "value" if isinstance(block, gr.Button) else "label"
            text = getattr(block, attr, None)
            if isinstance(text, str) and " · " in text:
                en, ar = (part.strip() for part in text.split(" · ", 1))
                self.add(block, {attr: en}, {attr: ar})

    def updates(self, lang: str):
        """The chosen language (for the browser's keeping, or the radio), then each component's words."""
        lang = "ar" if lang == "ar" else "en"
        return (lang, *[gr.update(**(ar if lang == "ar" else en)) for _, en, ar in self.words])

    def wire(self, demo: gr.Blocks) -> None:
        targets = [c for c, _, _ in self.words]
        self.lang.input(self.updates, self.lang, [self.state, *targets], js=SET_PAGE, api_name=False)
        # A page opened: the kept language (English at first) on every label, and on <html>.
        demo.load(self.updates, self.state, [self.lang, *targets], api_name=False).then(
            None, self.lang, None, js=SET_PAGE, api_name=False)
