"""A trainer's notebook as a workshop handout: Markdown and Word (.docx).

The items come in the trainer's order, each with its quote(s) verbatim, the full reference of every quote
(document title and symbol, locator, page: `ReferenceFormat.full`, as every other output writes it) and the
trainer's note; a list of the sources closes the handout, one entry per document with the places it is quoted.
Each item is written in its asker's language (its locators were written in it); the handout's own headings in
the language most items are in. In Word, Arabic paragraphs and runs are right-to-left (docx.py's helpers).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from datetime import date
from pathlib import Path

from docx import Document

from indexing.language import Language, direction

from ..notebook import Notebook, NotebookItem, Source
from .docx import _markdown_runs, _paragraph, _plain, _prose
from .references import references, short

LABELS: dict[str, dict[str, str]] = {
    "en": {"title": "Workshop handout", "prepared": "Prepared {day}. Quotes are verbatim from the documents, each "
           "with its full reference.", "reference": "Reference", "question": "Question", "note": "Trainer's note",
           "sources": "Sources", "item": "item", "items": "items", "empty": "The notebook is empty."},
    "ar": {"title": "مادة الورشة التدريبية", "prepared": "أُعدّت في {day}. الاقتباسات منقولة حرفياً من الوثائق، ولكل "
           "منها مرجعه الكامل.", "reference": "المرجع", "question": "السؤال", "note": "ملاحظة المدرّب",
           "sources": "المصادر", "item": "البند", "items": "البنود", "empty": "الدفتر فارغ."},
}


def handout_language(notebook: Notebook) -> Language:
    """The language most items were asked in (English on a tie or an empty notebook)."""
    ar = sum(item.language == "ar" for item in notebook.items)
    return "ar" if ar > len(notebook.items) - ar else "en"


def item_title(item: NotebookItem) -> str:
    """`A/RES/77/1, OP 4, p. 3` for a citation (where it is: symbol or short title, locator), the question for an
    answer."""
    if item.kind == "citation":
        ref = references(item.language)
        c = item.sources[0].citation()
        return ref.sep.join([c.symbol or short(c.title), *ref.locator(c)])
    return item.question.strip()


def heading(item: NotebookItem, n: int) -> str:
    return f"{n}. {item_title(item)}"


def reference(item: NotebookItem, source: Source) -> str:
    """`Reference: Title (SYMBOL), OP 4, p. 3`, in the item's language."""
    return f"{LABELS[item.language]['reference']}: {references(item.language).full(source.citation())}"


@dataclass(frozen=True)
class SourceEntry:
    """One document of the closing list: its name, and each place quoted with the items quoting it."""

    name: str
    places: tuple[tuple[str, tuple[int, ...]], ...]  # (locator, item numbers)


def source_list(notebook: Notebook, language: Language) -> list[SourceEntry]:
    """Documents in the order the handout first quotes them; a title in the handout's language where one item
    gives it so."""
    names: dict[str, tuple[str, str]] = {}
    places: dict[str, dict[str, list[int]]] = {}
    for n, item in enumerate(notebook.items, 1):
        ref = references(item.language)
        for s in item.sources:
            c = s.citation()
            name = f"{c.title} ({c.symbol})" if c.symbol else c.title
            if s.doc_id not in names or (item.language == language and names[s.doc_id][1] != language):
                names[s.doc_id] = (name, item.language)
            where = place(s, language) or ref.sep.join(ref.locator(c)) or "—"
            items = places.setdefault(s.doc_id, {}).setdefault(where, [])
            if n not in items:
                items.append(n)
    return [SourceEntry(names[d][0], tuple((w, tuple(ns)) for w, ns in places[d].items())) for d in names]


def place(s: Source, language: Language) -> str:
    """A labelled paragraph's place as the handout's language writes it (`OP 4, p. 3`); "" for other text,
    whose stored locator (a heading path) is kept as it was written."""
    if not s.label:
        return ""
    ref = references(language)
    return ref.sep.join(x for x in (ref.label(s.label), f"{ref.page} {s.page}" if s.page else "") if x)


def entry_text(entry: SourceEntry, language: Language) -> tuple[str, str]:
    """The entry as (document name, `OP 4, p. 3 (item 1); para. 77 (items 2, 3)`)."""
    words = LABELS[language]
    sep = "، " if language == "ar" else ", "
    parts = [f"{where} ({words['item'] if len(ns) == 1 else words['items']} {sep.join(map(str, ns))})"
             for where, ns in entry.places]
    return entry.name, ("؛ " if language == "ar" else "; ").join(parts)


# -- Markdown -----------------------------------------------------------------------------------------------
def notebook_markdown(notebook: Notebook, today: date | None = None) -> str:
    lang = handout_language(notebook)
    words = LABELS[lang]
    lines = [f"# {notebook.title or words['title']}", "",
             f"_{words['prepared'].format(day=(today or date.today()).isoformat())}_", ""]
    if not notebook.items:
        return "\n".join([*lines, words["empty"], ""])
    for n, item in enumerate(notebook.items, 1):
        own = LABELS[item.language]
        lines += [f"## {heading(item, n)}", ""]
        if item.kind == "citation":
            lines += [f"> «{item.quote}»", "", reference(item, item.sources[0]), ""]
            if item.question.strip():
                lines += [f"{own['question']}: {item.question.strip()}", ""]
        else:
            if item.text:
                lines += [item.text, ""]
            for s in item.sources:
                lines += [f"- «{s.quote}» [{s.n}]", f"  {reference(item, s)}"]
            lines += [""] if item.sources else []
        if item.note:
            lines += [f"**{own['note']}:** {item.note}", ""]
    lines += [f"## {words['sources']}", ""]
    for i, entry in enumerate(source_list(notebook, lang), 1):
        name, places = entry_text(entry, lang)
        lines.append(f"{i}. **{name}**: {places}")
    return "\n".join(lines).rstrip() + "\n"


