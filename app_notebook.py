"""The trainer's notebook in the app: a pin row under the chat and a Notebook tab (assistant/notebook.py holds the
logic, assistant/render/notebook.py the handout and the list).

The notebook lives in the browser (`gr.BrowserState`, localStorage, encrypted with a secret kept in the data
folder so it also survives a server restart) and travels with each event as its JSON form; API callers pass it
in and get it back the same way (`client.predict(n, notebook, api_name="/pin")`). A shell: it formats and
passes on, the notebook decides.
"""
from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.notebook import Notebook, NotebookError, NotebookItem
from assistant.render.notebook import item_choice, notebook_docx, notebook_html, notebook_markdown
from assistant.render.references import references, short
from indexing.config import Settings

log = logging.getLogger(__name__)

STORAGE_KEY = "policy-assistant-notebook"
CSS = """
.pa-nb-item { border-bottom: 1px solid var(--border-color-primary, #ddd); padding: .6em 0 .8em; }
.pa-nb-item .pa-passage { margin: .4em 0; }
.pa-nb-source { margin: .3em 0 .6em; }
.pa-nb-note { background: var(--color-accent-soft, #fff5d6); padding: .35em .6em; border-radius: 6px; margin-top: .4em;
  white-space: pre-wrap; }
#pin-pick input, #notebook-item input, #notebook-note textarea, #notebook-title input { unicode-bidi: plaintext; }
"""
FORMATS = ("Word (.docx)", "Markdown")


def browser_secret(settings: Settings) -> str:
    """The key the browser's copy is encrypted with: made once per data folder, so reloads and restarts read it."""
    path = settings.data_dir / "browser-state.secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def citation_choices(conv) -> list[tuple[str, str]]:
    """Every answer's citations, the last answer's first, to pick one to pin: `[2] A/HRC/28/56, para. 42 — «…»`;
    an earlier answer's are marked with its question (`Q1 · [2] …`, value "1:2"; the last answer's are just "2")."""
    answers = list(conv.answers) if conv and conv.answers else []
    out: list[tuple[str, str]] = []
    for i in range(len(answers) - 1, -1, -1):
        answer = answers[i]
        ref = references(answer.language)
        last = i == len(answers) - 1
        for c in answer.citations:
            shown = f"[{c.n}] {ref.sep.join([c.symbol or short(c.title, 40), *ref.locator(c)])} — «{short(c.quote, 50)}»"
            out.append((shown if last else f"Q{i + 1} «{short(answer.question, 30)}» · {shown}",
                        str(c.n) if last else f"{i + 1}:{c.n}"))
    return out


