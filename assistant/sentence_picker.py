"""Picking the answer's sentences: the documents' own sentences that carry most of the question.

Sentences are scored by the question's terms they hold (idf-weighted, with the glossary's translations) and,
when sentence vectors are at hand, by their cosine to the question; numbers are favoured when the question
is about figures. The pick is greedy, so a question with two parts gets a sentence for each. Every quote is an
exact slice of the cleaned text; it never crosses a footnote marker, so it also stands verbatim in the source.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from indexing.bibliography import is_bibliographic
from indexing.config import AnswerSettings
from indexing.headings import ends_as_question, looks_like_heading, names_a_part
from indexing.language import search_terms, sentence_terms
from indexing.sentences import quote_spans

from .intent import asks_for_number, names_a_channel, question_intents
from .models import Passage

_NUMBER = re.compile(r"\d")
# A sentence that opens by qualifying the one before it ("However, ...", "غير أن") or points back at it within
# its first words ("Governments run some of those lines", "وتشغل الحكومات بعض تلك الخطوط") depends on it: quoting
# the first without it cuts off the documents' own reservation or the rest of their answer.
_QUALIFIER = re.compile(r"^(?:غير أن|إلا أن|بيد أن|لكن|ولكن|ومع ذلك|مع ذلك|وفي المقابل|في المقابل|"
                        r"however|but|yet|nevertheless|nonetheless)\b", re.IGNORECASE)
_POINTER = frozenset("هذه هذا تلك ذلك هؤلاء أولئك وهذه وهذا وتلك وذلك these those this such".split())
_MARKS = "\u00b9\u00b2\u00b3\u2070-\u2079"  # superscript digits: a footnote mark the PDF left in the text
_MARK_LEAD = re.compile(f"[{_MARKS}]*\\s*")
_GAP = re.compile(f"[ \u00a0{_MARKS}]*")  # the same line, at most a footnote mark between
_BREAK = re.compile(f"[\\s{_MARKS}]*")  # nothing but space and a footnote mark between
_LEAD = re.compile(f"^[\\W\\d_{_MARKS}]+")


def continues(sentence: str, words: int = 4) -> bool:
    """Whether the sentence leans on the one before it: a qualifying opener, or a pointer in its first words."""
    text = _LEAD.sub("", sentence)
    return bool(_QUALIFIER.match(text)) or any(w.lower() in _POINTER for w in text.split()[:words])


class _Candidate(NamedTuple):
    """A quotable span of one of the passages, scored once; the greedy pick re-weighs only its terms."""

    rank: int  # of its passage
    passage: Passage
    start: int
    end: int
    words: frozenset[str]
    dense: float
    shaped: bool  # holds what the question asks for the shape of: a number, a channel to call
    favoured: bool
    lead_in: bool = False  # ends in a colon: it introduces the item after it


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    start: int  # offsets inside the passage's chunk text
    end: int
    score: float
    favoured: bool = False  # it overlaps one of the `favoured` spans it was picked with (a defining sentence)

    @property
    def text(self) -> str:
        return self.passage.chunk.text[self.start: self.end]


_PAGE_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}\s*$")


def running_title(sentence: str, words: frozenset[str], title: frozenset[str]) -> bool:
    """A short line ending in a page number, made of the document's title words and at most three others (its
    publisher's name): the running head or foot a PDF's text keeps between paragraphs."""
    if not _PAGE_NUMBER.search(sentence) or len(sentence.split()) > 12:
        return False
    named = {w for w in words if not w[0].isdigit()}
    return len(named & title) >= 2 and len(named - title) <= 3


class SentencePicker:
    """Scores a passage's sentences against the question: idf-weighted shared terms (with the glossary's
    translations), plus, when sentence vectors are given, the sentence's cosine similarity to the question,
    which is what finds the right Arabic sentence for an English question when no glossary term links them."""

    def __init__(self, cfg: AnswerSettings | None = None, idf: dict[str, float] | None = None, vectors=None):
        cfg = cfg or AnswerSettings()
        self.cfg = cfg
        self.idf = idf or {}
        self.covered_weight = cfg.covered_weight
        self.rank_decay = cfg.rank_decay  # a sentence of the n-th passage counts 1 / (1 + rank_decay * n)
        # A further sentence that adds less than this share of the first one's gain is padding, not evidence.
        self.min_gain_ratio = cfg.min_gain_ratio
        self.number_bonus = cfg.number_bonus
        self.fragment_terms = cfg.fragment_terms
        self.qualifier_follow = cfg.qualifier_follow
        self.lead_in_with_item = cfg.lead_in_with_item
        self.channel_bonus = cfg.channel_bonus
        self.endnote_share = cfg.endnote_share
        self.dense_weight = cfg.sentence_dense_weight
        self.vectors = vectors if self.dense_weight > 0 else None  # a SentenceVectors

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
        return score * self.number_bonus if number_bonus else score

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
        ignore: frozenset[str] = frozenset(),
        favoured: dict[str, list[tuple[int, int]]] | None = None,
        favour: float = 1.0,
        intents: frozenset[str] | None = None,
    ) -> list[Sentence]:
        """Greedy: each next sentence is the one that adds most of what the answer does not yet show.

        Question terms a chosen sentence already carries count `covered_weight` of their idf afterwards, so a
        question with two parts ("what …, and why …") gets a sentence for each rather than two for the first.
        Terms in `ignore` (the names of the documents the search was scoped to) are not looked for. A sentence
        overlapping one of the `favoured` spans of its chunk (offsets in the chunk's text) scores `favour` times more.
        `intents` are the retrieval's (masked by the settings); without them the question is read here.
        """
        favoured = favoured or {}
        terms = set(search_terms(f"{question} {expansion}")) - ignore
        wants_number = asks_for_number(question, exactly=False)
        wants_channel = self.channel_bonus and "contact" in (question_intents(question) if intents is None else intents)
        cands: list[_Candidate] = []
        for rank, (p, (spans, sims)) in enumerate(zip(passages, self._spans(passages, question_vector))):
            titled = sentence_terms(f"{p.chunk.title} {p.chunk.title_ar}")
            title = titled if p.chunk.is_heading else frozenset()
            for n, (s, e) in enumerate(spans):
                s += len(_MARK_LEAD.match(p.chunk.text, s, e).group(0))  # the previous sentence's footnote mark
                sentence = p.chunk.text[s:e]
                if is_bibliographic(sentence, self.endnote_share):
                    continue  # an endnote's link or access date is never the answer
                words = sentence_terms(sentence)
                if not words:
                    continue
                if p.chunk.is_heading and not (words - title) & terms:
                    continue  # a title or heading that only repeats the document's name says nothing
                if looks_like_heading(sentence) or names_a_part(sentence) or ends_as_question(sentence):
                    continue  # a bare heading ("In States:") names, a questionnaire's question asks: neither says
                if running_title(sentence, words, titled):
                    continue  # a page's running title and number ("… Global Threat Assessment 2019  44")
                dense = self.dense_weight * max(0.0, sims[n]) if sims else 0.0
                inside = any(a < e and s < b for a, b in favoured.get(p.chunk.chunk_id, ()))
                shaped = ((wants_number and bool(_NUMBER.search(sentence)))
                          or (wants_channel and names_a_channel(sentence)))
                cands.append(_Candidate(rank, p, s, e, words, dense, shaped, inside,
                                        self.lead_in_with_item and sentence.rstrip().endswith((":", "："))))
        chosen: list[Sentence] = []
        taken: set[int] = set()
        used: dict[int, int] = {}
        covered: set[str] = set()
        followers = 0  # sentences quoted for the one before them do not use up the answer's length
        while len(chosen) - followers < max_sentences:
            best, best_gain = None, 0.0
            for n, c in enumerate(cands):
                if n in taken or used.get(c.rank, 0) >= per_passage:
                    continue
                lexical = self._lexical(c.words, terms, len(c.words), c.shaped, covered)
                gain = (lexical + c.dense) / (1 + self.rank_decay * c.rank) * (favour if c.favoured else 1.0)
                if gain > best_gain:
                    best, best_gain = n, gain
            if best is None or (chosen and best_gain < self.min_gain_ratio * chosen[0].score):
                break
            c = cands[best]
            taken.add(best)
            item = best + 1 if best + 1 < len(cands) and cands[best + 1].rank == c.rank else None
            if c.lead_in and (item is None or item in taken):
                continue  # "… as follows:" quoted alone says nothing
            used[c.rank] = used.get(c.rank, 0) + 1
            covered |= c.words & terms
            end = c.end
            if len(c.words) < self.fragment_terms and best + 1 < len(cands) and best + 1 not in taken:
                # A PDF line cut mid-sentence leaves a fragment ("... refers to live-streaming ."): quote it
                # with the sentence that carries on after it on the same line.
                nxt = cands[best + 1]
                if nxt.rank == c.rank and _GAP.fullmatch(c.passage.chunk.text, end, nxt.start):
                    taken.add(best + 1)
                    covered |= nxt.words & terms
                    end = nxt.end
                    best += 1
            chosen.append(Sentence(c.passage, c.start, end, best_gain, c.favoured))
            if c.lead_in and item is not None and item not in taken:  # the item it introduces comes with it
                nxt = cands[item]
                taken.add(item)
                followers += 1
                covered |= nxt.words & terms
                chosen.append(Sentence(nxt.passage, nxt.start, nxt.end, best_gain, nxt.favoured))
                continue
            if self.qualifier_follow and best + 1 < len(cands) and best + 1 not in taken:
                nxt = cands[best + 1]
                text = c.passage.chunk.text
                if nxt.rank == c.rank and _BREAK.fullmatch(text, end, nxt.start) and continues(text[nxt.start: nxt.end]):
                    taken.add(best + 1)
                    followers += 1
                    covered |= nxt.words & terms
                    chosen.append(Sentence(nxt.passage, nxt.start, nxt.end, best_gain, nxt.favoured))
        return chosen
