"""HTML for the chat and the sources panel.

Every piece of document text, file name and question is untrusted and goes through `html.escape`; the only
markup is ours. Direction is set per block (`dir="rtl"` for Arabic), so an Arabic answer reads right-to-left
beside an English one in the same conversation, and each quote keeps its own direction inside any bubble.

An answer's HTML carries a `key` (one per answer shown): its [n] markers link to `#pa-src-<key>-<n>`, the
sources panel's entry for that passage (one entry per passage, all of its quotes marked), so the page's script
can jump to and highlight it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from indexing.language import direction
from indexing.models import Chunk

from ..models import Answer, Citation, CitationGroup, Translation
from .markdown import MARKER, force_lines, message_markdown
from .references import references, short, version_head

_BOLD = re.compile(r"\*\*(.+?)\*\*")

LABELS = {
    "en": {"sources": "Sources", "before": "Previous", "after": "Next", "nearest": "Nearest passages (not an answer)",
           "none": "Sources of the latest answer appear here.",
           "where": "The nearest passages found are in the Sources panel (beside the chat, or below it on a small "
                    "screen), for reference.",
           "filtered": "Only {what} was searched, as the filters above the chat ask; remove them to search the "
                       "whole library."},
    "ar": {"sources": "المصادر", "before": "الفقرة السابقة", "after": "الفقرة التالية",
           "nearest": "أقرب المقاطع (ليست إجابة)", "none": "تظهر هنا مصادر آخر إجابة.",
           "where": "أقرب المقاطع التي عُثر عليها معروضة في لوحة المصادر (بجانب المحادثة، أو أسفلها على الشاشات "
                    "الصغيرة) للاطلاع.",
           "filtered": "اقتصر البحث على {what} بحسب عوامل التصفية أعلى المحادثة؛ أزلها للبحث في المكتبة كلها."},
}

CSS = """
.pa-msg { unicode-bidi: plaintext; }
.pa-msg[dir=rtl], .pa-passage[dir=rtl] { text-align: right; font-family: 'Noto Naskh Arabic', 'Amiri', 'DejaVu Sans', sans-serif; }
.pa-refs details { margin: .25em 0; }
.pa-refs summary, .pa-source summary { cursor: pointer; }
.pa-passage { border-inline-start: 3px solid #999; padding-inline-start: .6em; margin: .4em 0; white-space: pre-wrap; }
.pa-passage mark { background: #ffe58a; color: inherit; }
.pa-notice { font-style: italic; opacity: .85; }
.pa-source { margin-bottom: 1em; }
.pa-meta { font-size: .85em; opacity: .8; }
.pa-quote { display: block; unicode-bidi: isolate; }
.pa-quote[dir=rtl] { text-align: right; font-family: 'Noto Naskh Arabic', 'Amiri', 'DejaVu Sans', sans-serif; }
.pa-quote[dir=ltr] { text-align: left; }
.pa-parallel { border-inline-start: 2px dotted #999; padding-inline-start: .5em; margin: .2em 0 .5em; }
.pa-mt { border-inline-start-style: dashed; font-style: italic; }
.pa-aid { font-size: .85em; opacity: .85; margin: .15em 0 .5em; unicode-bidi: isolate; }
"""


def _attr(text: str) -> str:
    """Text as an attribute value on one line: a blank line inside a message's HTML would end Gradio's
    Markdown HTML block there and spill the rest of the message as Markdown."""
    return escape(text).replace("\r", "").replace("\n", "&#10;")


def lang_of(dir_: str) -> str:
    return "ar" if dir_ == "rtl" else "en"


def question_html(question: str) -> str:
    d = direction(question)
    body = escape(question).replace("\n", "<br>")
    return f'<div class="pa-msg" dir="{d}" lang="{lang_of(d)}" data-copy="{_attr(question)}">{body}</div>'


def source_id(key: str, n: int | str) -> str:
    """The id of the sources panel's entry holding citation n of the answer shown under `key`."""
    return f"pa-src-{key}-{n}" if key else f"pa-src-{n}"


def _cite(n: int | str, key: str = "") -> str:
    """A [n] marker: a link to its passage's entry in the sources panel (the page's script highlights it)."""
    return f'<sup class="pa-cite"><a href="#{source_id(key, n)}">[{n}]</a></sup>'


def _inline(text: str, key: str = "") -> str:
    out = escape(text)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return MARKER.sub(lambda m: _cite(m.group(1), key), out)


def markdown_html(text: str, key: str = "") -> str:
    """A model's Markdown (paragraphs, `- ` items, `**bold**`, `[n]` markers), or the text streamed so far,
    as escaped HTML; each paragraph and item takes the direction of its own text (`dir="auto"`)."""
    blocks: list[str] = []
    items: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            items.append(f'<li dir="auto">{_inline(line[2:], key)}</li>')
            continue
        if items:
            blocks.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            blocks.append(f'<p dir="auto">{_inline(line, key)}</p>')
    if items:
        blocks.append("<ul>" + "".join(items) + "</ul>")
    return "".join(blocks)


def streaming_html(text: str, language: str) -> str:
    d = "rtl" if language == "ar" else "ltr"
    return f'<div class="pa-msg" dir="{d}" lang="{lang_of(d)}">{markdown_html(text)}</div>'


def _quote_item(c: Citation, language: str, key: str = "") -> str:
    """A quote as its own block in its own direction inside any bubble (a line mixing Arabic, Latin acronyms
    and numbers is laid out by the quote's direction, not the bubble's), then its marker and label, then its
    reading aid in the asker's direction."""
    d = direction(c.quote)
    quote = f'<span class="pa-quote" dir="{d}" lang="{lang_of(d)}">«{escape(c.quote)}»</span>'
    item = f"<li>{quote} {_cite(c.n, key)}{f' ({escape(references(language).label(c.label))})' if c.label else ''}"
    if c.reading_aid:
        ad = "rtl" if language == "ar" else "ltr"
        item += f'<div class="pa-aid" dir="{ad}" lang="{language}">{escape(c.reading_aid)}</div>'
    for p in c.parallel:
        pd = direction(p.quote)
        item += (f'<div class="pa-parallel"><span class="pa-meta">{escape(version_head(p, language))}</span>'
                 f'<span class="pa-quote" dir="{pd}" lang="{lang_of(pd)}">«{escape(p.quote)}»</span></div>')
    return item + "</li>"


def _group_html(group: CitationGroup, language: str = "en", key: str = "") -> str:
    items = "".join(_quote_item(c, language, key) for c in group.citations)
    d = "rtl" if language == "ar" else "ltr"
    notes = "".join(f'<li class="pa-force" dir="{d}" lang="{language}">⚖ {escape(n)}</li>'
                    for n in force_lines(group.citations))
    return f"<p><strong>{escape(group.heading)}</strong></p><ul>{items}{notes}</ul>"


def body_html(answer: Answer, key: str = "") -> str:
    """The answer itself: the model's Markdown, or the intro and each document's quotes."""
    if answer.prose:
        return markdown_html(answer.prose, key)
    intro = f'<p dir="auto">{escape(answer.intro)}</p>' if answer.intro.strip() else ""
    return intro + "".join(_group_html(g, answer.language, key) for g in answer.groups)


Span = tuple[int, int, int]  # a quote's [start, end) in document offsets, and its citation number


def marked_passage(chunk: Chunk, spans: Iterable[Span] = ()) -> str:
    """The whole passage, escaped, with every quote in it highlighted (overlapping quotes share one mark,
    which names all their numbers)."""
    text = chunk.text
    d = direction(text)
    inside = sorted((s - chunk.start, e - chunk.start, n) for s, e, n in spans if chunk.start <= s < e <= chunk.end)
    merged: list[list] = []
    for s, e, n in inside:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2].append(n)
        else:
            merged.append([s, e, [n]])
    out, pos = [], 0
    for s, e, ns in merged:
        out += [escape(text[pos:s]), f'<mark class="{_numbers(ns)}">', escape(text[s:e]), "</mark>"]
        pos = e
    out.append(escape(text[pos:]))
    return f'<blockquote class="pa-passage" dir="{d}" lang="{lang_of(d)}">{"".join(out)}</blockquote>'


def _numbers(ns) -> str:
    """`pa-n-1 pa-n-3`: which citations an element holds, as classes (Gradio's sanitiser drops data-*)."""
    return " ".join(f"pa-n-{n}" for n in ns)


def by_passage(citations: Iterable[Citation]) -> list[list[Citation]]:
    """The citations grouped by the passage they quote, in the order of each passage's first citation."""
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.chunk_id, []).append(c)
    return list(groups.values())


def _passage_of(cites: list[Citation], chunk: Chunk | None) -> str:
    if chunk is None:
        return "".join(marked_passage_text(c.quote, c.n) for c in cites)
    return marked_passage(chunk, [(c.start, c.end, c.n) for c in cites])


def _tags(cites: list[Citation]) -> str:
    return " ".join(f"[{c.n}]" for c in cites)


def _refs(cites: list[Citation], lang: str) -> str:
    return " · ".join(dict.fromkeys(r for r in (references(lang).beside_title(c) for c in cites) if r))


def answer_html(answer: Answer, chunk_of: Callable[[str], Chunk | None], key: str = "", filtered: str = "") -> str:
    """The chat message: the answer, then its references (one per passage), each opening onto its passage
    with all of its quotes marked. An abstention says where the nearest passages are shown, and, when filters
    were on (`filtered` names what they kept), that only that was searched."""
    lang = answer.language
    d = "rtl" if lang == "ar" else "ltr"
    # `data-copy`: what the copy buttons give (the page's script swaps it in), Markdown with the citations.
    parts = [f'<div class="pa-msg" dir="{d}" lang="{lang}" data-copy="{_attr(message_markdown(answer))}">',
             body_html(answer, key)]
    if not answer.citations and answer.passages:
        parts.append(f'<p class="pa-meta pa-where">{escape(LABELS[lang]["where"])}</p>')
    if not answer.citations and filtered:
        parts.append(f'<p class="pa-notice pa-filtered">{escape(LABELS[lang]["filtered"].format(what=filtered))}</p>')
    if answer.notice:
        parts.append(f'<p class="pa-notice">{escape(answer.notice)}</p>')
    if answer.citations:
        parts.append(f'<div class="pa-refs"><strong>{LABELS[lang]["sources"]}</strong>')
        for cites in by_passage(answer.citations):
            c = cites[0]
            ref = _refs(cites, lang)
            parts.append(
                f'<details class="pa-citation {_numbers(x.n for x in cites)}">'
                f'<summary title="{escape(c.title)}">{_tags(cites)} '
                f'{escape(short(c.title))}{" — " + escape(ref) if ref else ""}'
                f"</summary>{_passage_of(cites, chunk_of(c.chunk_id))}</details>"
            )
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def marked_passage_text(quote: str, n: int | str = "") -> str:
    d = direction(quote)
    return f'<blockquote class="pa-passage" dir="{d}"><mark class="{_numbers([n])}">{escape(quote)}</mark></blockquote>'


def sources_html(
    answer: Answer | None,
    chunk_of: Callable[[str], Chunk | None],
    neighbours: Callable[[Chunk], tuple[list[Chunk], list[Chunk]]],
    key: str = "",
    language: str = "en",
) -> str:
    """The sources panel: one entry per cited passage, all of its quotes marked, its neighbours one click away.
    Each entry's id is its first citation's (`source_id`); its `pa-n-<n>` classes name every citation it holds."""
    if answer is None:
        return f'<div class="pa-sources"><p class="pa-meta">{LABELS[language]["none"]}</p></div>'
    lang = answer.language
    out = [f'<div class="pa-sources pa-key-{key}">']
    if answer.citations:
        for cites in by_passage(answer.citations):
            c = cites[0]
            chunk = chunk_of(c.chunk_id)
            out.append(_source_block(_tags(cites), c.title, _refs(cites, lang), chunk, cites, neighbours, lang,
                                     section=chunk.section if chunk else "", key=key))
    elif answer.passages:
        out.append(f"<p><strong>{LABELS[lang]['nearest']}</strong></p>")
        for i, p in enumerate(answer.passages[:3], 1):
            out.append(_source_block(f"({i})", p.chunk.title, references(lang).beside_title(p.chunk), p.chunk, [],
                                     neighbours, lang, section=p.chunk.section))
    out.append("</div>")
    return "".join(out)


def _source_block(tag, title, ref, chunk, cites, neighbours, lang, section: str = "", key: str = "") -> str:
    ident = f' {_numbers(c.n for c in cites)}" id="{source_id(key, cites[0].n)}' if cites else ""
    head = f'<div class="pa-source{ident}"><p><strong>{escape(tag)} {escape(title)}</strong>'
    head += f'<br><span class="pa-meta">{escape(ref)}</span>' if ref else ""
    head += f'<br><span class="pa-meta" dir="auto">{escape(section)}</span>' if section else ""
    head += "</p>"
    if chunk is None:
        return head + _passage_of(cites, None) + "</div>"
    body = _passage_of(cites, chunk)
    before, after = neighbours(chunk)
    extra = "".join(
        f'<details class="pa-neighbour"><summary>{LABELS[lang][which]}{": " + escape(n.label) if n.label else ""}'
        f"</summary>{marked_passage(n)}</details>"
        for which, group in (("before", before), ("after", after))
        for n in group
    )
    return head + body + extra + "</div>"


def paragraph_html(chunks: list[Chunk]) -> str:
    if not chunks:
        return '<p class="pa-meta">No such paragraph in this document.</p>'
    c = chunks[0]
    head = f'<p><strong>{escape(c.title)}</strong><br><span class="pa-meta">{escape(references("en").beside_title(c))}</span></p>'
    return head + "".join(marked_passage(x) for x in chunks)


__all__ = [
    "CSS", "answer_html", "paragraph_html", "question_html", "sources_html", "streaming_html",
]


def translation_html(t: Translation) -> str:
    """The verbatim original and, beside it, the machine translation under its label (or why there is none)."""
    od = direction(t.original)
    td = "rtl" if t.language == "ar" else "ltr"
    original = f'<blockquote class="pa-passage" dir="{od}" lang="{lang_of(od)}">{escape(t.original)}</blockquote>'
    if not t.text:
        return f'<div class="pa-translation">{original}<p class="pa-notice" dir="{td}">{escape(t.error)}</p></div>'
    return (f'<div class="pa-translation">{original}'
            f'<p class="pa-meta pa-mt-label" dir="{td}" lang="{t.language}">{escape(t.label)}</p>'
            f'<blockquote class="pa-passage pa-mt" dir="{td}" lang="{t.language}">{escape(t.text)}</blockquote></div>')
