"""Question understanding, one stage before retrieval: the register people type in, mapped onto the documents'.

People ask "شو المطلوب من الدول؟", "SR recs on ISPs pls", "recomend"; the documents say "ما", "Special
Rapporteur", "recommend". Three rewrites bring the question to the documents' words, each a whole-word
replacement that keeps the rest of the question as typed: colloquial Arabic to Modern Standard Arabic and
the field's abbreviations to their full forms (both from `corpus/registers.toml`), then, for a word that
neither the library nor an English dictionary knows, the nearest word one of them has (symspellpy). The question as typed is kept for display.
"""
from __future__ import annotations

import logging
import re
import threading
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from indexing.language import normalize, phrase_pattern, script_counts, tokens

log = logging.getLogger(__name__)

_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^([\"'«“(\[]*)(.*?)([\"'»”)\]؟?!.,،:;]*)$", re.DOTALL)
_ARABIC = re.compile(r"[\u0621-\u064A]")
# A verb in the present tense, perhaps negated or with the colloquial "ب": "نفتح", "ما يتعاقب", "بيحكوا"; not a
# word with the article ("التقرير").
_PRESENT = re.compile(r"^(?:(?:ما|لا|مش)\s+)?ب?[يتنا](?!ل)[\u0621-\u064A]{2,}")


def _verb_follows(words: list[str], i: int) -> bool:
    """The word after the i-th (or the two after it, "ما يتعاقب") is a verb in the present tense."""
    return i + 1 < len(words) and bool(_PRESENT.match(normalize(" ".join(words[i + 1: i + 3]))))


def _mostly_arabic(text: str) -> bool:
    arabic, latin = script_counts(text)
    return arabic > latin


@dataclass(frozen=True)
class Registers:
    """Whole-word (or two-word) rewrites; keys in search form (normalised, lower case).

    `[colloquial]` and `[shorthand]` rules replace the words; `[abbreviations]` keep the acronym and add its
    full form in brackets, since a document may use the acronym itself ("IWF", "NCMEC")."""

    rules: dict[str, str] = field(default_factory=dict)
    full_forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym's key -> (as listed, full form)
    # For a question asked in Arabic: the acronym with the glossary's Arabic full form ("CSAM (مواد الاعتداء …)")
    arabic: dict[str, str] = field(default_factory=dict)
    before_verb: dict[str, str] = field(default_factory=dict)  # a word's sense when a present-tense verb follows

    @classmethod
    def load(cls, path: Path) -> "Registers":
        if not path.exists():
            log.warning("no register list at %s; colloquial and abbreviated questions are searched as typed", path)
            return cls()
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rules: dict[str, str] = {}
        full_forms: dict[str, tuple[str, str]] = {}
        before_verb = {normalize(k).strip(): v for k, v in data.get("before_verb", {}).items()}
        for name, section in data.items():
            if name == "before_verb":
                continue
            for key, value in section.items():
                # An acronym stays as typed, its full form beside it; other rules replace the words.
                rules[normalize(key).strip()] = f"{key} ({value})" if name == "abbreviations" else value
                if name == "abbreviations":
                    full_forms[normalize(key).strip()] = (key, value)
        return cls(rules, full_forms, before_verb=before_verb)

    def in_arabic(self, glossary) -> "Registers":
        """The same rules, with each acronym the glossary can put in Arabic given its Arabic full form for a
        question asked in Arabic: an English gloss inside an Arabic question pulls it towards English text."""
        arabic = {}
        for key, (acronym, full) in self.full_forms.items():
            term = next((t for t in glossary.matches(full) if t.ar and any(
                normalize(f) in (normalize(full), normalize(acronym)) for f in t.en)), None)
            if term is not None and _ARABIC.search(term.ar[0]):
                arabic[key] = f"{acronym} ({term.ar[0]})"
        return Registers(self.rules, self.full_forms, arabic, self.before_verb)

    def rewrite(self, text: str) -> str:
        rules = self.rules
        if self.arabic and _mostly_arabic(text):
            rules = {**self.rules, **self.arabic}
        return self._rewrite(text, rules)

    def _rewrite(self, text: str, rules: dict[str, str]) -> str:
        words = _WORD.findall(text)
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words):
                pair = self._replace(f"{words[i]} {words[i + 1]}", rules)
                if pair is not None:
                    out.append(pair)
                    i += 2
                    continue
            single = self._replace(words[i], self.before_verb)
            if single is None or not _verb_follows(words, i):
                single = self._replace(words[i], rules)
            word = words[i] if single is None else single
            if single is not None and out and word and not any(ch.isalnum() for ch in word):
                out[-1] += word  # a dropped word's punctuation ("pls?") stays on the word before it
            else:
                out.append(word)
            i += 1
        return " ".join(w for w in out if w)

    @staticmethod
    def _replace(word: str, rules: dict[str, str]) -> str | None:
        lead, core, trail = _EDGE.match(word).groups()
        key = normalize(core)
        if key in rules:
            return f"{lead}{rules[key]}{trail}".strip()
        if _ARABIC.match(key) and key[:1] == "و" and key[1:] in rules and rules[key[1:]]:
            return f"{lead}و{rules[key[1:]]}{trail}"  # "وشو" -> "وما": the conjunction stays
        return None


