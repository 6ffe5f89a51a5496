"""A paragraph's lettered sub-items: an answer that quotes some of them quotes them all, or says what it leaves out.

"88. The Special Rapporteur calls on the international community to: (a) … (f) …" is one recommendation; a
reader shown (b) and (e) alone would take them for the whole of it, and one shown only the line introducing
them learns nothing. Sub-items are the paragraph's lines that open
with a bracketed letter or numeral ("(a)", "(iv)", "(أ)", "(هـ)", "(3)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.sentences import sentences_of

from .sentence_picker import Sentence

_MARKER = re.compile(r"(?m)^[ \t]*\((?:[a-z]{1,2}|[ivx]{1,5}|[\u0621-\u064A]{1,2}ـ?|\d{1,2})\)[ \t]")
_BLANK = re.compile(r"\n\s*\n")

LEFT_OUT = {
    "en": "{where} has {total} sub-items; this answer quotes {quoted}.",
    "ar": "في {where} {total} بنود فرعية، ويُقتبس هنا {quoted} منها.",
}


@dataclass(frozen=True)
class Partial:
    """A paragraph whose sub-items the answer quotes only in part (too many to quote them all)."""

    where: str  # the paragraph's label, or its chunk's locator
    quoted: int
    total: int


def item_spans(text: str) -> list[tuple[int, int]]:
    """Each sub-item from its marker to the next marker or the end of its block, trimmed."""
    starts = [m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _MARKER.finditer(text)]
    spans = []
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        blank = _BLANK.search(text, s, end)
        end = blank.start() if blank else end
        spans.append((s, len(text[:end].rstrip())))
    return spans


def _after_lead(mine: list[Sentence], text: str, follow: int) -> list[tuple[int, int]]:
    """The `follow` sentences after a quoted line that ends in a colon ("ندعو الحكومات والشركاء إلى:"), where
    the passage's items carry no markers: what the line introduces, less what is quoted already."""
    spans = sentences_of(text)
    quoted = {(x.start, x.end) for x in mine}
    out: list[tuple[int, int]] = []
    for x in mine:
        if text[x.start: x.end].rstrip().endswith((":", "：")):
            after = [(a, b) for a, b in spans if a >= x.end][:follow]
            out.extend(sp for sp in after if sp not in quoted and sp not in out)
    return out


def complete(sentences: list[Sentence], limit: int, follow: int = 0) -> tuple[list[Sentence], list[Partial]]:
    """The sentences with every other sub-item of a paragraph they quote from added (up to `limit` items a
    paragraph); paragraphs with more are reported as `Partial` instead. A quoted lead-in line of a passage
    without marked items brings the `follow` sentences after it."""
    out = list(sentences)
    partial: list[Partial] = []
    seen: set[str] = set()
    for s in sentences:
        chunk = s.passage.chunk
        if chunk.chunk_id in seen:
            continue
        seen.add(chunk.chunk_id)
        items = item_spans(chunk.text)
        if len(items) < 2:
            if follow > 0:
                mine = [x for x in sentences if x.passage.chunk.chunk_id == chunk.chunk_id]
                out.extend(Sentence(s.passage, a, b, 0.0) for a, b in _after_lead(mine, chunk.text, follow))
            continue
        mine = [x for x in sentences if x.passage.chunk.chunk_id == chunk.chunk_id]
        quoted = [i for i in items if any(x.start < i[1] and i[0] < x.end for x in mine)]
        lead = any(x.end <= items[0][0] and chunk.text[x.start: x.end].rstrip().endswith((":", "：")) for x in mine)
        if not quoted and not lead:  # neither an item nor the line introducing them ("… the following:")
            continue
        if len(items) > limit:
            partial.append(Partial(chunk.label or chunk.section.split(" > ")[-1], len(quoted), len(items)))
            continue
        out.extend(Sentence(s.passage, a, b, 0.0) for a, b in items if (a, b) not in quoted)
    return out, partial


def left_out_notice(p: Partial, language: str) -> str:
    return LEFT_OUT["ar" if language == "ar" else "en"].format(where=p.where, total=p.total, quoted=p.quoted)
