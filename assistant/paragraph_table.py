"""The resolution at a glance: per preambular and operative paragraph, its opening verb, the force that verb
gives it, whom it addresses and what it is about.

The verbs, their forces and the addressees are data (`corpus/drafting_verbs.toml`), matched on the
normalised words of the paragraph, so any resolution a user adds, Arabic or English, reads the same way.
The force is what "does the resolution require X?" turns on: "encourages" recommends, "urges" presses,
"requests" and "decides" instruct, "stresses" and "recalls" ask no one to act.
"""
from __future__ import annotations

import logging
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from indexing.language import normalize, tokens
from indexing.models import Chunk

from .glossary import Glossary

log = logging.getLogger(__name__)

FORCES = ("directive", "exhortation", "recommendation", "statement")
# A word as written, with its diacritics, shadda and tatweel, so the verb can be shown as the text has it.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+")
_STOPS_PUNCT = re.compile(r"[;؛:.]")
_CLAUSE_PUNCT = re.compile(r"[,،;؛]")
_CLITICS = ("", "و", "ب", "ل", "ف", "ك", "وب", "ول", "وك")
_SLOT_END = {"ان", "علي", "الي", "بان", "لكي", "to", "that"}  # where the addressee slot ends and the ask begins
_SLOT_OPEN = {"الي", "ب"}  # تطلب إلى X ... / a detached ب


@dataclass(frozen=True)
class Verb:
    en: str  # the English verb the table shows: "encourages"
    force: str  # one of FORCES
    forms: tuple[tuple[str, ...], ...]  # normalised word sequences, Arabic and English


@dataclass(frozen=True)
class Addressee:
    name: str  # the English name the table shows: "Member States"
    forms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ParagraphRow:
    """One paragraph of a resolution as the table shows it."""

    doc_id: str
    label: str  # "OP 6", "PP 3"
    text: str
    verb: str  # the opening verb as written in the paragraph ("تشجع", "Encourages"); "" when none is known
    verb_en: str  # the lexicon's English verb ("encourages")
    force: str  # directive | exhortation | recommendation | statement | "" (no known verb)
    addressees: tuple[str, ...]  # English names of the bodies asked to act
    topic: str
    chunk_id: str = ""
    page: int | None = None

    @property
    def verb_ar(self) -> str:
        return self.verb if re.search(r"[\u0600-\u06FF]", self.verb) else ""

    def as_dict(self) -> dict:
        return {"label": self.label, "text": self.text, "verb_ar": self.verb_ar,
                "verb": self.verb, "verb_en": self.verb_en, "force": self.force,
                "addressees": list(self.addressees), "topic": self.topic, "page": self.page,
                "chunk_id": self.chunk_id}


@dataclass(frozen=True)
class _Word:
    norm: str
    start: int
    end: int
    clause_before: bool  # a comma or semicolon between it and the previous word
    stop_before: bool  # a semicolon, colon or full stop between it and the previous word


def _words(text: str) -> list[_Word]:
    out, prev = [], 0
    for m in _WORD.finditer(text):
        between = text[prev:m.start()]
        for piece in tokens(m.group()):
            out.append(_Word(piece, m.start(), m.end(), bool(_CLAUSE_PUNCT.search(between)),
                             bool(_STOPS_PUNCT.search(between))))
            between = ""
        prev = m.end()
    return out


