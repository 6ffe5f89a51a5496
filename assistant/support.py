"""How strongly the retrieved passages support an answer: the measure the abstain rule compares with its threshold.

The evidence is the best sentence of the top passages, scored as the sentence picker scores it, with its
length clamped (a long resolution paragraph is not weaker for it, a five-word lead-in not stronger). A
question that asks for a quantity is only supported by a sentence that gives a number next to the thing
counted. A question made mostly of words the library never uses is not about it at all (`unknown_share`).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from indexing.bibliography import is_bibliographic
from indexing.config import AnswerSettings
from indexing.language import search_terms, tokens
from indexing.sentences import sentences_of

from .intent import asks_for_number
from .models import Passage
from .sentence_picker import SentencePicker

_DIGITS = re.compile(r"\d+(?:[.,٫]\d+)?")


_MONTHS = (r"(?:كانون\s+الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين\s+الأول|تشرين\s+الاول|"
           r"تشرين\s+الثاني|كانون\s+الأول|كانون\s+الاول|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيه|يونيو|يوليه|يوليو|"
           r"أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|January|February|March|April|May|June|July|August|"
           r"September|October|November|December)")
# Numbers that date or name something rather than count it: a document symbol or resolution number ("74/174",
# "A/HRC/28/56"), a day and month ("18 كانون الأول/ديسمبر", "21 April"), a year with its word ("في عام 2019"), a
# paragraph's own number ("2- "),
# the number of a law or item ("القانون رقم (14)", "Law No. 14").
_NOT_A_COUNT = re.compile(
    rf"^\s*\(?\d{{1,3}}\s*[-–.)]\s|[A-Za-z]*/?(?:[A-Za-z]+/)*\d+(?:/[A-Za-z\d.]+)+|\b\d{{1,2}}(?:\s*(?:إلى|الى|و|-|–|to|and)\s*\d{{1,2}})?\s+{_MONTHS}"
    r"|(?:(?:\b(?:in|the\s+year|year)|(?<!\w)(?:[فو]?(?:في\s+)?(?:ال)?(?:عام|سنة|لعام|لسنة)))\s+)?(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)"
    r"|(?:رقم|No\.?|Law|number)\s*\(?\d+\)?", re.IGNORECASE)


# A count written out ("for no longer than ninety days", "twelve countries"); not "one", which is as often "no one".
_NUMBER_WORDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b",
    re.IGNORECASE)
# "8 of them", "22 منها": a number that counts what the sentence named before it, however far back.
_OF_THEM = re.compile(r"(?<![\d.,])(\d+(?:[.,٫]\d+)?)\s*(?:%|في\s+المائة|بالمائة|per\s*cent|percent)?\s+"
                      r"(?:منها|منهم|منهن|of\s+them|of\s+which|of\s+these|among\s+them)(?!\w)", re.IGNORECASE)


def _counts_focus(sentence: str, known: set[str], focus_terms: set[str], window: int) -> bool:
    """A number the question does not already hold, that counts rather than dates or names (see `_NOT_A_COUNT`),
    within a few words of the thing asked about, or anywhere after it as "N of them"."""
    text = _NUMBER_WORDS.sub(" 0 ", _NOT_A_COUNT.sub(" ", sentence))
    toks = search_terms(text)
    numbers = [i for i, t in enumerate(toks) if t[0].isdigit() and t not in known]
    if not numbers:
        return False
    if not focus_terms:
        return True
    near = [i for i, t in enumerate(toks) if t in focus_terms]
    if any(abs(i - j) <= window for i in numbers for j in near):
        return True
    return any(m.group(1) not in known and focus_terms & set(search_terms(text[: m.start()]))
               for m in _OF_THEM.finditer(text))


# A name of several capitalised words: a programme, an operation, a body ("Project Arachnid", "Child Dignity
# Alliance"). One word alone is as often a sentence's first word or a country (those have their own rule).
_NAME = re.compile(r"\b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)+\b")


def naming_passages(question: str, passages: list[Passage], depth: int,
                    known: Callable[[str], bool] = lambda name: False) -> list[Passage]:
    """For a question counting something of a named programme or body ("how many children has Project Arachnid
    identified?"), the top passages that name it, when some do: a count in a passage on another operation is
    not its count. A name the library's vocabularies translate (`known`: a glossary term, a document's name) is
    left out: an Arabic passage names it in Arabic."""
    bare = re.sub(r"\([^)]*\)", " ", question)  # not the full forms the reader wrote after an acronym
    names = [" ".join(tokens(m.group(0))) for m in _NAME.finditer(bare) if not known(m.group(0))]
    if not names:
        return passages
    top = passages[:depth]
    texts = [f" {' '.join(tokens(p.chunk.text))} " for p in top]
    named = [p for p, text in zip(top, texts) if all(f" {n} " in text for n in names)]
    return named or passages


def gives_a_count(sentence: str) -> bool:
    """The sentence holds a number that counts something (not a date, a year, a symbol or a law's number)."""
    return _counts_focus(sentence, set(), set(), 0)


def support(
    picker: SentencePicker,
    question: str,
    expansion: str,
    passages: list[Passage],
    cfg: AnswerSettings,
    focus_terms: set[str] | None = None,
) -> float:
    """How well the best sentence of the `cfg.support_depth` top passages carries the question's terms.

    A question that asks for a quantity is only supported by a sentence holding a number the question
    does not already contain, next to the thing counted (`focus_terms`, both languages): a passage that
    merely repeats "Law No. 14 of 2014", or gives a number of arrests when asked for children rescued,
    does not answer it.
    """
    terms = set(search_terms(f"{question} {expansion}"))
    quantity = asks_for_number(question, exactly=True)
    known = set(search_terms(" ".join(_DIGITS.findall(question))))
    best = 0.0
    for p in passages[: cfg.support_depth]:
        text = p.chunk.text
        for s, e in sentences_of(text):
            sentence = text[s:e]
            if is_bibliographic(sentence, cfg.endnote_share):
                continue
            if quantity and not _counts_focus(sentence, known, focus_terms or set(), cfg.focus_window):
                continue
            best = max(best, picker.score(sentence, terms, wants_number=False, length_cap=cfg.support_length_cap,
                                           length_floor=cfg.support_length_floor))
    return best


def unknown_share(question: str, vocabulary: set[str], stemming: bool = True) -> float:
    """The share of the question's words (numbers aside) that the library never uses: a question made mostly
    of words foreign to the documents ("a saffron rice recipe") is not about them, whatever one shared word
    ("best", of "best practices") scores."""
    terms = [t for t in search_terms(question, stemming) if not t.isdigit()]
    if not terms:
        return 0.0
    return sum(t not in vocabulary for t in terms) / len(terms)