_ENGLISH_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _english_dictionary(max_distance: int):
    """symspell over its 82k-word English frequency list: ~4 s to build, so once a process, shared by every
    Speller (a refresh after an upload builds only the library's own small index)."""
    from importlib.resources import files

    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=max_distance)
    sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    return sym


class Speller:
    """Replaces a Latin-script word that neither the library nor an English dictionary knows ("recomend",
    "definiton") by the nearest word that one of them does (symspellpy, edit distance 2; at the same distance the
    library's word wins).

    Arabic is left alone: its clitics make most correct words absent from any word list.
    """

    def __init__(self, vocabulary: set[str], min_length: int = 5, max_distance: int = 2, two_edits_from: int = 0):
        self.vocabulary = {w for w in vocabulary if w.isascii()}
        self.min_length = min_length
        self.max_distance = max_distance
        self.two_edits_from = two_edits_from  # shorter words: one edit at most
        self._library = None

    def english(self):
        """The shared English index; `Assistant.warm_up` builds it at start-up, and a question arriving
        meanwhile waits for that build instead of starting a second one."""
        with _ENGLISH_LOCK:
            return _english_dictionary(self.max_distance)

    def _library_index(self):
        if self._library is None:
            from symspellpy import SymSpell

            sym = SymSpell(max_dictionary_edit_distance=self.max_distance)
            for word in self.vocabulary:
                sym.create_dictionary_entry(word, 1)
            self._library = sym
        return self._library

    def warm(self) -> None:
        self.english()
        self._library_index()

    def known(self, word: str) -> bool:
        """The word is in the library or the English dictionary."""
        return word.lower() in self.vocabulary or word.lower() in self.english().words

    def _nearest(self, key: str) -> str | None:
        from symspellpy import Verbosity

        most = self.max_distance if len(key) >= self.two_edits_from else min(1, self.max_distance)
        found = [hits[0] for hits in (self._library_index().lookup(key, Verbosity.TOP, most),
                                      self.english().lookup(key, Verbosity.TOP, most)) if hits]
        return min(found, key=lambda s: s.distance).term if found else None  # min keeps the first on a tie

    def correct(self, text: str) -> str:
        out = []
        for n, word in enumerate(_WORD.findall(text)):
            lead, core, trail = _EDGE.match(word).groups()
            key = core.lower()
            if n and key != core:  # a capital inside the question marks a name ("TikTok"), not a typo
                out.append(word)
                continue
            if (len(key) < self.min_length or not (key.isascii() and key.isalpha()) or key in self.vocabulary
                    or key in self.english().words):
                out.append(word)
                continue
            nearest = self._nearest(key)
            out.append(f"{lead}{nearest}{trail}" if nearest else word)
        return " ".join(out)


def library_vocabulary(texts: list[str]) -> set[str]:
    return {t for text in texts for t in tokens(text) if t.isalpha() or t.isdigit()}


_GLUED = {"عال": "على", "هال": "هذا"}  # a particle spoken into the article of the word after it
_COLLOQUIAL_PRESENT = re.compile(r"^[بك](?=[يتن][^\sا]\S{2,})")  # Levantine "بيقول", Maghrebi "كتقترح"