def _form(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def _verb_variants(form: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The General Assembly's ت- form and the councils' ي- form of an Arabic present verb."""
    first = form[0]
    if first[:1] in ("ت", "ي") and re.match(r"[\u0600-\u06FF]", first):
        return [("ت" + first[1:], *form[1:]), ("ي" + first[1:], *form[1:])]
    return [form]


class DraftingLexicon:
    """The drafting verbs and addressees of `drafting_verbs.toml`, ready to match normalised words."""

    def __init__(self, verbs: list[Verb], addressees: list[Addressee], particles: set[str], adverbs: set[tuple[str, ...]]):
        self.verbs = verbs
        self.addressees = addressees
        self.particles = particles
        self.adverbs = sorted(adverbs, key=len, reverse=True)
        self._verb_forms = sorted(((f, v) for v in verbs for f in v.forms), key=lambda fv: len(fv[0]), reverse=True)
        self._addressee_forms = sorted(((f, a) for a in addressees for f in a.forms), key=lambda fa: len(fa[0]),
                                       reverse=True)

    @classmethod
    def load(cls, path: Path) -> "DraftingLexicon":
        if not path.exists():
            log.warning("no drafting verbs at %s; the paragraph table has no verbs", path)
            return cls([], [], set(), set())
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        verbs = []
        for v in data.get("verb", []):
            forms = []
            for f in (*v.get("forms_en", ()), *v.get("forms_ar", ())):
                if _form(f):
                    forms.extend(_verb_variants(_form(f)))
            if v.get("force") not in FORCES:
                raise ValueError(f"{path}: verb {v.get('en')!r} has force {v.get('force')!r}, not one of {FORCES}")
            verbs.append(Verb(v["en"], v["force"], tuple(dict.fromkeys(forms))))
        addressees = [Addressee(a["name"], tuple(_form(f) for f in (*a.get("forms_en", ()), *a.get("forms_ar", ()))
                                                 if _form(f)))
                      for a in data.get("addressee", [])]
        particles = {normalize(p) for p in data.get("preamble_particles_ar", ())}
        adverbs = {_form(a) for a in (*data.get("adverbs_ar", ()), *data.get("adverbs_en", ())) if _form(a)}
        return cls(verbs, addressees, particles, adverbs)

    # -- matching ---------------------------------------------------------------------------------
    def _skip_adverbs(self, words: list[_Word], i: int) -> int:
        moved = True
        while moved:
            moved = False
            for a in self.adverbs:
                if tuple(w.norm for w in words[i:i + len(a)]) == a:
                    i, moved = i + len(a), True
                    break
        return i

    def verb_at(self, words: list[_Word], i: int, clitic: str = "") -> tuple[Verb, int] | None:
        """The longest verb form starting at word i (its first word may carry `clitic`), and the word after it."""
        for form, verb in self._verb_forms:
            got = [w.norm for w in words[i:i + len(form)]]
            if len(got) == len(form) and got[0] == clitic + form[0] and tuple(got[1:]) == form[1:]:
                return verb, i + len(form)
        return None

    def opening(self, words: list[_Word]) -> tuple[Verb, int, int] | None:
        """The paragraph's opening verb: after its number, a preambular particle and adverbs ("Also urges")."""
        i = 0
        while i < len(words) and words[i].norm.isdigit():
            i += 1
        if i < len(words) and words[i].norm in self.particles:
            i += 1
        for j in (i, self._skip_adverbs(words, i)):
            found = self.verb_at(words, j)
            if found:
                return found[0], j, found[1]
        return None

    def addressees_in(self, words: list[_Word]) -> list[str]:
        """The bodies named in these words, the longest form first, each word counted once."""
        taken: set[int] = set()
        found: list[tuple[int, str]] = []
        for form, addressee in self._addressee_forms:
            n = len(form)
            for i in range(len(words) - n + 1):
                if any(k in taken for k in range(i, i + n)):
                    continue
                if _matches(form, [w.norm for w in words[i:i + n]]):
                    taken.update(range(i, i + n))
                    found.append((i, addressee.name))
        return list(dict.fromkeys(name for _, name in sorted(found)))


def _matches(form: tuple[str, ...], got: list[str]) -> bool:
    if tuple(got[1:]) != form[1:]:
        return False
    first = form[0]
    if got[0] in {c + first for c in _CLITICS}:
        return True
    return first.startswith("ال") and got[0] in {"لل" + first[2:], "ولل" + first[2:]}


def _slot(words: list[_Word], i: int, window: int, clause: bool = False) -> list[_Word]:
    """The words naming whom a verb addresses: up to where the ask begins ("أن", "على", "to"); for a later
    clause's verb, also up to the next comma (its object, not what follows it)."""
    if i < len(words) and words[i].norm in _SLOT_OPEN:
        i += 1
    out = []
    for w in words[i:i + window]:
        if w.norm in _SLOT_END or (out and (w.stop_before or (clause and w.clause_before))):
            break
        out.append(w)
    return out


def verb_and_addressees(lexicon: DraftingLexicon, text: str, window: int) -> tuple[str, Verb | None, tuple[str, ...]]:
    """(the opening verb as written, its lexicon entry, the bodies it and any later "and invites X" clause
    address, read within `window` words). A statement addresses no one: it asks no one to act."""
    words = _words(text)
    opening = lexicon.opening(words)
    if opening is None:
        return "", None, ()
    verb, start, after = opening
    written = text[words[start].start:words[after - 1].end]
    if verb.force == "statement":  # what it recalls others asked is not an ask of its own
        return written, verb, ()
    addressees = lexicon.addressees_in(_slot(words, lexicon._skip_adverbs(words, after), window))
    for i in range(after, len(words)):  # a later clause of its own: "، ويدعو الدول الأعضاء إلى" / ", and invites"
        if not words[i].clause_before:
            continue
        j, clitic = (i + 1, "") if words[i].norm == "and" else (i, "و")
        found = lexicon.verb_at(words, j, clitic) if j < len(words) else None
        if found and found[0].force != "statement":
            addressees += lexicon.addressees_in(_slot(words, lexicon._skip_adverbs(words, found[1]), window, clause=True))
    return written, verb, tuple(dict.fromkeys(addressees))


class ParagraphTable:
    """Reads resolution chunks (labels `OP n` / `PP n`) into rows; topics come from the glossary."""

    def __init__(self, lexicon: DraftingLexicon, glossary: Glossary, addressee_window: int = 25,
                 topic_min_chars: int = 5):
        self.lexicon = lexicon
        self.glossary = glossary
        self.window = addressee_window  # Settings.answer.addressee_window
        self.topic_min_chars = topic_min_chars  # Settings.answer.topic_min_chars

    def verb_and_addressees(self, text: str) -> tuple[str, Verb | None, tuple[str, ...]]:
        return verb_and_addressees(self.lexicon, text, self.window)

    def rows(self, chunks: list[Chunk]) -> list[ParagraphRow]:
        """The document's preambular then operative paragraphs, in reading order (a paragraph split into
        several chunks is joined back)."""
        paragraphs: dict[str, list[Chunk]] = {}
        for c in sorted(chunks, key=lambda c: c.ordinal):
            if re.fullmatch(r"(?:OP|PP) \d+", c.label or ""):
                paragraphs.setdefault(c.label, []).append(c)
        texts = {label: " ".join(c.text for c in parts) for label, parts in paragraphs.items()}
        topics = self._topics(texts)
        out = []
        for label, parts in paragraphs.items():
            written, verb, addressees = self.verb_and_addressees(texts[label])
            out.append(ParagraphRow(
                doc_id=parts[0].doc_id, label=label, text=texts[label], verb=written,
                verb_en=verb.en if verb else "", force=verb.force if verb else "", addressees=addressees,
                topic=topics.get(label, ""), chunk_id=parts[0].chunk_id, page=parts[0].page,
            ))
        return out

    def _topics(self, texts: dict[str, str]) -> dict[str, str]:
        """Each paragraph's most distinctive glossary term (the one fewest paragraphs use; the first in the
        paragraph on a tie); else its rarest long word."""
        terms: dict[str, list[str]] = {}
        for label, text in texts.items():
            norm = " ".join(tokens(text))
            seen = sorted((span[0], term.en[0]) for term, span, _ in self.glossary.occurrences(norm))
            terms[label] = list(dict.fromkeys(name for _, name in seen))
        df = Counter(name for names in terms.values() for name in names)
        words = {label: [w for w in tokens(text) if len(w) >= self.topic_min_chars and not w.isdigit()]
                 for label, text in texts.items()}
        word_df = Counter(w for ws in words.values() for w in set(ws))
        out = {}
        for label in texts:
            if terms[label]:
                out[label] = min(terms[label], key=lambda n: (df[n], terms[label].index(n)))
            elif words[label]:
                out[label] = min(words[label], key=lambda w: (word_df[w], words[label].index(w)))
        return out


# -- the line an answer carries under a cited resolution paragraph ------------------------------------
FORCE_NOTE = {
    "en": {
        "directive": "a directive: the body decides or instructs",
        "exhortation": "an exhortation: it presses for action but does not bind",
        "recommendation": "a recommendation, not a requirement",
        "statement": "a statement: it asks no one to act",
    },
    "ar": {
        "directive": "توجيه: تقرر الهيئة أو تكلّف",
        "exhortation": "حثّ على العمل دون إلزام",
        "recommendation": "توصية، لا إلزام",
        "statement": "بيان لا يطلب من أحد أن يتصرف",
    },
}


def force_note(located_label: str, written: str, verb: Verb, language: str) -> str:
    """"OP 6 encourages (تشجع): a recommendation, not a requirement" in the asker's language."""
    lang = "ar" if language == "ar" else "en"
    if lang == "ar":
        other = f" ({verb.en})" if written and verb.en.lower() != written.lower() else ""
        return f"{located_label}: {written or verb.en}{other} — {FORCE_NOTE['ar'][verb.force]}"
    other = f" ({written})" if written and written.lower() != verb.en.lower() else ""
    return f"{located_label} {verb.en}{other}: {FORCE_NOTE['en'][verb.force]}"