# -- Word -----------------------------------------------------------------------------------------------
def notebook_docx(notebook: Notebook, path: Path, today: date | None = None) -> Path:
    lang = handout_language(notebook)
    words = LABELS[lang]
    doc = Document()
    doc.core_properties.title = notebook.title or words["title"]
    _paragraph(doc, _plain(notebook.title or words["title"]), "Title")
    prepared = _paragraph(doc, _plain(words["prepared"].format(day=(today or date.today()).isoformat())),
                          rtl=lang == "ar")
    for run in prepared.runs:
        run.italic = True
    if not notebook.items:
        _paragraph(doc, _plain(words["empty"]), rtl=lang == "ar")
    for n, item in enumerate(notebook.items, 1):
        own = LABELS[item.language]
        rtl = item.language == "ar"
        _paragraph(doc, _plain(heading(item, n)), "Heading 2")
        if item.kind == "citation":
            _paragraph(doc, _plain(f"«{item.quote}»"), "Quote", rtl=direction(item.quote) == "rtl")
            _paragraph(doc, _plain(reference(item, item.sources[0])), rtl=rtl)
            if item.question.strip():
                _paragraph(doc, [(f"{own['question']}: ", True), (item.question.strip(), False)], rtl=rtl)
        else:
            if item.text:
                _prose(doc, item.text)
            for s in item.sources:
                _paragraph(doc, _plain(f"«{s.quote}» [{s.n}]"), "List Bullet", rtl=direction(s.quote) == "rtl")
                _paragraph(doc, _plain(reference(item, s)), rtl=rtl)
        if item.note:
            _paragraph(doc, [(f"{own['note']}: ", True), *_markdown_runs(item.note)],
                       rtl=direction(item.note) == "rtl")
    if notebook.items:
        _paragraph(doc, _plain(words["sources"]), "Heading 2", rtl=lang == "ar")
        for entry in source_list(notebook, lang):
            name, places = entry_text(entry, lang)
            _paragraph(doc, [(name, True), (": ", False), (places, False)], "List Number",
                       rtl=lang == "ar")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


# -- HTML (the app's Notebook tab) --------------------------------------------------------------------------
EMPTY_HTML = ('<p class="pa-meta">The notebook is empty: pin a citation or an answer under the chat. '
              '<span dir="rtl" lang="ar">الدفتر فارغ: ثبّت اقتباساً أو إجابة من أسفل المحادثة.</span></p>')
KIND_NAMES = {"citation": "citation · اقتباس", "answer": "answer · إجابة"}


def _dir(text: str) -> str:
    d = direction(text)
    return f'dir="{d}" lang="{"ar" if d == "rtl" else "en"}"'


def _quote_html(quote: str, tag: str = "blockquote") -> str:
    return f'<{tag} class="pa-passage pa-nb-quote" {_dir(quote)}>«{escape(quote)}»</{tag}>'


def item_html(item: NotebookItem, n: int) -> str:
    """One item as the tab lists it: what it is, where it is from, its quote(s) with references, its note."""
    side = 'dir="rtl" lang="ar"' if item.language == "ar" else 'dir="ltr" lang="en"'
    parts = [f'<div class="pa-meta">{n} · {KIND_NAMES[item.kind]}</div>',
             f'<div class="pa-nb-head" {side}><strong>{escape(item_title(item))}</strong></div>']
    if item.kind == "citation":
        ref = escape(reference(item, item.sources[0]))
        parts += [_quote_html(item.quote), f'<div class="pa-meta" {side}>{ref}</div>']
        if item.question.strip():
            own = LABELS[item.language]
            parts.append(f'<div class="pa-meta" {side}>{own["question"]}: {escape(item.question.strip())}</div>')
    else:
        if item.text:
            parts.append(f'<p {_dir(item.text)}>{escape(item.text)}</p>')
        parts += [f'<div class="pa-nb-source">{_quote_html(s.quote, "div")}'
                  f'<div class="pa-meta" {side}>[{s.n}] {escape(reference(item, s))}</div></div>' for s in item.sources]
    if item.note:
        parts.append(f'<div class="pa-nb-note" {_dir(item.note)}><strong>{LABELS[item.language]["note"]}:</strong> '
                     f'{escape(item.note)}</div>')
    return f'<li class="pa-nb-item" data-id="{escape(item.id)}" data-kind="{item.kind}">{"".join(parts)}</li>'


def notebook_html(notebook: Notebook) -> str:
    if not notebook.items:
        return EMPTY_HTML
    items = "".join(item_html(item, n) for n, item in enumerate(notebook.items, 1))
    return f'<ol class="pa-notebook" style="list-style:none;padding:0">{items}</ol>'


def item_choice(item: NotebookItem, n: int, limit: int = 60) -> str:
    """`1. A/HRC/28/56, para. 42 — «first words…»`: how the item picker names an item."""
    head = heading(item, n)
    quote = item.quote if item.kind == "citation" else ""
    if quote:
        head += f" — «{quote[:limit].rstrip()}{'…' if len(quote) > limit else ''}»"
    return head
