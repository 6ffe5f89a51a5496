"""Sentence spans inside a chunk: the units answers quote and the finer grain retrieval scores.

Indexing embeds each span once and stores its vector beside the chunk, so at question time picking the
sentence that answers, and checking which candidate passage holds the closest sentence, are dot products
rather than model calls. Spans are offsets into the chunk's text, so quotes stay verbatim.
"""
from __future__ import annotations

import re

SENTENCES_VERSION = "spans-v3"  # v3: a document symbol's "Add.1" no longer ends a sentence

# A decimal point ("2.88 million") does not end a sentence, nor a symbol's or number's dot ("A/HRC/28/56/Add.1",
# "No.5"); a dot between an Arabic word and a glued footnote number ("العالم.35من") still does.
_SENTENCE = re.compile(r"(?:[^.!?؟؛;\n]|(?<=[\dA-Za-z])\.(?=\d))+(?:[.!?؟؛;](?!\d)|$)?")
_FOOTNOTE_MARK = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")
LONG_SENTENCE = 420


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Sentence spans, trimmed, never crossing a footnote marker or a line break."""
    spans = []
    # A bracketed footnote marker stands for markup the source file has ("<sup>(1)</sup>"): break there.
    text = _FOOTNOTE_MARK.sub(lambda m: "\n" * len(m.group(0)), text)
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip(" \u00a0-–•*"))
        trail = len(piece) - len(piece.rstrip())
        s, e = s + lead, e - trail
        if e - s >= 12 and re.search(r"[^\W\d_]{2,}", text[s:e]):
            spans.append((s, e))
    return spans


def split_long(text: str, s: int, e: int, limit: int = LONG_SENTENCE) -> list[tuple[int, int]]:
    """Very long 'sentences' (lists joined by commas) are cut at a comma so a quote stays readable."""
    out = []
    while e - s > limit:
        cut = max(text.rfind("، ", s, s + limit), text.rfind(", ", s, s + limit))
        if cut <= s + limit // 3:
            break
        out.append((s, cut + 1))
        s = cut + 2
    out.append((s, e))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans an answer may quote: sentences, long ones cut at commas."""
    return [piece for s, e in sentences_of(text) for piece in split_long(text, s, e)]