class QuestionReader:
    """Turns a question as typed into the text retrieval and answering search with."""

    def __init__(self, registers: Registers, speller: Speller | None = None, vocabulary: set[str] | None = None):
        self.registers = registers
        self.speller = speller
        self.vocabulary = vocabulary or set()

    def search_text(self, question: str) -> str:
        text = self.registers.rewrite(question)
        if self.vocabulary:
            text = " ".join(self._standard_verb(self._unglued(w)) for w in _WORD.findall(text))
        if self.speller is not None:
            text = self.speller.correct(text)
        return text

    def _unglued(self, word: str) -> str:
        """Colloquial "على ال" glued into "عال" and "هذا ال" into "هال": "عالنت", "هالتقرير" -> "على النت", "هذا
        التقرير", for words the library does not hold as written and does once unglued."""
        lead, core, trail = _EDGE.match(word).groups()
        glued = next((g for g in _GLUED if core.startswith(g)), None)
        if glued is None or len(core) < 5 or normalize(core) in self.vocabulary:
            return word
        rest = "ال" + core[3:]
        standard = self.registers.rewrite(rest)
        if normalize(rest) not in self.vocabulary and normalize(standard) == normalize(rest):
            return word
        return f"{lead}{_GLUED[glued]} {standard}{trail}"

    def _standard_verb(self, word: str) -> str:
        """Colloquial present tense "بيقول", "بتلزم", "كتقترح" -> "يقول", "تلزم", "تقترح", for words the library
        does not hold as written ("بيانات" stays)."""
        lead, core, trail = _EDGE.match(word).groups()
        if not _COLLOQUIAL_PRESENT.match(core) or normalize(core) in self.vocabulary:
            return word
        return f"{lead}{core[1:]}{trail}"


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# A year the question asks about as a period ("in 2022", "for 2023", "في عام 2022", "سنة 2023"), not one that
# names a document ("the 2022 resolution", "GTA 2019").
_PERIOD = re.compile(r"(?:\b(?:in|for|during|since|from|by|as of)|(?<!\S)و?(?:في|عام|لعام|سنه|لسنه|خلال|منذ))\s+"
                     r"(19[5-9]\d|20\d\d)(?!\d)(?!\s+(?:resolution|review|report|submission|assessment|gta|mnr))",
                     re.IGNORECASE)
