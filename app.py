"""The Gradio app: a thin shell over one `Assistant`.

Ask (chat with per-message direction, streamed answers, numbered citations that open onto their passages, a
sources panel, filters, paragraph look-up, export), Library (list, upload, remove) and Glossary tabs.
Every event also has an `api_name`, so `gradio_client` (tests, `bench/load.py`) drives the same code the
page does.
"""
from __future__ import annotations

import logging
import threading
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from app_ask import CSS as ASK_CSS, chip_values, filter_chips
from app_conversations import KeptUI
from app_language import CSS as LANGUAGE_CSS, LanguageUI
from app_mcp import add_tools
from app_notebook import CSS as NOTEBOOK_CSS, NotebookUI
from assistant.core import Assistant
from assistant.editors import NotAllowed
from assistant.library import Refused
from assistant.models import Answer, Filters
from assistant.page_view import cited_page
from assistant.render.page_view import caption as page_caption, choices as page_choices_of
from assistant.render.docx import answers_docx
from assistant.render.html import CSS, answer_html, question_html, sources_html
from assistant.render.html import streaming_html, translation_html
from assistant.render.json import api_answer
from assistant.render.lookup import LookupList, lookup_html, lookup_list
from assistant.render.page import CSS as PAGE_CSS, head as page_head
from assistant.render.markdown import answer_markdown, conversation_markdown
from assistant.render.paragraph_table import COLUMNS, HEADERS, cells, table_csv, table_docx, table_markdown
from assistant.render.figures import COLUMNS as FIGURE_COLUMNS, HEADERS as FIGURE_HEADERS
from assistant.render.figures import cells as figure_cells, figures_csv, figures_xlsx
from assistant.render.recommendations import recommendation_rows, recommendations_markdown
from assistant.sessions import Session
from indexing.config import Settings
from indexing.language import answer_language, other_language, script_language
from indexing.loaders import suffix_list
from indexing.store import StoreUnavailable

log = logging.getLogger(__name__)

EXAMPLES = [
    "What does the Global Threat Assessment say about sextortion?",
    "What does the Special Rapporteur recommend about hotlines for reporting abuse material?",
    "ما الذي يدعو إليه القرار بشأن تثقيف الأطفال والآباء في مجال السلامة الرقمية؟",
    "ما التحديات التي تواجهها الدول منخفضة الدخل في تنفيذ نموذج الاستجابة الوطنية؟",
]
PLACEHOLDER = (
    "<div style='text-align:center'><h3>Ask the policy documents · اسأل وثائق السياسات</h3>"
    "<p>Answers quote the documents verbatim, with document, paragraph and page.<br>"
    "<span dir='rtl'>تقتبس الإجابات نص الوثائق حرفياً مع الوثيقة والفقرة والصفحة.</span></p></div>"
)
PLACEHOLDERS = {  # the empty chat, in the interface language
    "en": "<div style='text-align:center'><h3>Ask the policy documents</h3>"
          "<p>Answers quote the documents verbatim, with document, paragraph and page.</p></div>",
    "ar": "<div style='text-align:center' dir='rtl' lang='ar'><h3>اسأل وثائق السياسات</h3>"
          "<p>تقتبس الإجابات نص الوثائق حرفياً مع الوثيقة والفقرة والصفحة.</p></div>",
}
ERROR = "Something went wrong while answering ({detail}); your conversation is kept, please try again."


@dataclass
class Conversation:
    """Per-browser-tab state: the follow-up context and the answers given, for export."""

    session: Session = field(default_factory=Session)
    answers: list[Answer] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])  # its key among the browser's kept ones


def _filters(doc_ids, kinds, years) -> Filters:
    return Filters(tuple(doc_ids or ()), tuple(kinds or ()), tuple(int(y) for y in years or () if str(y).isdigit()))


