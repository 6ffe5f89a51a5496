"""The extractive answer: the documents' own sentences, each with its citation, in the question's language.

No language model is needed (none that answers Arabic ships offline). Sentences are picked from the top
passages by how much of the question (and its glossary translation) they carry, with numbers favoured for
statistics questions, then grouped by document. Every quote is an exact slice of the cleaned text; it
never crosses a footnote marker, so it also stands verbatim in the source file.
"""
from __future__ import annotations

import math
import re

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from indexing.bibliography import is_bibliographic
from indexing.language import search_terms, sentence_terms
from indexing.sentences import quote_spans, sentences_of

from .intent import question_intents
from .models import Citation, CitationGroup, Passage
from .render.references import references

_NUMBER = re.compile(r"\d")
_QUANTITY = re.compile(
    r"\b(how many|how much|what number|what percentage|what share|what proportion|how long|how old|what amount|"
    r"what (?:prison |jail )?(?:sentence|penalty|term)|what fine)\b|(?:^|\s)(كم|ما عدد|ما نسبة|ما مقدار|ما مدة|ما قيمة|ما العقوبة|ما حجم)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:[.,٫]\d+)?")
# The thing a quantity question counts: "how many <children>", "what <prison> sentence", "كم عدد <الأطفال>".
_FOCUS = re.compile(
    r"\b(?:how many|how much|what (?:number|amount|percentage|share|proportion) of|what)\s+(?:of\s+)?([a-z]+)"
    r"|(?:^|\s)(?:كم عدد|ما عدد|ما نسبة|ما حجم|ما مقدار|ما قيمة|كم من|كم)\s+(\S+)",
    re.IGNORECASE,
)
FOCUS_WINDOW = 6  # tokens between a number and the thing it counts
# Support does not penalise a long sentence beyond this many words: a resolution paragraph is one long
# sentence, and its length says nothing about whether it answers.
SUPPORT_LENGTH_CAP = 20
# Nor does it reward one shorter than this: a five-word lead-in ("as one investigator put it:") that shares
# one question word is not evidence.
SUPPORT_LENGTH_FLOOR = 8

# A sentence too short to be evidence is a fragment when picked: it is quoted together with the next one.
FRAGMENT_TERMS = SUPPORT_LENGTH_FLOOR

INTRO = {"ar": "تنص الوثائق على ما يلي:", "en": "The documents say:"}
ABSTAIN = {
    "ar": "لا تجيب الوثائق المتاحة عن هذا السؤال. أقرب المقاطع التي عُثر عليها مدرجة أدناه للاطلاع.",
    "en": "The documents do not answer this question. The nearest passages found are listed below for reference.",
}
NOT_MENTIONED = {
    "ar": "لا تذكر الوثائق المتاحة {names}.",
    "en": "The documents do not mention {names}.",
}
GENERAL_ONLY = {
    "ar": "ما تقوله عن الموضوع العام، وهو لا يخص {names}:",
    "en": "What they say on the wider subject, not specific to {names}:",
}
OTHER_LANGUAGE = "Your question seems to be in another language ({lang}); answering in English."


class _Candidate(NamedTuple):
    """A quotable span of one of the passages, scored once; the greedy pick re-weighs only its terms."""

    rank: int  # of its passage
    passage: Passage
    start: int
    end: int
    words: frozenset[str]
    dense: float
    has_number: bool


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    start: int  # offsets inside the passage's chunk text
    end: int
    score: float

    @property
    def text(self) -> str:
        return self.passage.chunk.text[self.start: self.end]