# A year after "published", "issued", "الصادرة", "صدر" dates a document ("مراجعة MNR الصادرة عام 2022"), it asks for
# no period.
_ISSUED = re.compile(r"(?:\b(?:published|issued|released|dated|adopted)|(?<!\S)(?:ال)?(?:صادر|صادره|منشور|منشوره|"
                     r"صدر|صدرت|نشر|نشرت|المعتمد|المعتمده|اعتمد|اعتمدت))(?:\s+(?:in|في))?\s*$", re.IGNORECASE)
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*(?:\s+[A-Za-z][A-Za-z0-9'’-]*)+")
# A regional body or instrument named in Arabic ("الاتفاقية العربية", "الميثاق الأفريقي"): the adjective alone is
# everywhere in the library ("المملكة العربية السعودية"), the pair names one thing, which the library may lack.
_INSTRUMENTS = ("اتفاقيه", "اتفاقيات", "ميثاق", "اتحاد", "منظمه", "مفوضيه", "محكمه", "برلمان", "مجلس", "شبكه",
                "استراتيجيه", "لجنه", "هيئه", "قانون", "تحالف", "مركز", "اعلان", "بروتوكول", "اتفاق")
_REGIONS = ("عرب", "اوروب", "افريق", "اسيو", "خليج", "لاتين", "اسلام")


def _flexible(word: str) -> str:
    """A normalised word as a pattern over text as written (ة/ه, أ/إ/آ/ا, ى/ي)."""
    table = {"ه": "[هة]", "ا": "[اأإآ]", "ي": "[يىئ]"}
    return "".join(table.get(ch, re.escape(ch)) for ch in word)


def _regional_pattern(flexible: bool) -> re.Pattern:
    w = _flexible if flexible else re.escape
    instruments = "|".join(w(x) for x in _INSTRUMENTS)
    regions = "|".join(w(x) for x in _REGIONS)
    alef_lam = w("ال")
    return re.compile(rf"(?:^|(?<=\s))(?:[وبلفك]?{alef_lam}|لل|[وبلفك])?(?:{instruments})\s+(?:{alef_lam})?"
                      rf"(?:{regions})(?:{w('يه')}|{w('ي')})(?=[\s\W]|$)")


_REGIONAL_WRITTEN = _regional_pattern(flexible=True)
_REGIONAL = _regional_pattern(flexible=False)
_ARTICLE = re.compile(r"^(?:[وبلفك]?ال|لل)")


def _regional_key(name: str) -> str:
    """The pair without its articles, normalised: the form to look for in the library's text."""
    return " ".join(_ARTICLE.sub("", t) for t in tokens(name))


_POSSESSIVE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]+)['’]s(?!\w)")
_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_PROPER = re.compile(r"(?<![\w-])(?:[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]?|[A-Z][a-z]{2,})(?![\w-])")


class Subjects:
    """The specific subjects a question names (a country, a year, a named body or product), so that one the
    library never mentions is said plainly instead of answered with passages about something else.

    Countries come from babel's territory names in English and Arabic (either name in the library counts);
    a Latin-script proper name counts as known if the library, the glossary, the register list or an English
    dictionary holds it (so "Project" or "Rapporteur" never count, "TikTok" does).
    """

    def __init__(self, library_text: str, vocabulary: set[str], known: set[str], dictionary=None, speller=None,
                 min_length: int = 4, bodies: "list[Body] | None" = None, regional: bool = True):
        self.text = library_text  # " ".join(tokens(...)) of every chunk
        self.vocabulary = vocabulary
        self.known = known
        self.dictionary = dictionary  # a callable word -> bool, or None
        # With a speller, a lower-case Latin word of `min_length` letters or more that nothing knows and the
        # speller cannot correct is a name typed as people type ("roblox", "ofcom", "neuralhash").
        self.speller = speller
        self.min_length = min_length
        self.bodies = bodies or []  # named organisations and services (corpus/bodies.toml)
        self.regional = regional  # a regional body or instrument named in Arabic (`_REGIONAL`)
        self._present: dict[tuple[str, bool], bool] = {}

    @staticmethod
    def countries() -> list[tuple[str, str]]:
        return _countries()

    @staticmethod
    def warm() -> None:
        """Read the country names and make their cheap keys (`Assistant.warm_up`)."""
        _country_keys()

    def named(self, question: str) -> list[str]:
        """The subjects the question names, as written in the question."""
        norm = " ".join(tokens(question))
        out = []
        for en, en_key, ar, ar_key in _country_keys():
            if en_key and en_key in norm and phrase_pattern(en).search(norm):
                out.append(en)
            elif ar_key and ar_key in norm and _country_pattern(ar).search(norm):
                out.append(ar)
        for body in self.bodies:
            form = body.named_in(question, norm)
            if form and form not in out:
                out.append(form)
        if self.regional:
            out += [m.group(0) for m in _REGIONAL_WRITTEN.finditer(question) if m.group(0) not in out]
        out += _YEAR.findall(normalize(question))
        for i, m in enumerate(_PROPER.finditer(question)):
            word = m.group(0)
            if m.start() == 0 and not word.isupper() and not any(c.isupper() for c in word[1:]):
                continue  # a capital at the start of the question is just the start of a sentence
            if word not in out:
                out.append(word)
        if self.speller is not None:
            seen = {w.lower() for w in out}
            out += [w for w in _LOWER.findall(question) if w not in seen and self._unheard_of(w)]
        return out

    @staticmethod
    def countries_named(question: str) -> list[tuple[str, str]]:
        """The countries the question names, by name or adjective in either language, as (English, Arabic)."""
        norm = " ".join(tokens(question))
        return [(en, ar) for en, en_key, ar, ar_key in _country_keys()
                if (en_key and en_key in norm and phrase_pattern(en).search(norm))
                or (ar_key and ar_key in norm and _country_pattern(ar).search(norm))]

    @staticmethod
    def mentions_country(country: tuple[str, str], norm: str) -> bool:
        """`norm` (a text's joined `tokens`) names the country, in English or by its Arabic name or adjective."""
        en, ar = country
        return _occurs(en, norm) or bool(_country_pattern(ar).search(norm))

    @staticmethod
    def periods(question: str) -> list[str]:
        """The years the question asks about as periods (see `_PERIOD`), in order."""
        text = normalize(question)
        return list(dict.fromkeys(m.group(1) for m in _PERIOD.finditer(text) if not _ISSUED.search(text[: m.start()])))

    def _unheard_of(self, word: str) -> bool:
        if len(word) < self.min_length or self._heard(word):
            return False
        stems = [word[: -len(end)] for end in ("s", "es", "ed", "ing", "er", "ers") if word.endswith(end)]
        if any(len(w) >= 3 and self._heard(w) for w in stems):
            return False  # an inflected word the dictionary lists in another form ("livestreams")
        if any(self._heard(word[:i]) and self._heard(word[i:]) for i in range(4, len(word) - 3)):
            return False  # two words written as one ("livestreams" = "live" + "streams")
        return self.speller.correct(word) == word

    def _heard(self, word: str) -> bool:
        return (word in self.vocabulary or normalize(word) in self.known
                or bool(self.dictionary and self.dictionary(word)))

    def missing(self, question: str) -> list[str]:
        """Named subjects the library never mentions. An English dictionary vouches for a capitalised word of an
        English question ("Act", "Resolution"), not for an acronym ("EARN" of the EARN IT Act) nor for a Latin
        word in an Arabic question ("Discord"): there the capital or the script says it is a name."""
        arabic = _mostly_arabic(question)
        # a Latin phrase of several words in an Arabic question is a title the documents may give translated
        # ("Safer Internet Day"); a lone Latin word there is a brand or a platform
        phrases = {w for run in _LATIN_RUN.findall(question) for w in run.split()} if arabic else set()
        acronym = lambda s: len(s) > 1 and s.isupper()  # noqa: E731
        owners = set(_POSSESSIVE.findall(question))  # "Thorn's tool": whose it is names someone, not a thorn
        return [s for s in self.named(question) if not self._in_library(
            s, dictionary=not ((arabic and s not in phrases) or acronym(s) or s in owners))]

    def _in_library(self, subject: str, dictionary: bool = True) -> bool:
        key = (subject, dictionary)
        if key not in self._present:
            self._present[key] = self._find(subject, dictionary)
        return self._present[key]

    def _find(self, subject: str, dictionary: bool = True) -> bool:
        if subject.isdigit():
            return subject in self.vocabulary
        pair = next(((en, ar) for en, ar in self.countries() if subject in (en, ar)), None) or _demonym(subject)
        body = next((b for b in self.bodies if subject in b.forms), None)
        names = pair or (body.forms if body else (subject,))
        if any(_occurs(name, self.text) for name in names):
            return True
        if pair:  # "Syrian refugees" in the library is a mention of Syria, as it would be in a question
            return _adjective_in(pair[1], self.text)
        if body:
            return False
        if _REGIONAL_WRITTEN.fullmatch(subject):
            key = _regional_key(subject)
            return any(_regional_key(m.group(0)) == key for m in _REGIONAL.finditer(self.text))
        word = subject.lower()
        if word in self.vocabulary or normalize(word) in self.known:
            return True
        return bool(dictionary and self.dictionary and self.dictionary(word))


_DEMONYM_ENDS = ("is", "i", "ians", "ian", "ns", "n", "ans", "an", "ese")


def _demonym(word: str) -> tuple[str, str] | None:
    """The country a people's name stands for ("Qataris", "Syrians", "Moroccans" -> Qatar, Syria, Morocco): a
    question on what "the Qataris" want is one on Qatar."""
    low = word.lower()
    for en, ar in _countries():
        base = en.lower()
        if " " in base or len(base) < 4 or not low.startswith(base[:4]):
            continue
        for stem in {base, base[:-1] if base[-1] in "aeoy" else base}:
            if any(low == stem + end for end in _DEMONYM_ENDS):
                return en, ar
    return None


def demonym_pattern(name: str) -> re.Pattern | None:
    """For a one-word country name, its people's name in search form ("qatar" -> "qatari", "qataris"): "what do
    the Qataris want?" names Qatar's submission as "Qatar's" does. None for a name that is no country."""
    base = name.lower()
    if " " in base or len(base) < 4 or base not in {en.lower() for en, _ in _countries()}:
        return None
    stems = sorted({base, base[:-1] if base[-1] in "aeoy" else base})
    ends = "|".join(sorted(_DEMONYM_ENDS, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, stems))})(?:{ends})(?=\s|$)")


