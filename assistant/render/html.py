"""HTML for the chat and the sources panel.

Every piece of document text, file name and question is untrusted and goes through `html.escape`; the only
markup is ours. Direction is set per block (`dir="rtl"` for Arabic), so an Arabic answer reads right-to-left
beside an English one in the same conversation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from indexing.language import direction
from indexing.models import Chunk

from ..models import Answer, Citation, CitationGroup, Translation
from .markdown import MARKER, force_lines
from .references import references, short, version_head

_BOLD = re.compile(r"\*\*(.+?)\*\*")

LABELS = {
    "en": {"sources": "Sources", "before": "Previous", "after": "Next", "nearest": "Nearest passages (not an answer)",
           "none": "Sources of the latest answer appear here."},
    "ar": {"sources": "المصادر", "before": "الفقرة السابقة", "after": "الفقرة التالية",
           "nearest": "أقرب المقاطع (ليست إجابة)", "none": "تظهر هنا مصادر آخر إجابة."},
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


def lang_of(dir_: str) -> str:
    return "ar" if dir_ == "rtl" else "en"


def question_html(question: str) -> str:
    d = direction(question)
    body = escape(question).replace("\n", "<br>")
    return f'<div class="pa-msg" dir="{d}" lang="{lang_of(d)}">{body}</div>'


def _cite(n: int | str) -> str:
    return f'<sup class="pa-cite">[{n}]</sup>'


def _inline(text: str) -> str:
    out = escape(text)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return MARKER.sub(lambda m: _cite(m.group(1)), out)


def markdown_html(text: str) -> str:
    """A model's Markdown (paragraphs, `- ` items, `**bold**`, `[n]` markers), or the text streamed so far,
    as escaped HTML."""
    blocks: list[str] = []
    items: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            items.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if items:
            blocks.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            blocks.append(f"<p>{_inline(line)}</p>")
    if items:
        blocks.append("<ul>" + "".join(items) + "</ul>")
    return "".join(blocks)


def streaming_html(text: str, language: str) -> str:
    d = "rtl" if language == "ar" else "ltr"
    return f'<div class="pa-msg" dir="{d}" lang="{lang_of(d)}">{markdown_html(text)}</div>'


def _quote_item(c: Citation, language: str) -> str:
    """A quote in its own direction inside any bubble, then its reading aid in the asker's direction."""
    d = direction(c.quote)
    quote = f'<span class="pa-quote" dir="{d}" lang="{lang_of(d)}">«{escape(c.quote)}»</span>'
    item = f"<li>{quote} {_cite(c.n)}{f' ({escape(references(language).label(c.label))})' if c.label else ''}"
    if c.reading_aid:
        ad = "rtl" if language == "ar" else "ltr"
        item += f'<div class="pa-aid" dir="{ad}" lang="{language}">{escape(c.reading_aid)}</div>'
    for p in c.parallel:
        pd = direction(p.quote)
        item += (f'<div class="pa-parallel"><span class="pa-meta">{escape(version_head(p, language))}</span>'
                 f'<span class="pa-quote" dir="{pd}" lang="{lang_of(pd)}">«{escape(p.quote)}»</span></div>')
    return item + "</li>"


def _group_html(group: CitationGroup, language: str = "en") -> str:
    items = "".join(_quote_item(c, language) for c in group.citations)
    d = "rtl" if language == "ar" else "ltr"
    notes = "".join(f'<li class="pa-force" dir="{d}" lang="{language}">⚖ {escape(n)}</li>'
                    for n in force_lines(group.citations))
    return f"<p><strong>{escape(group.heading)}</strong></p><ul>{items}{notes}</ul>"


def body_html(answer: Answer) -> str:
    """The answer itself: the model's Markdown, or the intro and each document's quotes."""
    if answer.prose:
        return markdown_html(answer.prose)
    intro = f"<p>{escape(answer.intro)}</p>" if answer.intro.strip() else ""
    return intro + "".join(_group_html(g, answer.language) for g in answer.groups)


def marked_passage(chunk: Chunk, start: int | None = None, end: int | None = None) -> str:
    """The whole passage, escaped, with [start, end) (document offsets) highlighted."""
    text = chunk.text
    d = direction(text)
    if start is not None and end is not None and chunk.start <= start < end <= chunk.end:
        s, e = start - chunk.start, end - chunk.start
        body = escape(text[:s]) + "<mark>" + escape(text[s:e]) + "</mark>" + escape(text[e:])
    else:
        body = escape(text)
    return f'<blockquote class="pa-passage" dir="{d}" lang="{lang_of(d)}">{body}</blockquote>'


def answer_html(answer: Answer, chunk_of: Callable[[str], Chunk | None]) -> str:
    """The chat message: the answer, then its numbered references, each opening onto its passage."""
    lang = answer.language
    d = "rtl" if lang == "ar" else "ltr"
    parts = [f'<div class="pa-msg" dir="{d}" lang="{lang}">', body_html(answer)]
    if answer.notice:
        parts.append(f'<p class="pa-notice">{escape(answer.notice)}</p>')
    if answer.citations:
        parts.append(f'<div class="pa-refs"><strong>{LABELS[lang]["sources"]}</strong>')
        for c in answer.citations:
            chunk = chunk_of(c.chunk_id)
            passage = marked_passage(chunk, c.start, c.end) if chunk else marked_passage_text(c.quote)
            ref = references(lang).beside_title(c)
            parts.append(
                f'<details class="pa-citation" data-n="{c.n}"><summary title="{escape(c.title)}">[{c.n}] '
                f'{escape(short(c.title))}{" — " + escape(ref) if ref else ""}'
                f"</summary>{passage}</details>"
            )
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def marked_passage_text(quote: str) -> str:
    d = direction(quote)
    return f'<blockquote class="pa-passage" dir="{d}"><mark>{escape(quote)}</mark></blockquote>'


def sources_html(
    answer: Answer | None,
    chunk_of: Callable[[str], Chunk | None],
    neighbours: Callable[[Chunk], tuple[list[Chunk], list[Chunk]]],
) -> str:
    """The sources panel: per citation, the passage with its quote marked and its neighbours one click away."""
    if answer is None:
        return f'<div class="pa-sources"><p class="pa-meta">{LABELS["en"]["none"]}</p></div>'
    lang = answer.language
    out = ['<div class="pa-sources">']
    if answer.citations:
        for c in answer.citations:
            chunk = chunk_of(c.chunk_id)
            out.append(_source_block(f"[{c.n}]", c.title, references(lang).beside_title(c), chunk, c.start, c.end, neighbours, lang,
                                     fallback=c.quote, section=chunk.section if chunk else ""))
    elif answer.passages:
        out.append(f"<p><strong>{LABELS[lang]['nearest']}</strong></p>")
        for i, p in enumerate(answer.passages[:3], 1):
            out.append(_source_block(f"({i})", p.chunk.title, references(lang).beside_title(p.chunk), p.chunk, None, None,
                                     neighbours, lang, section=p.chunk.section))
    out.append("</div>")
    return "".join(out)


def _source_block(tag, title, ref, chunk, start, end, neighbours, lang, fallback: str = "", section: str = "") -> str:
    head = f'<div class="pa-source"><p><strong>{escape(tag)} {escape(title)}</strong>'
    head += f'<br><span class="pa-meta">{escape(ref)}</span>' if ref else ""
    head += f'<br><span class="pa-meta" dir="auto">{escape(section)}</span>' if section else ""
    head += "</p>"
    if chunk is None:
        return head + marked_passage_text(fallback) + "</div>"
    body = marked_passage(chunk, start, end)
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
