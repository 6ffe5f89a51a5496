"""What a heading looks like, in any document: the shape, never the words of one document.

A heading is a short line that does not end a sentence, carries no comma, does not stop on a word that needs
a continuation ("of", "من"), and holds no figures beyond its numbering ("1.", "II.", "أولاً", a chapter number
after it: "Methodology  02"). PDF text wraps lines short, so a wrapped line can look the same: callers use
this only where a line also stands where a heading stands (first line of a paragraph, or alone).
"""
from __future__ import annotations

import re

from .language import ARABIC_LETTERS

MAX_CHARS = 70
MAX_WORDS = 6  # a wrapped line of body text fills its column; a heading seldom does
MAX_COLON_WORDS = 5  # "Recommendations:" introduces a list; a longer line ending in ':' introduces a sentence

_ORDINAL_AR = r"(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)[اآ]?[\u064B]?"
_LEADING_NUMBER = re.compile(
    rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*\s*[.\-–)]\s*|[IVX]+\.\s+|[A-Z][.)]\s+|\(?[a-z]\)\s+"
    rf"|[()][{ARABIC_LETTERS}]{{1,2}}[()]\s+|{_ORDINAL_AR}\s*[-–:.]?\s*"
    rf"|[{ARABIC_LETTERS}]{{2,4}}\s*[-–]\s+)"
)
_CHAPTER_NUMBER = re.compile(r"\s{2,}\d{1,2}\s*$")  # "Methodology  02": the chapter's number set after its title
_SENTENCE_END = re.compile(r"[.!?؟؛;]\s*$")
_CONTINUES = re.compile(
    r"(?:^|\s)(?:من|في|على|إلى|الى|عن|مع|و|أو|او|أن|ان|إن|التي|الذي|الذين|هذا|هذه|بين|حول|ذلك|لا|قد|عبر|نحو|لدى|"
    r"حتى|كل|أي|غير|عند|ضد|كما|لكن|ثم|بل|ما|هو|هي|هم|"
    r"the|of|and|or|to|in|for|on|with|a|an|by|from|that|which|is|are|as|at)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_TEXT = re.compile(r"[@\\|،,:()«»\"“”‘’]|https?:|www\.|\d")  # figures, links, quotes, a colon inside


def numbered(line: str) -> bool:
    """Whether a heading carries numbering of its own (a leading "1." / "أولاً" or a trailing chapter number)."""
    return bool(_CHAPTER_NUMBER.search(line.rstrip()) or _LEADING_NUMBER.match(line.strip()))


def chapter_heading(line: str) -> bool:
    """A heading with its chapter number set after it ("Methodology  02"): it begins a chapter wherever it stands."""
    return bool(_CHAPTER_NUMBER.search(line.rstrip())) and looks_like_heading(line)


def looks_like_heading(line: str) -> bool:
    """A line shaped like a heading (see the module's note)."""
    if "\n" in line.strip():
        return False
    body = _CHAPTER_NUMBER.sub("", line.rstrip())
    body = " ".join(body.split())
    if not 2 <= len(body) <= MAX_CHARS or _SENTENCE_END.search(body) or re.match(r"^[a-z]", body):
        return False
    body = _LEADING_NUMBER.sub("", body, count=1)
    colon = body.endswith(":")
    words = body.rstrip(": ").split()
    if not words or len(words) > (MAX_COLON_WORDS if colon else MAX_WORDS):
        return False
    body = " ".join(words)
    return not (_NOT_TEXT.search(body) or _CONTINUES.search(body) or not _WORD.search(body))


_PART = re.compile(
    r"^\W*(?:chapter|section|part|annex|appendix|الفصل|الباب|القسم|الجزء|المرفق|الملحق)\s+"
    r"\S+\s*[:：\-–—]", re.IGNORECASE)
PART_MAX_WORDS = 8


def names_a_part(line: str) -> bool:
    """A short line that names a part of the document ("Chapter two: reporting.", "الفصل الأول: النطاق."), full
    stop or not: a heading to the sentence picker, though the chunker (which needs no full stop) reads it as text."""
    text = " ".join(line.split())
    return bool(_PART.match(text)) and len(text.split()) <= PART_MAX_WORDS


QUESTION_MAX_CHARS = 400
_QUESTION_END = re.compile(r"[?؟]\s*$")
_QUESTION_NUMBER = re.compile(r"^\d{1,2}\s*[.)\-–]\s*(?=\S)")
_ASKS = re.compile(  # how a questionnaire's item opens: a question word, or a request for information
    r"^(?:ما|ماذا|كيف|هل|أي|اي|لماذا|متى|أين|يرجى|الرجاء|what|how|which|why|when|where|who|is|are|do|does|has|have|"
    r"please|describe|provide)\b", re.IGNORECASE)


def ends_as_question(text: str) -> bool:
    """Whether the text ends with a question mark (either script): it asks, it does not say."""
    return bool(_QUESTION_END.search(text))


def numbered_question(line: str) -> bool:
    """A numbered question standing alone ("5. What measures can States take?").

    A submission answering a questionnaire restates each question before its answer: the question heads the
    text below it, above that text's own short headings ("In States:").
    """
    body = " ".join(line.split())
    number = _QUESTION_NUMBER.match(body)
    if "\n" in line.strip() or len(body) > QUESTION_MAX_CHARS or not number:
        return False
    return ends_as_question(body) or bool(_ASKS.match(body[number.end():]))


def heading_text(line: str) -> str:
    """The heading as a section path shows it: spaces collapsed."""
    return " ".join(line.split())