@dataclass(frozen=True)
class Body:
    """An organisation or online service, by its English and Arabic forms (`corpus/bodies.toml`)."""

    en: tuple[str, ...]
    ar: tuple[str, ...]
    cased: bool = False  # its English form is an everyday word in lower case ("Signal", "Meta")

    @property
    def forms(self) -> tuple[str, ...]:
        return (*self.en, *self.ar)

    def named_in(self, question: str, norm: str) -> str:
        """The form the question names it by ("" if none); `norm` is the question's joined `tokens`."""
        for form in self.forms:
            if not _occurs(form, norm):
                continue
            if form.isascii() and (self.cased or form.isupper()) and form not in question:
                continue  # "signal" or "who" in lower case is a word, not the name
            return form
        return ""

    @staticmethod
    def load(path: Path) -> "list[Body]":
        if not path.exists():
            return []
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return [Body(tuple(b.get("en", ())), tuple(b.get("ar", ())), bool(b.get("cased", False)))
                for b in data.get("body", [])]


def _occurs(name: str, norm: str) -> bool:
    """The name occurs in `norm` (a text's joined `tokens`) as a phrase: a substring test first, the pattern only then."""
    key = " ".join(tokens(name))
    return bool(key) and key in norm and bool(phrase_pattern(name).search(norm))


