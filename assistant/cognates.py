"""Names and loanwords written in Arabic letters, found from their English spelling by consonant skeleton.

The multilingual encoder knows "companies" -> الشركات, but not the names and borrowed words the documents
transliterate: "covid" (كوفيد), "Interpol" (الانتربول), "Facebook" (فيسبوك). Both spellings keep the same
consonants in the same order (k-f-d, n-t-r-b-l, f-s-b-k), so each side is reduced to a skeleton of consonant
classes and the library's Arabic words are indexed by theirs. Arabic writes most native words with their
consonants alone, so a three-consonant skeleton would meet many roots (خفض for "covid"); only words that spell
their vowels, as transliterations do (two vowel letters, one of them و or ي, none of the letters English has
no sound for), are indexed, and only skeletons of three consonants or more. The bridge asks only for English
words the encoder could not place, so a word it knows ("court") never reaches a look-alike root.
"""
from __future__ import annotations

import re

from indexing.language import normalize

_AR_CLASS = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "g", "غ": "g", "گ": "g", "چ": "g", "ح": "h", "ه": "h",
    "خ": "k", "ق": "k", "ك": "k", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ر": "r", "س": "s", "ش": "s",
    "ص": "s", "ف": "f", "ڤ": "f", "ل": "l", "م": "m", "ن": "n",
}
_AR_ARTICLE = re.compile(r"^(?:وال|بال|فال|كال|لل|ال)")
_NOT_TRANSLITERATED = set("عحظضصثذ")
_EN_RULES = [
    (re.compile(r"ph"), "f"), (re.compile(r"sh"), "s"), (re.compile(r"th"), "t"), (re.compile(r"ck"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"wh|h"), ""),
]
_EN_CLASS = str.maketrans({"c": "k", "q": "k", "x": "ks", "p": "b", "v": "f", "j": "g", "w": ""})
_REPEATS = re.compile(r"(.)\1+")
MIN_CONSONANTS = 3


def _stems(word: str) -> set[str]:
    """The word without its article, and without a leading و too (a conjunction, or the word's own w)."""
    stem = _AR_ARTICLE.sub("", normalize(word))
    return {stem, _AR_ARTICLE.sub("", stem[1:])} if stem.startswith("و") else {stem}


def _skeleton(stem: str) -> str:
    return _REPEATS.sub(r"\1", "".join(_AR_CLASS.get(ch, "") for ch in stem))


def arabic_skeletons(word: str) -> set[str]:
    return {_skeleton(stem) for stem in _stems(word)}


def english_skeletons(word: str) -> set[str]:
    """One skeleton per reading of an ambiguous "ch" (chat -> s, arachnid -> k)."""
    out = set()
    for ch in ("s", "k"):
        w = word.lower().replace("ch", ch)
        for pattern, repl in _EN_RULES:
            w = pattern.sub(repl, w)
        w = w.translate(_EN_CLASS)
        out.add(_REPEATS.sub(r"\1", "".join(c for c in w if c in "bdfgklmnrstz")))
    return out


def _spells_vowels(stem: str) -> bool:
    vowels = [ch for ch in stem if ch in "اوي"]
    return len(vowels) >= 2 and any(ch in "وي" for ch in vowels) and not _NOT_TRANSLITERATED & set(stem)


class Cognates:
    def __init__(self, words: list[str]):
        self._by_skeleton: dict[str, list[str]] = {}
        for w in words:
            for stem in _stems(w):
                skeleton = _skeleton(stem)
                if len(skeleton) >= MIN_CONSONANTS and _spells_vowels(stem):
                    self._by_skeleton.setdefault(skeleton, []).append(w)

    def of(self, english: str) -> list[str]:
        """The library's Arabic spellings of an English name or loanword ([] for most English words)."""
        found = [w for s in sorted(english_skeletons(english)) if len(s) >= MIN_CONSONANTS
                 for w in self._by_skeleton.get(s, [])]
        return list(dict.fromkeys(found))