class SentencePicker:
    """Scores a passage's sentences against the question: idf-weighted shared terms (with the glossary's
    translations), plus, when sentence vectors are given, the sentence's cosine similarity to the question,
    which is what finds the right Arabic sentence for an English question when no glossary term links them."""

    def __init__(self, idf: dict[str, float] | None = None, vectors=None, dense_weight: float = 0.0,
                 covered_weight: float = 1.0, rank_decay: float = 0.35, min_gain_ratio: float = 0.0):
        self.idf = idf or {}
        self.covered_weight = covered_weight
        self.rank_decay = rank_decay  # a sentence of the n-th passage counts 1 / (1 + rank_decay * n)
        # A further sentence that adds less than this share of the first one's gain is padding, not evidence.
        self.min_gain_ratio = min_gain_ratio
        self.vectors = vectors if dense_weight > 0 else None  # a SentenceVectors
        self.dense_weight = dense_weight

    def score(
        self, sentence: str, terms: set[str], wants_number: bool, length_cap: int | None = None, length_floor: int = 0
    ) -> float:
        words = sentence_terms(sentence)
        if not words:
            return 0.0
        length = max(min(len(words), length_cap) if length_cap else len(words), length_floor)
        return self._lexical(words, terms, length, wants_number and bool(_NUMBER.search(sentence)))

    def _lexical(self, words: frozenset[str], terms: set[str], length: int, number_bonus: bool,
                 covered: set[str] | frozenset[str] = frozenset()) -> float:
        """idf of the shared terms (those in `covered` at `covered_weight`), damped by sentence length."""
        overlap = sum(self.idf.get(t, 1.0) * (self.covered_weight if t in covered else 1.0) for t in words & terms)
        score = overlap / math.sqrt(length + 4)
        return score * 1.6 if number_bonus else score

    def _spans(self, passages: list[Passage], question_vector) -> list[tuple[list[tuple[int, int]], list[float]]]:
        """Each passage's quotable spans, with their cosine to the question when vectors are at hand."""
        if self.vectors is None or question_vector is None:
            return [(quote_spans(p.chunk.text), []) for p in passages]
        got = self.vectors.of([p.chunk for p in passages])
        q = np.asarray(question_vector, dtype=np.float32)
        out = []
        for p in passages:
            spans, matrix = got[p.chunk.chunk_id]
            out.append((spans, (matrix @ q).tolist() if spans else []))
        return out

    def pick(
        self,
        question: str,
        expansion: str,
        passages: list[Passage],
        max_sentences: int,
        per_passage: int,
        question_vector=None,
    ) -> list[Sentence]:
        """Greedy: each next sentence is the one that adds most of what the answer does not yet show.

        Question terms a chosen sentence already carries count `covered_weight` of their idf afterwards, so a
        question with two parts ("what …, and why …") gets a sentence for each rather than two for the first.
        """
        terms = set(search_terms(f"{question} {expansion}"))
        wants_number = wants_figures(question)
        cands: list[_Candidate] = []
        for rank, (p, (spans, sims)) in enumerate(zip(passages, self._spans(passages, question_vector))):
            for n, (s, e) in enumerate(spans):
                sentence = p.chunk.text[s:e]
                if is_bibliographic(sentence):
                    continue  # an endnote's link or access date is never the answer
                words = sentence_terms(sentence)
                if not words:
                    continue
                dense = self.dense_weight * max(0.0, sims[n]) if sims else 0.0
                cands.append(_Candidate(rank, p, s, e, words, dense, bool(_NUMBER.search(sentence))))
        chosen: list[Sentence] = []
        taken: set[int] = set()
        used: dict[int, int] = {}
        covered: set[str] = set()
        while len(chosen) < max_sentences:
            best, best_gain = None, 0.0
            for n, c in enumerate(cands):
                if n in taken or used.get(c.rank, 0) >= per_passage:
                    continue
                lexical = self._lexical(c.words, terms, len(c.words), wants_number and c.has_number, covered)
                gain = (lexical + c.dense) / (1 + self.rank_decay * c.rank)
                if gain > best_gain:
                    best, best_gain = n, gain
            if best is None or (chosen and best_gain < self.min_gain_ratio * chosen[0].score):
                break
            c = cands[best]
            taken.add(best)
            used[c.rank] = used.get(c.rank, 0) + 1
            covered |= c.words & terms
            end = c.end
            if len(c.words) < FRAGMENT_TERMS and best + 1 < len(cands) and best + 1 not in taken:
                # A PDF line cut mid-sentence leaves a fragment ("... refers to live-streaming ."): quote it
                # with the sentence that carries on after it on the same line.
                nxt = cands[best + 1]
                if nxt.rank == c.rank and not c.passage.chunk.text[end: nxt.start].strip(" \u00a0"):
                    taken.add(best + 1)
                    covered |= nxt.words & terms
                    end = nxt.end
            chosen.append(Sentence(c.passage, c.start, end, best_gain))
        return chosen


def reading_order(sentences: list[Sentence]) -> list[Sentence]:
    """Documents in order of their best sentence, sentences within a document in text order."""
    docs: list[str] = []
    for s in sentences:
        if s.passage.chunk.doc_id not in docs:
            docs.append(s.passage.chunk.doc_id)
    return sorted(sentences, key=lambda s: (docs.index(s.passage.chunk.doc_id), s.passage.chunk.start + s.start))