def build(assistant: Assistant, settings: Settings | None = None) -> gr.Blocks:
    settings = settings or assistant.settings
    exports = settings.data_dir / "exports"

    def doc_choices() -> list[tuple[str, str]]:
        return [(f"{r.title} ({r.symbol})" if r.symbol else r.title, r.doc_id) for r in assistant.documents()]

    def doc_name(doc_id: str) -> str:
        record = assistant.store.documents().get(doc_id)
        return (record.symbol or record.title) if record else doc_id

    def kind_choices() -> list[str]:
        return sorted({r.kind for r in assistant.documents() if r.kind})

    def year_choices() -> list[str]:
        return sorted({str(r.year) for r in assistant.documents() if r.year})

    def library_rows() -> list[list]:
        added = assistant.library.added()
        return [
            [r.title, r.symbol, r.kind, r.year or "", r.chunks, r.labelled,
             datetime.fromtimestamp(r.indexed_at).strftime("%Y-%m-%d %H:%M"), r.file_name, r.doc_id,
             f"{added[r.file_name].added_by}, {added[r.file_name].added_at[:10]}" if r.file_name in added else "bundled"]
            for r in assistant.documents()
        ]

    # -- Ask ---------------------------------------------------------------------------------------
    def chat(message: str, history: list, conv: Conversation, doc_ids: list, kinds: list, years: list):
        """Stream the answer into the chat; the sources panel follows the finished answer."""
        conv = conv or Conversation()
        history = list(history or [])
        message = message or ""
        history.append({"role": "user", "content": question_html(message)})
        history.append({"role": "assistant", "content": ""})
        lang = answer_language(script_language(message))
        text = ""
        shown = None
        try:
            filters = _filters(doc_ids, kinds, years)
            response = assistant.respond(message, conv.session, filters)
            for delta in response:
                # Every update resends the whole chat: a model's tokens are shown a few times a second, and
                # an extractive answer (ready at once, however long the search took) goes out in one piece.
                text += delta
                shown = shown or time.monotonic()
                if time.monotonic() - shown >= settings.app.stream_interval_s:
                    history[-1]["content"] = streaming_html(text, lang)
                    shown = time.monotonic()
                    yield history, conv, gr.skip(), ""
            answer = response.answer
        except StoreUnavailable as exc:
            history[-1]["content"] = streaming_html(str(exc), "en")
            yield history, conv, gr.skip(), message
            return
        except Exception as exc:  # the page must stay up whatever one answer does
            log.exception("answering failed")
            history[-1]["content"] = streaming_html(ERROR.format(detail=type(exc).__name__), "en")
            yield history, conv, gr.skip(), message
            return
        conv.answers.append(answer)
        key = uuid.uuid4().hex[:8]  # ties the answer's [n] links to its entries in the sources panel
        filtered = ", ".join(shown for _, _, shown in chip_values(doc_ids, kinds, years, doc_name))
        history[-1]["content"] = answer_html(answer, assistant.chunk, key, filtered=filtered)
        yield history, conv, sources_html(answer, assistant.chunk, assistant.neighbours, key), ""

    def ask_alone(history: list, conv: Conversation, doc_ids: list, kinds: list, years: list):
        """The last question again, on its own: a new topic, so the follow-up context starts over from it."""
        last = conv.answers[-1] if conv and conv.answers else None
        if last is None or not last.read_with:
            yield history, conv, gr.skip(), ""
            return
        conv.session = Session()
        yield from chat(last.question, history, conv, doc_ids, kinds, years)

    def alone_offer(conv: Conversation):
        """Shown only under an answer that was read with the previous question."""
        last = conv.answers[-1] if conv and conv.answers else None
        return gr.update(visible=bool(last and last.read_with))

    def translate_choices(conv: Conversation):
        """The last answer's citations, to pick one for a machine translation."""
        last = conv.answers[-1] if conv and conv.answers else None
        cites = last.citations if last else ()
        choices = [(f"[{c.n}] {c.symbol or c.title[:40]}{', ' + c.label if c.label else ''}", str(c.n)) for c in cites]
        return gr.update(choices=choices, value=choices[0][1] if choices else None)

    def translate(n: str | None, conv: Conversation) -> str:
        """A cited passage of the last answer in the other language, by the language model, labelled."""
        last = conv.answers[-1] if conv and conv.answers else None
        c = next((c for c in (last.citations if last else ()) if str(c.n) == str(n)), None)
        if c is None:
            return '<p class="pa-meta">Ask a question, then choose one of its citations.</p>'
        target = last.language if script_language(c.quote) != last.language else other_language(last.language)
        return translation_html(assistant.translate(c.chunk_id, target))

    def page_of(n: str | None, conv: Conversation):
        """The cited page of one of the last answer's citations, its quote highlighted (PDF sources)."""
        last = conv.answers[-1] if conv and conv.answers else None
        c = next((c for c in (last.citations if last else ()) if str(c.n) == str(n)), None)
        if c is None:
            return None, "Ask a question, then choose one of its citations."
        view = cited_page(c, settings)
        return (str(view.image) if view.image else None), page_caption(view, c, last.language)

    def page_choices(conv: Conversation):
        """The last answer's citations, each with its page (or that it has no page image)."""
        last = conv.answers[-1] if conv and conv.answers else None
        pairs, first = page_choices_of(last.citations if last else (), last.language if last else "en")
        return gr.update(choices=pairs, value=first)

    def shown(answers: list[Answer]) -> tuple[list, str]:
        """Answers as the chat shows them, and the sources panel of the last (a kept conversation reopened)."""
        history, key = [], ""
        for answer in answers:
            key = uuid.uuid4().hex[:8]
            history += [{"role": "user", "content": question_html(answer.question)},
                        {"role": "assistant", "content": answer_html(answer, assistant.chunk, key)}]
        last = answers[-1] if answers else None
        return history, sources_html(last, assistant.chunk, assistant.neighbours, key)

    def clear():
        return [], Conversation(), sources_html(None, assistant.chunk, assistant.neighbours)

    def ask(question: str, doc_ids: list[str] | None = None) -> dict:
        """One stateless question, as JSON: the answer, its verbatim citations, whether it abstained."""
        return api_answer(assistant.ask(question, filters=_filters(doc_ids, (), ())))

    def lookup(doc_id: str | None) -> LookupList:
        return lookup_list(assistant.labels(doc_id) if doc_id else [])

    def labels_for(doc_id: str | None):
        """The document's paragraphs, then its footnotes; the first one chosen."""
        found = lookup(doc_id)
        return gr.update(choices=found.choices(), value=found.first)

    def paragraph(doc_id: str | None, label: str | None) -> str:
        if not doc_id or not label:
            return '<p class="pa-meta">Choose a document and a paragraph.</p>'
        return lookup_html(assistant.paragraph(doc_id, label), assistant.footnotes(doc_id))

    def ask_about(doc_id: str | None, label: str | None):
        if not doc_id or not label:
            return gr.skip(), gr.skip()
        record = assistant.store.documents().get(doc_id)
        name = (record.symbol or record.title) if record else doc_id
        return f"{label} — {name}: ", [doc_id]

    def export(scope: str, fmt: str, conv: Conversation) -> str | None:
        answers = (conv.answers if conv else [])
        if scope == "last answer":
            answers = answers[-1:]
        if not answers:
            raise gr.Error("Nothing to export yet: ask a question first.")
        folder = exports / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        stem = "conversation" if scope != "last answer" else "answer"
        if fmt == "Word (.docx)":
            return str(answers_docx(answers, folder / f"{stem}.docx"))
        text = answer_markdown(answers[0]) if scope == "last answer" else conversation_markdown(answers)
        path = folder / f"{stem}.md"
        path.write_text(text, encoding="utf-8")
        return str(path)

    # -- Library -----------------------------------------------------------------------------------
    def lists():
        """Every list of documents as the server now has it: after each change, and when a page is opened."""
        docs = doc_choices()
        return (gr.update(choices=docs), gr.update(choices=kind_choices()), gr.update(choices=year_choices()),
                gr.update(choices=docs), gr.update(choices=docs, value=None), gr.update(choices=docs, value=None),
                library_rows())

    def opened():
        """A page opened: the library as the store now has it, re-read if another process changed it."""
        assistant.refresh_if_changed()
        return lists()

    def indexed(report, errors, what: str = "new") -> str:
        """Only what changed: the files this change indexed, then each refusal or failure by name."""
        done = [d for d in report.documents if d.status == "indexed"]
        lines = [f"Indexed {len(done)} {what} file{'' if len(done) == 1 else 's'}." if done else "No file was indexed."]
        lines += [f"- ✓ {d.file_name}: {d.chunks} passages" for d in done]
        lines += [f"- ✗ {e}" for e in errors]
        return "\n".join(lines)

    def attempt(change):
        """The change's status line; a refusal (not an editor, duplicate, unconfirmed) is said, never raised."""
        try:
            return change()
        except (NotAllowed, Refused) as exc:
            return str(exc)
        except Exception as exc:
            log.exception("library change failed")
            return f"The change failed ({type(exc).__name__}: {exc}); nothing else was changed."

    def sign_in(token: str | None) -> str:
        editor = assistant.library.editors.who(token)
        if editor is None:
            return "Not an editor token. Reading needs no sign-in; changing the library needs an editor's token."
        return f"Signed in as **{editor.name}**: you can add, replace, remove and restore documents."

    def upload(files: list[str] | None, token: str | None = None, progress=gr.Progress()):
        if not files:
            return ("No files chosen.", *lists())
        paths = [Path(f if isinstance(f, str) else f.name) for f in files]
        return (attempt(lambda: indexed(*assistant.add_files(paths, progress=progress, token=token))), *lists())

    def replace(doc_id: str | None, file: str | None, confirm: bool, token: str | None = None, progress=gr.Progress()):
        if not doc_id or not file:
            return ("Choose a document and the file to put in its place.", *lists())

        def change():
            report, errors = assistant.replace_document(doc_id, Path(file), progress, token=token, confirm=bool(confirm))
            return f"Replaced {doc_id}; its previous version is kept (History).\n" + indexed(report, errors, "changed")
        return (attempt(change), *lists())

    def remove(doc_id: str | None, confirm: bool = False, token: str | None = None):
        if not doc_id:
            return ("Choose a document to remove.", *lists())

        def change():
            kept = assistant.remove_document(doc_id, token=token, confirm=bool(confirm))
            return f"Removed {doc_id} to the trash ({kept.kept_id}): an editor can restore it under History."
        return (attempt(change), *lists())

    trash_headers = ["Kept as", "Id", "File", "Removed", "By", "sha256"]

    def trash(token: str | None = None):
        try:
            kept = assistant.library.trash(token=token)
        except NotAllowed as exc:
            return [], gr.update(choices=[], value=None), str(exc)
        rows = [[k.kept_id, k.doc_id, k.file_name, k.kept_at, k.kept_by, k.sha256[:12]] for k in kept]
        choices = [(f"{k.doc_id} ({k.kept_at})", k.kept_id) for k in kept]
        return rows, gr.update(choices=choices, value=None), f"{len(kept)} document(s) in the trash."

    def restore(kept_id: str | None, token: str | None = None, progress=gr.Progress()):
        if not kept_id:
            return ("Choose a document in the trash.", *lists())

        def change():
            report, kept = assistant.restore(kept_id, progress, token=token)
            return f"Restored {kept.doc_id} from the trash.\n" + indexed(report, [], "restored")
        return (attempt(change), *lists())

    def versions(doc_id: str | None, token: str | None = None):
        if not doc_id:
            return [], gr.update(choices=[], value=None)
        try:
            kept = assistant.library.versions(doc_id, token=token)
        except NotAllowed:
            return [], gr.update(choices=[], value=None)
        rows = [[k.kept_id, k.file_name, k.kept_at, k.kept_by, k.sha256[:12]] for k in kept]
        return rows, gr.update(choices=[(f"{k.kept_at} ({k.sha256[:8]})", k.kept_id) for k in kept], value=None)

    def restore_version(doc_id: str | None, kept_id: str | None, token: str | None = None, progress=gr.Progress()):
        if not doc_id or not kept_id:
            return ("Choose a document and one of its kept versions.", *lists())

        def change():
            report, _ = assistant.restore_version(doc_id, kept_id, progress, token=token)
            return (f"Restored version {kept_id} of {doc_id}; the version it replaced is kept.\n"
                    + indexed(report, [], "changed"))
        return (attempt(change), *lists())

    # -- Glossary ----------------------------------------------------------------------------------
    def glossary(query: str) -> list[list[str]]:
        terms = assistant.glossary.lookup(query or "") if (query or "").strip() else assistant.glossary.terms
        return [[" / ".join(t.en), " / ".join(t.ar), t.note] for t in terms]

    # -- Resolution at a glance ----------------------------------------------------------------------
    ALL = "all · الكل"

    def resolution_choices() -> list[tuple[str, str]]:
        return [(name, doc_id) for name, doc_id in doc_choices() if assistant.paragraphs(doc_id)]

    def resolution_rows(doc_id: str | None, force: str | None, addressee: str | None, topic: str | None):
        rows = assistant.paragraphs(doc_id) if doc_id else []
        topic = (topic or "").strip().lower()
        return [r for r in rows
                if (not force or force == ALL or r.force == force)
                and (not addressee or addressee == ALL or addressee in r.addressees)
                and (not topic or topic in r.topic.lower() or topic in r.text.lower())]

    def resolution(doc_id: str | None, force: str | None, addressee: str | None, topic: str | None):
        rows = resolution_rows(doc_id, force, addressee, topic)
        names = sorted({a for r in (assistant.paragraphs(doc_id) if doc_id else []) for a in r.addressees})
        return [cells(r) for r in rows], gr.update(choices=[ALL, *names])

    def resolution_export(doc_id: str | None, fmt: str, force, addressee, topic) -> str:
        rows = resolution_rows(doc_id, force, addressee, topic)
        if not rows:
            raise gr.Error("No paragraphs to export: choose a resolution (and loosen the filters).")
        folder = exports / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        title = f"{doc_id} at a glance"
        if fmt == "Word (.docx)":
            return str(table_docx(rows, folder / f"{doc_id}-paragraphs.docx", title))
        if fmt == "CSV":
            path = folder / f"{doc_id}-paragraphs.csv"
            path.write_text(table_csv(rows), encoding="utf-8")
            return str(path)
        path = folder / f"{doc_id}-paragraphs.md"
        path.write_text(table_markdown(rows, title), encoding="utf-8")
        return str(path)

    # -- Figures and recommendations (logic in assistant/figures.py, assistant/recommendations.py) ------------
    def figure_list(query: str, doc_id: str | None, topic: str | None):
        pick = lambda v: "" if not v or v == ALL else v  # noqa: E731
        return assistant.figures().select(doc_id=pick(doc_id), topic=pick(topic), query=query or "")

    def figures(query: str, doc_id: str | None, topic: str | None) -> list[list]:
        return [figure_cells(f) for f in figure_list(query, doc_id, topic)]

    def figures_export(query: str, doc_id: str | None, topic: str | None, fmt: str) -> str:
        found = figure_list(query, doc_id, topic)
        if not found:
            raise gr.Error("No figures to export: loosen the search or the filters.")
        folder = exports / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "CSV":
            (folder / "figures.csv").write_text(figures_csv(found), encoding="utf-8")
            return str(folder / "figures.csv")
        return str(figures_xlsx(found, folder / "figures.xlsx"))

    def recommendations(doc_id: str | None, addressee: str | None) -> list[list]:
        found = assistant.recommendations("" if not doc_id or doc_id == ALL else doc_id)
        return recommendation_rows([r for r in found if not addressee or addressee == ALL or r.addressee == addressee])

    def recommendations_export(doc_id: str | None) -> str:
        folder = exports / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "recommendations.md"
        path.write_text(recommendations_markdown(assistant.recommendations("" if not doc_id or doc_id == ALL else doc_id)),
                        encoding="utf-8")
        return str(path)

    library_headers = ["Title", "Symbol", "Kind", "Year", "Passages", "Paragraphs labelled", "Indexed", "File", "Id",
                       "Added by"]
    with gr.Blocks(title="Policy assistant · مساعد وثائق السياسات") as demo:
        conv = gr.State(Conversation())
        kept = KeptUI(settings, assistant.chunk, shown, lambda i, s, a: Conversation(s, list(a), i))  # app_conversations.py
        notebook = NotebookUI(settings)  # the trainer's notebook: pin row under the chat, Notebook tab (app_notebook.py)
        ui = LanguageUI(settings)  # the interface language: one language per label, <html lang dir> (app_language.py)
        ui.radio()
        with gr.Tab("Ask · اسأل") as ask_tab:
            f_docs = gr.Dropdown(doc_choices(), multiselect=True, label="Documents", allow_custom_value=True, render=False,
                                 elem_id="filter-docs")
            f_kinds = gr.Dropdown(kind_choices(), multiselect=True, label="Kind", render=False)
            f_years = gr.Dropdown(year_choices(), multiselect=True, label="Year", render=False)
            with gr.Row():
                with gr.Column(scale=3):
                    filter_chips(f_docs, f_kinds, f_years, doc_name, ui.lang)  # active filters, removable (app_ask.py)
                    chatbot = gr.Chatbot(
                        height=None, min_height=220, max_height=620, elem_id="chat", placeholder=PLACEHOLDER,
                        latex_delimiters=[],
                        sanitize_html=True, render_markdown=True, line_breaks=False, feedback_options=None,
                        label="Conversation", show_label=False, buttons=["copy", "copy_all"],  # no share (Spaces only)
                    )
                    with gr.Row():
                        question = gr.Textbox(placeholder="Ask in Arabic or English · اسأل بالعربية أو بالإنجليزية",
                                              label="Your question", show_label=False, scale=5, elem_id="question", rtl=False,
                                              max_length=10_000)
                        send = gr.Button("Ask · اسأل", variant="primary", scale=1, elem_id="send")
                    alone_btn = gr.Button("Ask it on its own · اسأله وحده", size="sm", visible=False, elem_id="ask-alone")
                    notebook.pin_row()
                    examples = gr.Examples(EXAMPLES, inputs=question, label="Examples · أمثلة")
                    clear_btn = gr.Button("New conversation · محادثة جديدة", size="sm")
                    kept.picker()
                with gr.Column(scale=2):
                    with gr.Accordion("Sources · المصادر", open=True, elem_classes=["pa-panel"]) as a_sources:
                        sources = gr.HTML(sources_html(None, assistant.chunk, assistant.neighbours), elem_id="sources")
                    c_n = gr.Textbox(label="Citation clicked", elem_id="cited-n", show_label=False, container=False)  # from page.js
                    with gr.Accordion("Cited page · الصفحة المقتبسة", open=False, elem_id="cited-page-panel"):
                        c_pick = gr.Dropdown([], label="Citation · الاقتباس", allow_custom_value=True,
                                             elem_id="cited-page-pick")  # choices change per answer
                        c_note = gr.Markdown("Ask a question, then choose one of its citations.",
                                             elem_id="cited-page-note")
                        c_img = gr.Image(type="filepath", interactive=False, show_label=False, elem_id="cited-page",
                                         buttons=["fullscreen", "download"])
                    with gr.Accordion("Filters · تصفية", open=False) as a_filters:
                        for box in (f_docs, f_kinds, f_years):  # made above, for the chips over the chat
                            box.render()
                    with gr.Accordion("Paragraph look-up · البحث عن فقرة", open=False) as a_lookup:
                        p_first = next(iter(doc_choices()), (None, None))[1]  # the list opens filled for it
                        p_doc = gr.Dropdown(doc_choices(), value=p_first, label="Document", allow_custom_value=True)
                        p_label = gr.Dropdown(lookup(p_first).choices(), value=lookup(p_first).first,
                                              label="Paragraph", elem_id="paragraph-label")
                        with gr.Row():
                            p_read = gr.Button("Read", size="sm")
                            p_ask = gr.Button("Ask about it", size="sm")
                        p_text = gr.HTML(elem_id="paragraph")
                    with gr.Accordion("Translate · ترجمة", open=False) as a_translate:
                        t_pick = gr.Dropdown([], label="Citation to translate (machine translation, labelled)",
                                             allow_custom_value=True)  # choices change per answer
                        t_btn = gr.Button("Translate", size="sm")
                        t_out = gr.HTML(elem_id="translation")
                    with gr.Accordion("Export · تصدير", open=False) as a_export:
                        e_scope = gr.Radio(["conversation", "last answer"], value="conversation", label="What")
                        e_fmt = gr.Radio(["Markdown", "Word (.docx)"], value="Markdown", label="Format")
                        e_btn = gr.Button("Export", size="sm")
                        e_file = gr.File(label="Download", interactive=False)
        with gr.Tab("Library · المكتبة") as l_tab:
            # Changing the library needs an editor's token (settings: library.editors); reading needs nothing.
            with gr.Row():
                token = gr.Textbox(type="password", label="Editor token (to add, replace, remove, restore)",
                                   elem_id="editor-token", scale=4)
                sign_btn = gr.Button("Sign in", size="sm", scale=1)
            status = gr.Markdown(elem_id="library-status")
            table = gr.Dataframe(library_rows(), headers=library_headers, interactive=False, wrap=True)
            # No `file_types`: Gradio would refuse the whole batch; `add_files` says per file what it refused.
            files = gr.File(file_count="multiple", type="filepath",
                            label=f"Add documents ({suffix_list(last=', ')}; up to {settings.max_file_mb} MB each)")
            add_btn = gr.Button("Add to library", variant="primary")
            with gr.Row():
                # Custom values: a document another editor added since this page was built can still be chosen.
                r_doc = gr.Dropdown(doc_choices(), label="Document to replace or remove", allow_custom_value=True)
                r_confirm = gr.Checkbox(label="Confirm: a bundled document may be replaced or removed "
                                              "(its current file is kept)")
            r_file = gr.File(file_count="single", type="filepath", label="New version (to replace the document)")
            with gr.Row():
                rep_btn = gr.Button("Replace")
                r_btn = gr.Button("Remove", variant="stop")
            with gr.Accordion("History: trash and versions · السجل", open=False):
                with gr.Row():
                    h_btn = gr.Button("Show trash", size="sm")
                    h_pick = gr.Dropdown([], label="Removed document", allow_custom_value=True)
                    h_restore = gr.Button("Restore from trash", size="sm")
                h_table = gr.Dataframe([], headers=trash_headers, interactive=False, wrap=True)
                with gr.Row():
                    v_doc = gr.Dropdown(doc_choices(), label="Document", allow_custom_value=True)
                    v_pick = gr.Dropdown([], label="Kept version", allow_custom_value=True)
                    v_restore = gr.Button("Restore this version", size="sm")
                v_table = gr.Dataframe([], headers=["Kept as", "File", "Replaced", "By", "sha256"], interactive=False)
        with gr.Tab("Resolution · القرار") as z_tab:
            with gr.Row():
                z_doc = gr.Dropdown(resolution_choices(), label="Resolution")
                z_force = gr.Dropdown([ALL, "directive", "exhortation", "recommendation", "statement"], value=ALL,
                                      label="Force · القوة")
                z_addr = gr.Dropdown([ALL], value=ALL, label="Addressee · المخاطَب")
                z_topic = gr.Textbox(label="Topic · الموضوع")
            z_table = gr.Dataframe([], headers=[HEADERS[c] for c in COLUMNS], interactive=False, wrap=True)
            with gr.Row():
                z_fmt = gr.Radio(["Markdown", "Word (.docx)", "CSV"], value="Markdown", label="Export")
                z_btn = gr.Button("Export", size="sm")
                z_file = gr.File(label="Download", interactive=False)
        with gr.Tab("Recommendations · التوصيات") as w_tab:
            with gr.Row():
                w_doc = gr.Dropdown([(ALL, ALL), *doc_choices()], value=ALL, label="Document · الوثيقة")
                w_addr = gr.Dropdown([ALL, *assistant.recommendation_groups()], value=ALL, label="Addressee · المخاطَب")
            w_table = gr.Dataframe([], headers=["Addressee", "Document", "Label", "Where", "Recommendation",
                                                "Resolution paragraphs (score)"], interactive=False, wrap=True)
            with gr.Row():
                w_btn = gr.Button("Export Markdown", size="sm")
                w_file = gr.File(label="Download", interactive=False)
        with gr.Tab("Figures · الأرقام") as n_tab:
            with gr.Row():
                n_query = gr.Textbox(label="Search · بحث")
                n_doc = gr.Dropdown([(ALL, ALL), *doc_choices()], value=ALL, label="Document · الوثيقة")
                n_topic = gr.Dropdown([ALL, *assistant.figures().topics()], value=ALL, label="Topic · الموضوع")
            n_table = gr.Dataframe(figures("", ALL, ALL), headers=[FIGURE_HEADERS[c] for c in FIGURE_COLUMNS],
                                   interactive=False, wrap=True)
            with gr.Row():
                n_fmt = gr.Radio(["XLSX", "CSV"], value="XLSX", label="Export")
                n_btn = gr.Button("Export", size="sm")
                n_file = gr.File(label="Download", interactive=False)
        notebook.tab()
        with gr.Tab("Glossary · المسرد") as g_tab:
            g_query = gr.Textbox(label="Term (English or Arabic)")
            g_table = gr.Dataframe(glossary(""), headers=["English", "العربية", "Note"], interactive=False, wrap=True)

        chat_io = dict(inputs=[question, chatbot, conv, f_docs, f_kinds, f_years], outputs=[chatbot, conv, sources, question])
        asked = [question.submit(chat, **chat_io, api_name="chat"), send.click(chat, **chat_io, api_name=False)]
        asked.append(alone_btn.click(ask_alone, **{**chat_io, "inputs": chat_io["inputs"][1:]}, api_name="ask_alone"))
        for event in asked:
            event.then(translate_choices, conv, t_pick, api_name=False).then(page_choices, conv, c_pick, api_name=False)
            event.then(alone_offer, conv, alone_btn, api_name=False)
        c_pick.change(page_of, [c_pick, conv], [c_img, c_note], api_name="cited_page")
        c_n.change(lambda n: gr.update(value=(n or "").split(":")[0] or None), c_n, c_pick, api_name=False)  # a [n] clicked in the chat
        t_btn.click(translate, [t_pick, conv], t_out, api_name="translate")
        cleared = clear_btn.click(clear, outputs=[chatbot, conv, sources], api_name=False)
        cleared.then(alone_offer, conv, alone_btn, api_name=False)
        kept.wire(demo, asked, cleared, chatbot, conv, sources)
        for tab, en, ar in ((ask_tab, "Ask", "اسأل"), (l_tab, "Library", "المكتبة"), (z_tab, "Resolution", "القرار"),
                            (w_tab, "Recommendations", "التوصيات"), (n_tab, "Figures", "الأرقام"), (g_tab, "Glossary", "المسرد"),
                            (a_sources, "Sources", "المصادر"), (a_filters, "Filters", "تصفية"),
                            (a_lookup, "Paragraph look-up", "البحث عن فقرة"), (a_translate, "Translate", "ترجمة"),
                            (a_export, "Export", "تصدير"), (f_docs, "Documents", "الوثائق"), (f_kinds, "Kind", "النوع"),
                            (f_years, "Year", "السنة"), (p_doc, "Document", "الوثيقة"), (p_label, "Paragraph", "الفقرة"),
                            (e_scope, "What", "ماذا"), (e_fmt, "Format", "الصيغة"), (e_file, "Download", "تنزيل"),
                            (kept.pick, "Past conversations", "المحادثات السابقة"),
                            (t_pick, "Citation to translate (machine translation, labelled)",
                             "الاقتباس المراد ترجمته (ترجمة آلية موسومة)")):
            ui.add(tab, en, ar)
        for button, en, ar in ((send, "Ask", "اسأل"), (clear_btn, "New conversation", "محادثة جديدة"),
                               (alone_btn, "Ask it on its own", "اسأله وحده"),
                               (p_read, "Read", "اقرأ"), (p_ask, "Ask about it", "اسأل عنها"), (t_btn, "Translate", "ترجم"),
                               (e_btn, "Export", "صدّر")):
            ui.add(button, {"value": en}, {"value": ar})
        ui.add(question, {"label": "Your question", "placeholder": "Ask in Arabic or English"},
               {"label": "سؤالك", "placeholder": "اسأل بالعربية أو بالإنجليزية"})
        ui.add(chatbot, {"placeholder": PLACEHOLDERS["en"]}, {"placeholder": PLACEHOLDERS["ar"]})
        ui.add_written_in_both(demo)
        ui.wire(demo)
        p_doc.change(labels_for, p_doc, p_label, api_name="labels")
        p_read.click(paragraph, [p_doc, p_label], p_text, api_name="paragraph")
        p_label.change(paragraph, [p_doc, p_label], p_text, api_name=False)  # choosing one reads it
        p_ask.click(ask_about, [p_doc, p_label], [question, f_docs], api_name=False)
        e_btn.click(export, [e_scope, e_fmt, conv], e_file, api_name="export")
        updates = [f_docs, f_kinds, f_years, p_doc, r_doc, v_doc, table]
        demo.load(opened, outputs=updates, api_name="library").then(  # each page opened sees the library as it is now
            labels_for, p_doc, p_label, api_name=False)
        sign_btn.click(sign_in, token, status, api_name="sign_in")
        add_btn.click(upload, [files, token], [status, *updates], api_name="upload")
        rep_btn.click(replace, [r_doc, r_file, r_confirm, token], [status, *updates], api_name="replace")
        r_btn.click(remove, [r_doc, r_confirm, token], [status, *updates], api_name="remove")
        h_btn.click(trash, token, [h_table, h_pick, status], api_name="trash")
        h_restore.click(restore, [h_pick, token], [status, *updates], api_name="restore")
        v_doc.change(versions, [v_doc, token], [v_table, v_pick], api_name="versions")
        v_restore.click(restore_version, [v_doc, v_pick, token], [status, *updates], api_name="restore_version")
        g_query.change(glossary, g_query, g_table, api_name="glossary")
        z_in = [z_doc, z_force, z_addr, z_topic]
        z_doc.change(resolution, z_in, [z_table, z_addr], api_name="resolution")
        for box in (z_force, z_addr):
            box.change(resolution, z_in, [z_table, z_addr], api_name=False)
        z_topic.submit(resolution, z_in, [z_table, z_addr], api_name=False)
        # The page opens with the first resolution chosen: its table must be filled then too, not only on a change.
        demo.load(resolution, z_in, [z_table, z_addr], api_name=False)
        z_btn.click(resolution_export, [z_doc, z_fmt, *z_in[1:]], z_file, api_name="resolution_export")
        for box in (w_doc, w_addr):
            box.change(recommendations, [w_doc, w_addr], w_table, api_name="recommendations" if box is w_doc else False)
        w_tab.select(recommendations, [w_doc, w_addr], w_table, api_name=False)  # filled when opened, as it shows "all"
        w_btn.click(recommendations_export, w_doc, w_file, api_name="recommendations_export")
        n_query.submit(figures, [n_query, n_doc, n_topic], n_table, api_name="figures")
        for box in (n_doc, n_topic):
            box.change(figures, [n_query, n_doc, n_topic], n_table, api_name=False)
        n_btn.click(figures_export, [n_query, n_doc, n_topic, n_fmt], n_file, api_name="figures_export")
        notebook.wire(demo, conv, chatbot)
        gr.api(ask, api_name="ask")
    return demo


