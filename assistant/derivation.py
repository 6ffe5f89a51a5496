"""The verbal nouns an Arabic question's verbs stand for in the documents.

People ask what a text wants states to "تجرّم" (criminalise), "تقيد" (restrict) or "تعاقب" (punish); resolutions
and reports write the verbal noun: "تجريم", "تقييد", "معاقبة". The light stemmer keeps a verb and its noun apart
("جرم" / "جريم"), so the lexical side never matches them. For a verb in the imperfect (a prefix ي ت ن and a sound
three-letter stem, or a Form III stem with its long ا) this gives the nouns of the derived forms that regularly
carry such meanings: II تفعيل, IV إفعال, III مفاعلة. Only the forms the library itself uses are kept, so the
guess costs nothing when it is wrong.
"""
from __future__ import annotations

from collections.abc import Callable

from indexing.language import STOPWORDS, normalize, search_terms, tokens

_IMPERFECT = "يتن"
_WEAK = frozenset("اويءه")
_PROCLITICS = ("و", "ف")
_PROGRESSIVE = "ب"  # colloquial "بتجرم", "بيعاقب"


def _verb_stem(word: str) -> str:
    """The stem after the imperfect prefix, or "" for a word that is not a verb of this shape."""
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) > 4 and word[1] in _IMPERFECT + _PROGRESSIVE:
            word = word[1:]
            break
    if word.startswith(_PROGRESSIVE) and len(word) > 4 and word[1] in _IMPERFECT:
        word = word[1:]
    if len(word) in (4, 5) and word[0] in _IMPERFECT:
        return word[1:]
    return ""


def verbal_nouns(word: str) -> list[str]:
    """The verbal nouns (search form) a verb of the question may stand for; [] for any other word."""
    stem = _verb_stem(normalize(word))
    if len(stem) == 3 and not _WEAK & {stem[0], stem[2]}:
        c1, c2, c3 = stem
        if c2 in "وي":  # "تقيد" is "تقيّد" (restrict): only Form II's noun, "تقييد", has a sound shape
            return [f"ت{c1}{c2}ي{c3}"]
        if c2 in _WEAK:
            return []
        return [f"ت{c1}{c2}ي{c3}", f"ا{c1}{c2}ا{c3}"]
    if len(stem) == 4 and stem[1] == "ا" and not _WEAK & {stem[0], stem[2], stem[3]}:
        return [f"م{stem}ه"]
    return []


def question_nouns(question: str, attested: Callable[[str], bool]) -> list[str]:
    """The verbal nouns of the question's verbs that the library uses (`attested` takes a search term) and the
    question does not already hold."""
    words = [w for w in tokens(question) if w not in STOPWORDS]
    own = set(search_terms(question))
    out: list[str] = []
    for word in words:
        for noun in verbal_nouns(word):
            terms = search_terms(noun)
            if terms and all(attested(t) for t in terms) and not set(terms) <= own and noun not in out:
                out.append(noun)
    return out
