"""Read what a question points at: a document by name or symbol, a paragraph by number.

"OP 19", "operative paragraph 4 of the resolution", "الفقرة 19 من منطوق القرار", "paragraph 77 of
A/HRC/28/56", "para 51 of the Special Rapporteur report": such a paragraph is returned first, whatever
the embeddings say; a named document restricts the search to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexing.language import ARABIC_LETTERS, normalize, phrase_pattern, tokens
from indexing.models import DocumentMeta

from .question import demonym_pattern

_ORDINALS_AR = {
    "الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6, "السابعه": 7,
    "الثامنه": 8, "التاسعه": 9, "العاشره": 10,
}
_ORDINALS_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_NUM = r"(\d{1,3}|last|final)"
_EN_PATTERNS = [
    (re.compile(rf"\b(?:operative\s+(?:paragraph|para\.?|clause)|op\.?\s*(?:para(?:graph)?\.?)?)\s*#?\s*{_NUM}\b"), "OP"),
    (re.compile(rf"\b(?:preambular\s+(?:paragraph|para\.?)|pp\.?)\s*#?\s*{_NUM}\b"), "PP"),
    (re.compile(rf"\b(?:paragraph|para\.?|¶)\s*#?\s*{_NUM}\b"), ""),
    (re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+(operative\s+|preambular\s+)?paragraph\b"), "?"),
]
_AR_PARA = re.compile(r"الفقره\s*(?:رقم\s*)?(?:\(?\s*(\d{1,3})\s*\)?|(الاخيره)(?:\s*\(?\s*(\d{1,3})\s*\)?)?|(\S+ه))")


@dataclass(frozen=True)
class ParagraphRef:
    number: int | None  # None with last=True
    kind: str = ""  # "OP", "PP", or "" (any numbered paragraph)
    last: bool = False


@dataclass
class QuestionRefs:
    doc_ids: list[str] = field(default_factory=list)
    paragraphs: list[ParagraphRef] = field(default_factory=list)
    # Documents a shared name also fits: "the Special Rapporteur" names her report, and also the submission
    # whose title answers her call for input. They widen the search's scope but are not named documents.
    also: list[str] = field(default_factory=list)


_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}]+")


def nisba_pattern(word: str) -> re.Pattern:
    """An Arabic one-word name's adjective with the article ("قطر" -> "القطرية"): "التوصيات القطرية" names the
    Qatar submission as surely as "قطر" does. Only the definite form: the indefinite "زيارات قطرية" means
    *country* visits. Matches the search form, like `phrase_pattern`."""
    return re.compile(rf"(?:^|\s)(?:[وبفك]?ال|لل){re.escape(word)}(?:ي|يه|يين|يون|يات)(?=\s|$)")


class ReferenceParser:
    def __init__(self, metas: list[DocumentMeta]):
        self.metas = metas
        self._names: list[tuple[str, re.Pattern]] = []
        self._also: dict[str, list[str]] = {}
        titles = {m.doc_id: " ".join(tokens(f"{m.title} {m.title_ar}")) for m in metas}
        for m in metas:
            names = set(m.short_names)
            if m.symbol:
                names.add(m.symbol)
            # Longest first, so `without_names` takes out "تقرير المقررة الخاصة" whole rather than leaving
            # "تقرير" behind; and in a fixed order (a set's order changes from one process to the next).
            for name in sorted(names, key=lambda n: (-len(n), n)):
                words = tokens(name)
                if words:
                    pattern = phrase_pattern(name)
                    self._names.append((m.doc_id, pattern))
                    others = [d for d, t in titles.items() if d != m.doc_id and pattern.search(t)]
                    if others:
                        self._also[pattern.pattern] = others
                if len(words) == 1 and _ARABIC_WORD.fullmatch(words[0]):
                    self._names.append((m.doc_id, nisba_pattern(words[0])))
                elif len(words) == 1 and (people := demonym_pattern(words[0])) is not None:
                    self._names.append((m.doc_id, people))

    def documents(self, question: str) -> list[str]:
        return self._documents(question)[0]

    def _documents(self, question: str) -> tuple[list[str], list[str]]:
        norm = " ".join(tokens(question))
        found: list[str] = []
        shared: dict[str, list[str]] = {}
        distinct: set[str] = set()  # named by a name only it has ("the Special Rapporteur's report")
        for doc_id, pattern in self._names:
            if pattern.search(norm):
                if doc_id not in found:
                    found.append(doc_id)
                if pattern.pattern in self._also:
                    shared.setdefault(doc_id, []).extend(self._also[pattern.pattern])
                else:
                    distinct.add(doc_id)
        also = [d for doc_id, ds in shared.items() if doc_id not in distinct for d in ds]
        return found, list(dict.fromkeys(d for d in also if d not in found))

    def without_names(self, question: str) -> str:
        """The question's normalised words with document names taken out: once a name has scoped the
        search it should not also pull lexical matches towards every chunk that repeats the name."""
        norm = " ".join(tokens(question))
        for _, pattern in self._names:
            norm = pattern.sub(" ", norm)
        return norm

    def paragraphs(self, question: str) -> list[ParagraphRef]:
        text = normalize(question)
        refs: list[ParagraphRef] = []
        operative = bool(re.search(r"operative|منطوق|\bop\b", text))
        preamble = bool(re.search(r"preambular|preamble|ديباجه|\bpp\b", text))
        default_kind = "OP" if operative and not preamble else "PP" if preamble and not operative else ""
        for pattern, kind in _EN_PATTERNS:
            for m in pattern.finditer(text):
                word = m.group(1)
                if kind == "?":
                    number = _ORDINALS_EN.get(word)
                    k = "OP" if m.group(2) and "operative" in m.group(2) else "PP" if m.group(2) else default_kind
                    refs.append(ParagraphRef(number, k, last=word in ("last", "final")))
                elif word in ("last", "final"):
                    refs.append(ParagraphRef(None, kind or default_kind, last=True))
                else:
                    refs.append(ParagraphRef(int(word), kind or default_kind))
        for m in _AR_PARA.finditer(text):
            digits, last, last_digits, word = m.groups()
            if digits:
                refs.append(ParagraphRef(int(digits), default_kind))
            elif last:
                refs.append(ParagraphRef(int(last_digits) if last_digits else None, default_kind, last=not last_digits))
            elif word in _ORDINALS_AR:
                refs.append(ParagraphRef(_ORDINALS_AR[word], default_kind))
        unique: list[ParagraphRef] = []
        for r in refs:
            if r not in unique:
                unique.append(r)
        return unique

    def parse(self, question: str) -> QuestionRefs:
        found, also = self._documents(question)
        return QuestionRefs(found, self.paragraphs(question), also)