@dataclass
class NotebookUI:
    """The notebook's components; `pin_row` and `tab` are placed by app.py, `wire` connects them."""

    settings: Settings

    def __post_init__(self):
        self.state = gr.BrowserState({}, storage_key=STORAGE_KEY, secret=browser_secret(self.settings))
        self.exports = self.settings.data_dir / "exports"

    # -- layout -------------------------------------------------------------------------------------------
    def pin_row(self) -> None:
        with gr.Row(elem_id="pin-row", equal_height=True):
            self.pick = gr.Dropdown([], label="Citation · الاقتباس", scale=4,
                                    allow_custom_value=True, elem_id="pin-pick")  # choices change per answer
            self.pin_btn = gr.Button("Pin citation · ثبّت الاقتباس", size="sm", scale=1, elem_id="pin-citation")
            self.pin_answer_btn = gr.Button("Pin answer · ثبّت الإجابة", size="sm", scale=1, elem_id="pin-answer")
        self.pin_status = gr.Markdown(elem_id="pin-status")

    def tab(self) -> None:
        with gr.Tab("Notebook · الدفتر", elem_id="notebook-tab"):
            self.status = gr.Markdown(elem_id="notebook-status")
            with gr.Row():
                # The controls first: on a phone they stack above the list instead of below it.
                with gr.Column(scale=2, min_width=300):
                    self.item = gr.Dropdown([], label="Item · البند", allow_custom_value=True, elem_id="notebook-item")
                    with gr.Row():
                        self.up = gr.Button("↑ Up · أعلى", size="sm", elem_id="notebook-up", min_width=80)
                        self.down = gr.Button("↓ Down · أسفل", size="sm", elem_id="notebook-down", min_width=80)
                        self.remove_btn = gr.Button("Remove · احذف", size="sm", variant="stop", min_width=80,
                                                    elem_id="notebook-remove")
                    self.note = gr.Textbox(label="Note · ملاحظة", lines=2, elem_id="notebook-note",
                                           max_length=self.settings.app.notebook_note_chars)
                    self.note_btn = gr.Button("Save note · احفظ الملاحظة", size="sm", elem_id="notebook-save-note")
                    with gr.Accordion("Handout · مادة الورشة", open=True):
                        self.title = gr.Textbox(label="Title · العنوان", placeholder="Workshop handout",
                                                elem_id="notebook-title")
                        self.fmt = gr.Radio(list(FORMATS), value=FORMATS[0], label="Format", elem_id="notebook-format")
                        self.export_btn = gr.Button("Export handout · صدّر", variant="primary", size="sm",
                                                    elem_id="notebook-export")
                        self.handout = gr.File(label="Handout", interactive=False, elem_id="notebook-handout")
                    with gr.Accordion("Save or load · حفظ أو تحميل", open=False):
                        self.save_btn = gr.Button("Save notebook (.json)", size="sm", elem_id="notebook-save")
                        self.saved = gr.File(label="Notebook file", interactive=False, elem_id="notebook-file")
                        self.upload = gr.File(label="Load a notebook file (.json): replaces this notebook",
                                              file_types=[".json"], type="filepath", elem_id="notebook-load")
                with gr.Column(scale=3):
                    self.view = gr.HTML(notebook_html(Notebook()), elem_id="notebook")

    # -- handlers -----------------------------------------------------------------------------------------
    def shown(self, notebook: Notebook, message: str = "", select: str | None = None):
        """What every change shows: the notebook's JSON (to the browser), the message, the list, the picker."""
        choices = [(item_choice(item, n), item.id) for n, item in enumerate(notebook.items, 1)]
        ids = [item.id for item in notebook.items]
        value = select if select in ids else (ids[0] if ids else None)
        note = next((item.note for item in notebook.items if item.id == value), "")
        return (notebook.to_dict(), message, notebook_html(notebook), gr.update(choices=choices, value=value), note)

    def changed(self, data: Any, change, ok: str, select=None):
        """Apply `change` to the browser's notebook; a refusal is said in the status line and changes nothing."""
        kept = data or {}  # a refusal hands the notebook back as it came: the browser's copy and the caller's stay
        try:
            notebook = Notebook.of(data)
        except NotebookError as exc:  # a copy a broken build wrote: say so, keep it until it is replaced
            return kept, f"⚠ The notebook kept in this browser cannot be read ({exc}).", gr.skip(), gr.skip(), gr.skip()
        try:
            after, picked = change(notebook)
        except NotebookError as exc:
            return kept, f"⚠ {exc}", gr.skip(), gr.skip(), gr.skip()
        return self.shown(after, ok.format(n=len(after)), picked if select is None else select)

    def _pin(self, data, item_of, what: str):
        max_items = self.settings.app.notebook_max_items

        def change(nb: Notebook):
            item = item_of()
            return nb.add(item, max_items), item.id
        return self.changed(data, change, f"✓ {what} pinned as item {{n}} of the notebook (Notebook tab).")

    def pin_choices(self, conv):
        choices = citation_choices(conv)
        return gr.update(choices=choices, value=choices[0][1] if choices else None)

    def pin(self, n: str | None, conv, data):
        """Pin citation [n] of the last answer, or "q:n", citation [n] of the conversation's q-th answer."""
        answers = list(conv.answers) if conv and conv.answers else []
        q, _, cite = str(n or "").strip().rpartition(":")

        def item():
            if not answers:
                raise NotebookError("Ask a question first, then pin one of its citations.")
            if not cite.isdigit() or (q and not (q.isdigit() and 1 <= int(q) <= len(answers))):
                raise NotebookError("Choose one of the conversation's citations to pin.")
            return NotebookItem.of_citation(answers[int(q) - 1] if q else answers[-1], int(cite))
        return self._pin(data, item, f"Citation [{cite}]")

    def pin_answer(self, conv, data):
        """Pin the last answer whole: its own words and every quote it gives."""
        last = conv.answers[-1] if conv and conv.answers else None

        def item():
            if last is None:
                raise NotebookError("Ask a question first, then pin its answer.")
            if last.abstained or not last.citations:
                raise NotebookError("This answer quotes nothing to take into a handout.")
            return NotebookItem.of_answer(last)
        return self._pin(data, item, "The answer")

    def move(self, item_id: str | None, by: int, data):
        return self.changed(data, lambda nb: (nb.move(self._id(item_id), by), item_id), "Moved.")

    def annotate(self, item_id: str | None, note: str | None, data):
        return self.changed(data, lambda nb: (nb.annotate(self._id(item_id), note or ""), item_id), "Note saved.")

    def remove(self, item_id: str | None, data):
        def change(nb: Notebook):
            i = nb.index(self._id(item_id))
            after = nb.remove(item_id)
            keep = after.items[min(i, len(after) - 1)].id if after.items else None
            return after, keep
        return self.changed(data, change, "Removed; {n} item(s) left.")

    def select(self, item_id: str | None, data) -> str:
        """The chosen item's note, to edit."""
        try:
            notebook = Notebook.of(data)
        except NotebookError:
            return ""
        return next((item.note for item in notebook.items if item.id == item_id), "")

    @staticmethod
    def _id(item_id: str | None) -> str:
        if not item_id:
            raise NotebookError("Choose an item of the notebook first.")
        return item_id

    def _folder(self) -> Path:
        folder = self.exports / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def export(self, fmt: str, title: str | None, data) -> str:
        """The handout as a file to download (Word or Markdown)."""
        notebook = self._readable(data, title)
        if not notebook.items:
            raise gr.Error("The notebook is empty: pin citations or answers first.")
        folder = self._folder()
        if fmt == "Markdown":
            path = folder / "handout.md"
            path.write_text(notebook_markdown(notebook), encoding="utf-8")
            return str(path)
        return str(notebook_docx(notebook, folder / "handout.docx"))

    def save(self, title: str | None, data) -> str:
        """The notebook as a JSON file, to keep or to give to a colleague."""
        path = self._folder() / "notebook.json"
        path.write_text(self._readable(data, title).to_json(), encoding="utf-8")
        return str(path)

    def load(self, file: str | None, data):
        """A saved notebook in place of this one, every field checked first; a bad file changes nothing."""
        if not file:  # the file box was cleared
            return (data or {}, *(gr.skip(),) * 5)
        try:
            loaded = Notebook.from_json(Path(file).read_bytes())
            limit = self.settings.app.notebook_max_items
            if len(loaded) > limit:
                raise NotebookError(f"The file holds {len(loaded)} items; a notebook holds at most {limit}.")
        except (OSError, NotebookError) as exc:
            return (data or {}, f"⚠ {Path(file).name}: {exc}", *(gr.skip(),) * 4)
        return (*self.shown(loaded, f"Loaded {Path(file).name}: {len(loaded)} item(s)."), loaded.title)

    def opened(self, data):
        """A page opened (or reloaded): show the notebook the browser kept."""
        try:
            notebook = Notebook.of(data)
        except NotebookError as exc:
            log.warning("a browser's notebook could not be read: %s", exc)
            return (gr.skip(), f"⚠ The notebook kept in this browser cannot be read ({exc}).", gr.skip(), gr.skip(),
                    gr.skip(), gr.skip())
        return (*self.shown(notebook), notebook.title)

    def _readable(self, data, title: str | None) -> Notebook:
        try:
            notebook = Notebook.of(data)
        except NotebookError as exc:
            raise gr.Error(str(exc)) from None
        return replace(notebook, title=(title or "").strip()) if title is not None else notebook

    # -- events -------------------------------------------------------------------------------------------
    def wire(self, demo: gr.Blocks, conv: gr.State, chatbot: gr.Chatbot) -> None:
        """Connect the pin row and the tab; the pin list follows the chat (each answer, each new conversation)."""
        shown = [self.state, self.status, self.view, self.item, self.note]
        pinned = [self.state, self.pin_status, self.view, self.item, self.note]
        chatbot.change(self.pin_choices, conv, self.pick, api_name=False, show_progress="hidden")
        self.pin_btn.click(self.pin, [self.pick, conv, self.state], pinned, api_name="pin")
        self.pin_answer_btn.click(self.pin_answer, [conv, self.state], pinned, api_name="pin_answer")
        self.up.click(lambda i, d: self.move(i, -1, d), [self.item, self.state], shown, api_name="notebook_up")
        self.down.click(lambda i, d: self.move(i, +1, d), [self.item, self.state], shown, api_name="notebook_down")
        self.remove_btn.click(self.remove, [self.item, self.state], shown, api_name="notebook_remove")
        self.note_btn.click(self.annotate, [self.item, self.note, self.state], shown, api_name="notebook_note")
        self.item.input(self.select, [self.item, self.state], self.note, api_name=False, show_progress="hidden")
        self.export_btn.click(self.export, [self.fmt, self.title, self.state], self.handout, api_name="notebook_export")
        self.save_btn.click(self.save, [self.title, self.state], self.saved, api_name="notebook_save")
        self.upload.upload(self.load, [self.upload, self.state], [*shown, self.title], api_name="notebook_load")
        demo.load(self.opened, self.state, [*shown, self.title], api_name="notebook")
