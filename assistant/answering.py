"""The extractive answer: the documents' own sentences, each with its citation, in the question's language.

No language model is needed (none that answers Arabic ships offline). Sentences are picked from the top
passages by how much of the question (and its glossary translation) they carry, with numbers favoured for
statistics questions, then grouped by document. Every quote is an exact slice of the cleaned text; it
never crosses a footnote marker, so it also stands verbatim in the source file.
"""
from __future__ import annotations

import math
import re

import numpy as np
from dataclasses import dataclass

from indexing.language import search_terms

from .models import Citation, Passage

_SENTENCE = re.compile(r"[^.!?؟؛;\n]+(?:[.!?؟؛;](?!\d)|$)?")
_FOOTNOTE_MARK = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")
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
FOCUS_WINDOW = 6
# Support does not penalise a long sentence beyond this many words: a resolution paragraph is one long
# sentence, and its length says nothing about whether it answers.
SUPPORT_LENGTH_CAP = 20  # tokens between a number and the thing it counts
_STAT_WORDS = re.compile(
    r"\b(how many|how much|what share|what proportion|percent|percentage|number of|rate|estimate)\b|كم|نسب|عدد|حجم|تقدير|المائ",
    re.IGNORECASE,
)

INTRO = {"ar": "تنص الوثائق على ما يلي:", "en": "The documents say:"}
ABSTAIN = {
    "ar": "لا تجيب الوثائق المتاحة عن هذا السؤال. أقرب المقاطع التي عُثر عليها مدرجة أدناه للاطلاع.",
    "en": "The documents do not answer this question. The nearest passages found are listed below for reference.",
}
OTHER_LANGUAGE = "Your question seems to be in another language ({lang}); answering in English."


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    start: int  # offsets inside the passage's chunk text
    end: int
    score: float

    @property
    def text(self) -> str:
        return self.passage.chunk.text[self.start: self.end]


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


def _split_long(text: str, s: int, e: int, limit: int = 420) -> list[tuple[int, int]]:
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


class SentencePicker:
    """Scores a passage's sentences against the question: idf-weighted shared terms (with the glossary's
    translations), plus, when an embedder is given, the sentence's cosine similarity to the question, which
    is what finds the right Arabic sentence for an English question when no glossary term links them."""

    def __init__(self, idf: dict[str, float] | None = None, embedder=None, dense_weight: float = 0.0):
        self.idf = idf or {}
        self.embedder = embedder if dense_weight > 0 else None
        self.dense_weight = dense_weight
        self._vectors: dict[str, np.ndarray] = {}

    def score(self, sentence: str, terms: set[str], wants_number: bool, length_cap: int | None = None) -> float:
        words = set(search_terms(sentence))
        if not words:
            return 0.0
        overlap = sum(self.idf.get(t, 1.0) for t in words & terms)
        length = min(len(words), length_cap) if length_cap else len(words)
        score = overlap / math.sqrt(length + 4)
        if wants_number and _NUMBER.search(sentence):
            score *= 1.6
        return score

    def similarities(self, question_vector, texts: list[str]) -> list[float]:
        """Cosine of each text to the question; sentence vectors are cached (the library does not change
        between questions often, and a sentence costs ~1 ms to embed)."""
        if self.embedder is None or question_vector is None or not texts:
            return [0.0] * len(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            if len(self._vectors) > 50_000:
                self._vectors.clear()
            for t, v in zip(missing, self.embedder.encode_documents(missing)):
                self._vectors[t] = v
        q = np.asarray(question_vector, dtype=np.float32)
        return [float(self._vectors[t] @ q) for t in texts]

    def pick(
        self,
        question: str,
        expansion: str,
        passages: list[Passage],
        max_sentences: int,
        per_passage: int,
        question_vector=None,
    ) -> list[Sentence]:
        terms = set(search_terms(f"{question} {expansion}"))
        wants_number = bool(_STAT_WORDS.search(question))
        spans: list[tuple[int, Passage, int, int]] = []
        for rank, p in enumerate(passages):
            text = p.chunk.text
            for s, e in sentences_of(text):
                for ps, pe in _split_long(text, s, e):
                    spans.append((rank, p, ps, pe))
        sims = self.similarities(question_vector, [p.chunk.text[ps:pe] for _, p, ps, pe in spans])
        by_passage: dict[int, list[Sentence]] = {}
        for (rank, p, ps, pe), sim in zip(spans, sims):
            sc = self.score(p.chunk.text[ps:pe], terms, wants_number) + self.dense_weight * max(0.0, sim)
            by_passage.setdefault(rank, []).append(Sentence(p, ps, pe, sc / (1 + 0.35 * rank)))
        chosen: list[Sentence] = []
        for rank in sorted(by_passage):
            cands = sorted(by_passage[rank], key=lambda x: -x.score)
            chosen.extend([c for c in cands[:per_passage] if c.score > 0] or cands[:1])
        chosen.sort(key=lambda x: -x.score)
        return chosen[:max_sentences]


def reading_order(sentences: list[Sentence]) -> list[Sentence]:
    """Documents in order of their best sentence, sentences within a document in text order."""
    docs: list[str] = []
    for s in sentences:
        if s.passage.chunk.doc_id not in docs:
            docs.append(s.passage.chunk.doc_id)
    return sorted(sentences, key=lambda s: (docs.index(s.passage.chunk.doc_id), s.passage.chunk.start + s.start))


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
            if quantity and not _counts_focus(sentence, known, focus_terms or set()):
                continue
            best = max(best, picker.score(sentence, terms, wants_number=False, length_cap=SUPPORT_LENGTH_CAP))
    return best


def build_citations(sentences: list[Sentence]) -> list[Citation]:
    out = []
    for n, s in enumerate(reading_order(sentences), 1):
        c = s.passage.chunk
        out.append(
            Citation(
                n=n, doc_id=c.doc_id, file_name=c.file_name, title=c.title, symbol=c.symbol, label=c.label,
                page=c.page, quote=s.text, start=c.start + s.start, end=c.start + s.end, chunk_id=c.chunk_id,
            )
        )
    return out


def compose(language: str, citations: list[Citation]) -> str:
    """Markdown answer: intro, then per document its quotes in reading order, each with [n] and its label."""
    lang = "ar" if language == "ar" else "en"
    lines = [INTRO[lang], ""]
    order: list[str] = []
    for c in citations:
        if c.doc_id not in order:
            order.append(c.doc_id)
    for doc_id in order:
        cites = [c for c in citations if c.doc_id == doc_id]
        head = cites[0].symbol or cites[0].title
        lines.append(f"**{head}**")
        for c in cites:
            where = f" ({c.label})" if c.label and c.label != "heading" else ""
            lines.append(f"- «{c.quote}» [{c.n}]{where}")
        lines.append("")
    return "\n".join(lines).strip()


def abstain_text(language: str) -> str:
    return ABSTAIN["ar" if language == "ar" else "en"]
