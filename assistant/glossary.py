"""The bilingual glossary (`corpus/glossary.toml`): term look-up for people, query expansion for BM25.

An English question about an Arabic document shares no words with it; the glossary supplies the Arabic
forms the documents use for the English terms it finds (and English acronyms for Arabic questions), so
the lexical side can match across languages too.
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexing.language import normalize, phrase_pattern, tokens

log = logging.getLogger(__name__)
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")


@lru_cache(maxsize=4096)
def _english_stems(text: str) -> str:
    """The text's Latin-script words as their dictionary forms (simplemma), joined: the key a word's inflections
    share ("treaties" and "treaty", "reported" and "reports"), but not its derivations ("abusers" stays apart
    from "abuse", "national" from "nations")."""
    import simplemma

    return " ".join(simplemma.lemmatize(t, lang="en").lower() for t in tokens(text) if t.isascii())


def indefinite(form: str) -> str:
    """The Arabic form without the article, when each of its words has one ("الفتيات" -> "فتيات", "الاعتداء
    الجنسي" -> "اعتداء جنسي"), else "". The documents write a term both ways, and a light stemmer does not bring
    the two together: it reads a bare word's first letter as a prefix ("فتيات" -> "يات", "الفتيات" -> "فت")."""
    words = form.split()
    if not words or not all(w.startswith("ال") and len(w) > 4 for w in words):
        return ""
    return " ".join(w[2:] for w in words)


@dataclass(frozen=True)
class Term:
    en: tuple[str, ...]
    ar: tuple[str, ...]
    note: str = ""


class Glossary:
    def __init__(self, terms: list[Term], inflections: bool = True, bare_forms: bool = True):
        self.terms = terms
        self.inflections = inflections
        # Matching and expansion also use each Arabic form without its article (`indefinite`); people see `Term.ar`.
        self._arabic = {id(t): tuple(dict.fromkeys(
            [*t.ar, *((b for f in t.ar if (b := indefinite(f))) if bare_forms else ())])) for t in terms}
        # Each form's words must occur verbatim in the text before its (slower) pattern is tried.
        self._forms = [
            (t, [(f, " ".join(tokens(f)), phrase_pattern(f)) for f in (*t.en, *self.arabic_forms(t)) if tokens(f)])
            for t in terms
        ]
        # An English form also matches its inflections: "sexually exploited" finds "sexual exploitation".
        # (acronyms stay literal: a lemmatiser takes "AI" for a form of "be")
        self._english = [(t, {f" {_english_stems(f)} " for f in t.en if tokens(f) and not _ACRONYM.search(f)})
                         for t in terms]

    def patterns(self, term: Term) -> list[tuple[str, "re.Pattern"]]:
        """(the form's words joined, its word-bounded pattern) for each English and Arabic form of the term, as
        `matches` tries them."""
        return [(lit, p) for t, forms in self._forms if t is term for _, lit, p in forms]

    def arabic_forms(self, term: Term) -> tuple[str, ...]:
        """The term's Arabic forms as matching and expansion use them (with their article-less forms)."""
        return self._arabic.get(id(term), term.ar)

    @classmethod
    def load(cls, path: Path, inflections: bool = True, bare_forms: bool = True) -> "Glossary":
        if not path.exists():
            log.warning("no glossary at %s; cross-language expansion is off", path)
            return cls([], inflections, bare_forms)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        terms = [
            Term(tuple(t.get("en", ())), tuple(t.get("ar", ())), t.get("note", ""))
            for t in data.get("term", [])
            if t.get("en") and t.get("ar")
        ]
        return cls(terms, inflections, bare_forms)

    def matches(self, text: str) -> list[Term]:
        """Terms whose English or Arabic form occurs in the text (normalised, word-bounded), or, with
        `inflections`, an English form whose words' Snowball stems occur in a row among the text's."""
        norm = " ".join(tokens(text))
        found = [term for term, forms in self._forms if any(lit in norm and p.search(norm) for _, lit, p in forms)]
        if not self.inflections:
            return found
        stems = f" {_english_stems(text)} "
        seen = set(map(id, found))
        found += [term for term, forms in self._english if id(term) not in seen and any(f in stems for f in forms)]
        return found

    def occurrences(self, norm: str):
        """(term, (start, end), form) for every form the glossary writes found in a text already joined from its
        `tokens` (not the article-less forms it derives: these views show the entries as written)."""
        for term, forms in self._forms:
            for form, lit, pattern in forms:
                if lit in norm and (form in term.ar or form in term.en):
                    for m in pattern.finditer(norm):
                        yield term, m.span(), form

    def expand(self, text: str, language: str, bare: bool = True) -> str:
        """The other language's forms of every term the text mentions, for the lexical query (`bare`: with the
        Arabic forms' article-less forms)."""
        return self.forms_of(self.matches(text), language, bare)

    def forms_of(self, terms: list[Term], language: str, bare: bool = True) -> str:
        """`expand` for terms already matched: a caller that wants it with and without the article-less forms
        matches once."""
        extra = []
        for term in terms:
            extra.extend((self.arabic_forms(term) if bare else term.ar) if language != "ar" else term.en)
        return " ".join(extra)

    def lookup(self, query: str, limit: int = 20) -> list[Term]:
        """Terms for a person's look-up: any form containing the query, exact matches first."""
        q = normalize(query).strip()
        if not q:
            return []
        scored = []
        for term in self.terms:
            forms = [normalize(f) for f in term.en + term.ar]
            if any(f == q for f in forms):
                scored.append((0, term))
            elif any(q in f for f in forms):
                scored.append((1, term))
        scored.sort(key=lambda x: x[0])
        return [t for _, t in scored[:limit]]
