"""Paragraph look-up: the list of a document's paragraphs (footnotes after them, labelled as such) and one
paragraph's text as a reader sees it.

The indexed text keeps the source's inline Markdown emphasis (`*Treaty Series*`), since quotes are exact
slices of it; here it is read, not shown: `<em>` in the page, removed in plain text (MCP, JSON).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from indexing.language import direction
from indexing.models import Chunk

from .references import references

FOOTNOTE = "fn."
# Emphasis as Markdown writes it: *x*, **x**, _x_, __x__ — the marks must hug the text (`2 * 3` is not emphasis).
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*\*|__|\*|_)(?=\S)(.+?)(?<=[^\s\\])\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


@dataclass(frozen=True)
class LookupList:
    """A document's look-up keys in reading order: its paragraphs, then its footnotes."""

    paragraphs: tuple[str, ...]
    footnotes: tuple[str, ...]

    @property
    def first(self) -> str | None:
        """What the look-up opens on: the first paragraph (a document of footnotes only: its first one)."""
        keys = self.paragraphs + self.footnotes
        return keys[0] if keys else None

    def choices(self) -> list[tuple[str, str]]:
        """Dropdown (shown, value) pairs: the paragraphs as labelled, then each footnote named as one."""
        return [(p, p) for p in self.paragraphs] + [(f"Footnote · حاشية {f[len(FOOTNOTE):].strip()}", f)
                                                    for f in self.footnotes]


def lookup_list(labels: list[str]) -> LookupList:
    """Split a document's labels (as `Assistant.labels` gives them) into paragraphs and footnotes, order kept."""
    notes = tuple(lab for lab in labels if is_footnote(lab))
    return LookupList(tuple(lab for lab in labels if not is_footnote(lab)), notes)


def is_footnote(label: str) -> bool:
    return label.split(" ", 1)[0] == FOOTNOTE


def plain_text(text: str) -> str:
    """The text without its Markdown emphasis and escapes: `*Treaty Series*` -> `Treaty Series`."""
    return _unescaped(_EMPHASIS.sub(r"\2", text))


def _unescaped(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def text_html(text: str) -> str:
    """Escaped text with its emphasis as `<em>`/`<strong>`; no other markup passes."""

    def emphasis(m: re.Match) -> str:
        tag = "strong" if len(m.group(1)) == 2 else "em"
        return f"<{tag}>{escape(_unescaped(m.group(2)))}</{tag}>"

    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        out.append(escape(_unescaped(text[pos:m.start()])))
        out.append(emphasis(m))
        pos = m.end()
    out.append(escape(_unescaped(text[pos:])))
    return "".join(out)


@dataclass(frozen=True)
class Reading:
    """A passage as read: its own text (Markdown marks and the footnotes printed inside it taken out), then
    those footnotes."""

    text: str
    footnotes: tuple[Chunk, ...]


def reading(chunk: Chunk, notes: list[Chunk]) -> Reading:
    """`chunk` without the footnotes (`notes`: the document's fn. chunks) that a page break left inside it.

    A paragraph that runs on to the next page is one slice of the text, so the footnotes printed at the foot
    of the first page sit in its middle; the two halves of the sentence are joined again.
    """
    inside = sorted((n for n in notes if chunk.start <= n.start and n.end <= chunk.end and n.chunk_id != chunk.chunk_id),
                    key=lambda n: n.start)
    pieces, pos = [], chunk.start
    for n in inside:
        pieces.append(chunk.text[pos - chunk.start:n.start - chunk.start])
        pos = n.end
    pieces.append(chunk.text[pos - chunk.start:])
    return Reading(" ".join(p.strip() for p in pieces if p.strip()), tuple(inside))


def _block(text: str, tag: str = "blockquote", cls: str = "pa-passage") -> str:
    d = direction(text)
    return f'<{tag} class="{cls}" dir="{d}" lang="{"ar" if d == "rtl" else "en"}">{text_html(text)}</{tag}>'


def lookup_html(chunks: list[Chunk], notes: list[Chunk] = ()) -> str:
    """One paragraph whole: its document and locator, its text in its own direction, then the footnotes
    printed inside it, under their own heading."""
    if not chunks:
        return '<p class="pa-meta">No such paragraph in this document.</p>'
    c = chunks[0]
    head = (f'<p><strong>{escape(c.title)}</strong><br>'
            f'<span class="pa-meta">{escape(references("en").beside_title(c))}</span></p>')
    read = [reading(x, list(notes)) for x in chunks]
    body = "".join(_block(r.text) for r in read)
    inner = [n for r in read for n in r.footnotes]
    if inner:
        body += ('<div class="pa-footnotes"><p class="pa-meta">Footnotes · الحواشي</p>'
                 + "".join(_block(n.text, "p", "pa-footnote") for n in inner) + "</div>")
    return head + body


__all__ = ["LookupList", "Reading", "is_footnote", "lookup_html", "lookup_list", "plain_text", "reading", "text_html"]