def _root(name: str) -> tuple[list[str], str, str]:
    """(the name's words, its last word without the article, the stem its adjective is built on)."""
    words = tokens(name)
    last = re.sub(r"^ال", "", words[-1]) if words else ""
    root = last[:-2] if last.endswith(("يا", "يه")) else last[:-1] if last.endswith(("ا", "ه")) else last
    return words, last, root


def _adjective_in(name: str, norm: str) -> bool:
    """An Arabic country name's adjective (السوريين for سوريا) occurs in `norm`, a text's joined `tokens`."""
    words, _, root = _root(name)
    return len(root) >= 3 and root in norm and bool(_country_pattern(name).search(norm))


@lru_cache(maxsize=1)
def _country_keys() -> list[tuple[str, str, str, str]]:
    """(English name, a substring every match of it holds, Arabic name, the same): a cheap test before the
    pattern, which is compiled only for a name the question may hold."""
    out = []
    for en, ar in _countries():
        words, _, root = _root(ar)
        out.append((en, " ".join(tokens(en)), ar, root if len(root) >= 3 else " ".join(words)))
    return out


@lru_cache(maxsize=512)
def _country_pattern(name: str) -> re.Pattern:
    """An Arabic country name or its adjective (المغرب → المغربي، المغربية; تركيا → التركية; السعودية → السعودي):
    "what does Moroccan law say" is a question on Morocco."""
    words, last, root = _root(name)
    if len(root) < 3:
        return phrase_pattern(name)
    nisba = rf"(?:{re.escape(last)}|{re.escape(root)}(?:ي|يه|يين|يون|يات))"
    body = r"\s+".join([*(re.escape(w) for w in words[:-1]), rf"(?:ال)?{nisba}"])
    return re.compile(rf"(?:^|\s)(?:[وبلفك]?ال|[وبلفك]|لل)?{body}(?=\s|$)")


# CLDR's two-letter codes that name no place: the United Nations (the source of most of the library, not a subject
# it gives figures for), the eurozone, "Outlying Oceania" and the pseudo-locales.
_NOT_PLACES = frozenset({"UN", "EZ", "QO", "XA", "XB", "ZZ"})


@lru_cache(maxsize=1)
def _countries() -> list[tuple[str, str]]:
    from babel import Locale

    en, ar = Locale("en").territories, Locale("ar").territories
    return [(en[c], ar[c]) for c in sorted(en) if len(c) == 2 and c.isalpha() and c in ar and c not in _NOT_PLACES]