def launch(host: str | None = None, port: int | None = None, reindex: bool = True, settings: Settings | None = None,
           block: bool = True, assistant: Assistant | None = None) -> gr.Blocks:
    """Start the app; with `block=False` return the running Blocks (tests and benchmarks close it)."""
    settings = settings or Settings()
    assistant = assistant or Assistant(settings)
    if reindex:
        assistant.index()
    threading.Thread(target=assistant.warm_up, name="warm-up", daemon=True).start()
    demo = build(assistant, settings)
    add_tools(demo, assistant)  # the documented endpoints, served as MCP tools too (app_mcp.py)
    os.environ["GRADIO_ANALYTICS_CACHE_FREQUENCY"] = str(settings.app.queue_stats_every)  # read by the queue
    demo.queue(default_concurrency_limit=settings.app.concurrency_limit, max_size=settings.app.max_queue)
    app_cfg = settings.app
    auth = (app_cfg.auth_user, app_cfg.auth_password) if app_cfg.auth_user and app_cfg.auth_password else None
    (settings.data_dir / "exports").mkdir(parents=True, exist_ok=True)
    demo.launch(
        server_name=host or app_cfg.host,
        server_port=port or app_cfg.port,
        auth=auth,
        max_file_size=f"{settings.max_file_mb}mb",
        allowed_paths=[str(settings.data_dir / "exports")],
        css=CSS + NOTEBOOK_CSS + PAGE_CSS + ASK_CSS + LANGUAGE_CSS,
        head=page_head(),
        theme=gr.themes.Soft(),
        footer_links=["api"],
        prevent_thread_lock=not block,
        quiet=True,
        mcp_server=app_cfg.mcp_server,
    )
    return demo


def main(argv: list[str] | None = None) -> None:
    """`policy-assistant-app` (and `policy-assistant serve`, which runs this module): index if needed, then serve."""
    import argparse

    ap = argparse.ArgumentParser(prog="policy-assistant-app", description="Index the library if needed and start the app.")
    ap.add_argument("--host")
    ap.add_argument("--port", type=int)
    ap.add_argument("--no-index", action="store_true", help="Start on the existing index without re-indexing.")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    launch(host=args.host, port=args.port, reindex=not args.no_index)


if __name__ == "__main__":
    main()
