"""Bibliographic noise: the links, access dates and "available at" of endnotes that PDF extraction mixes
into body text (the threat assessment's pages carry their endnotes beside the prose), and a letter's e-mail
addresses and phone numbers.

Such text is never an answer: the sentence picker does not quote it and retrieval discounts a passage by
how much of it is made of it. The text itself is left untouched, so quotes and offsets stay verbatim.
"""
from __future__ import annotations

import re
from functools import lru_cache

_PATTERNS = [
    r"(?:https?\s*:\s*/\s*/|www\.)[^\s)(<>]*",  # a link, up to the first space (PDFs break links anyway)
    # the pieces of a broken link ("org/child-model-", "uk/government/"), not a UN symbol ("A/HRC/28/56")
    r"(?-i:(?<![\w/])(?=\S{8})(?![A-Z]{1,6}/[A-Z0-9])[A-Za-z0-9%_.=?&#~-]*/[A-Za-z0-9%_.=?&#~/-]*[a-z]{2}[A-Za-z0-9%_.=?&#~/-]*)",
    r"\b[\w-]+\.(?:com|org|net|int|gov|edu|uk|eu|ca|au|pdf|html?|aspx)\b",
    r"(?:تمت?\s+)?(?:الوصول|الاطلاع|الزيارة)\s*(?:إليه|إليها|عليه|عليها)?\W{0,3}(?:في\s+)?\d{1,2}\s+\S+\W{0,3}\d{4}",
    r"\b(?:accessed|visited|retrieved)\W{0,3}(?:on\s+)?\d{1,2}\s+[A-Za-z]+\W{0,3}\d{4}",
    r"\bavailable (?:at|from|on)\b|متاح(?:ة)? على|متوفر(?:ة)? على|\bretrieved from\b|\bcited in\b|مذكورة? في",
]
_NOISE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_ACCESS = re.compile(_PATTERNS[3] + "|" + _PATTERNS[4], re.IGNORECASE)
# A covering letter's contact lines: e-mail addresses (whole or cut at a line's end), phone and fax numbers.
# A sentence that gives an address in passing is still a sentence; one made mostly of them is not.
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.?|(?:\+\d{1,3}|\b(?:tel|fax|phone)\b\W{0,3})[\d\s().-]{6,}\d"
                      r"|\b(?:tel|fax|e-?mail|phone)\s*:", re.IGNORECASE)
CONTACT_SHARE = 0.4


@lru_cache(maxsize=65_536)  # asked of the same passages and sentences question after question
def bibliographic_share(text: str) -> float:
    """Share of the text's non-space characters that are links, access dates or citation formulae."""
    return min(1.0, _share(_NOISE, text))


@lru_cache(maxsize=65_536)
def endnote_share(text: str, threshold: float) -> float:
    """Share of the passage's sentence characters in sentences that are endnotes (`is_bibliographic`): an
    endnotes page is mostly such sentences even where its links are a small part of its characters."""
    from .sentences import sentences_of

    spans = [text[s:e] for s, e in sentences_of(text)]
    total = sum(len(x) for x in spans)
    return sum(len(x) for x in spans if is_bibliographic(x, threshold)) / total if total else 0.0


def without_bibliography(text: str) -> str:
    """The text with its bibliographic parts blanked out (same length, so offsets still hold)."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


@lru_cache(maxsize=65_536)
def is_bibliographic(sentence: str, threshold: float) -> bool:
    """A sentence that is (part of) an endnote: it has an access date, or links make up `threshold` of it
    (AnswerSettings.endnote_share); or a letter's contact line."""
    return (bool(_ACCESS.search(sentence)) or bibliographic_share(sentence) >= threshold
            or _share(_CONTACT, sentence) >= CONTACT_SHARE)


def _share(pattern: re.Pattern, text: str) -> float:
    """Share of the text's non-space characters inside the pattern's matches."""
    total = sum(1 for ch in text if not ch.isspace())
    covered = sum(sum(1 for ch in m.group(0) if not ch.isspace()) for m in pattern.finditer(text))
    return covered / total if total else 0.0