def wants_figures(question: str) -> bool:
    """The question is about numbers, so sentences holding one are preferred."""
    return "statistic" in question_intents(question)


def asks_for_quantity(question: str) -> bool:
    return bool(_QUANTITY.search(question))


def quantity_focus(question: str) -> str:
    """The noun a quantity question asks about ("money" in "how much money…"), or ""."""
    if not asks_for_quantity(question):
        return ""
    m = _FOCUS.search(question)
    return (m.group(1) or m.group(2) or "") if m else ""


def _counts_focus(sentence: str, known: set[str], focus_terms: set[str]) -> bool:
    """A number the question does not already hold, within a few words of the thing asked about."""
    toks = search_terms(sentence)
    numbers = [i for i, t in enumerate(toks) if t[0].isdigit() and t not in known]
    if not numbers:
        return False
    if not focus_terms:
        return True
    near = [i for i, t in enumerate(toks) if t in focus_terms]
    return any(abs(i - j) <= FOCUS_WINDOW for i in numbers for j in near)


def support(
    picker: "SentencePicker",
    question: str,
    expansion: str,
    passages: list[Passage],
    depth: int = 3,
    focus_terms: set[str] | None = None,
) -> float:
    """How well the best sentence of the top passages carries the question's terms.

    A question that asks for a quantity is only supported by a sentence holding a number the question
    does not already contain, next to the thing counted (`focus_terms`, both languages): a passage that
    merely repeats "Law No. 14 of 2014", or gives a number of arrests when asked for children rescued,
    does not answer it.
    """
    terms = set(search_terms(f"{question} {expansion}"))
    quantity = asks_for_quantity(question)
    known = set(search_terms(" ".join(_DIGITS.findall(question))))
    best = 0.0
    for p in passages[:depth]:
        text = p.chunk.text
        for s, e in sentences_of(text):
            sentence = text[s:e]
            if is_bibliographic(sentence):
                continue
            if quantity and not _counts_focus(sentence, known, focus_terms or set()):
                continue
            best = max(best, picker.score(sentence, terms, wants_number=False, length_cap=SUPPORT_LENGTH_CAP,
                                           length_floor=SUPPORT_LENGTH_FLOOR))
    return best


def unknown_share(question: str, vocabulary: set[str], stemming: bool = True) -> float:
    """The share of the question's words (numbers aside) that the library never uses: a question made mostly
    of words foreign to the documents ("a saffron rice recipe") is not about them, whatever one shared word
    ("best", of "best practices") scores."""
    terms = [t for t in search_terms(question, stemming) if not t.isdigit()]
    if not terms:
        return 0.0
    return sum(t not in vocabulary for t in terms) / len(terms)


def build_citations(sentences: list[Sentence], language: str = "en") -> tuple[Citation, ...]:
    """Citations in reading order, each located where its quote starts, in the asker's language."""
    ref = references(language)
    out = []
    for n, s in enumerate(reading_order(sentences), 1):
        c = s.passage.chunk
        start = c.start + s.start
        out.append(
            Citation(
                n=n, doc_id=c.doc_id, file_name=c.file_name, title=ref.title(c), symbol=c.symbol, label=c.label,
                page=c.page_at(start), quote=s.text, start=start, end=c.start + s.end, chunk_id=c.chunk_id,
                locator=ref.locate(c, start),
            )
        )
    return tuple(out)


def by_document(citations: list[Citation]) -> tuple[CitationGroup, ...]:
    """The citations grouped per document, documents in order of their first citation."""
    order = list(dict.fromkeys(c.doc_id for c in citations))
    groups = []
    for doc_id in order:
        cites = tuple(c for c in citations if c.doc_id == doc_id)
        groups.append(CitationGroup(doc_id, cites[0].symbol or cites[0].title, cites))
    return tuple(groups)


def intro(language: str) -> str:
    return INTRO["ar" if language == "ar" else "en"]


def abstain_text(language: str) -> str:
    return ABSTAIN["ar" if language == "ar" else "en"]


def not_mentioned_intro(language: str, names: list[str], general: bool) -> str:
    """The subject the library lacks, said plainly; then either the plain abstention or the label for what the
    documents say on the wider subject."""
    lang = "ar" if language == "ar" else "en"
    joined = (" و" if lang == "ar" else " and ").join(names)
    head = NOT_MENTIONED[lang].format(names=joined)
    return f"{head} {GENERAL_ONLY[lang].format(names=joined) if general else ABSTAIN[lang]}"
