"""The figures index: every count, percentage, amount, age and span of time the library states, with the
sentence it stands in, what it counts, where it is and the year it refers to.

Trainers build slides from these numbers and officers check them; the chat finds a figure only when asked the
right words. The words that make a number a figure (scales, per cent, currencies, durations) and those that
make it a pointer (article, paragraph, page) are data, `corpus/figures.toml`, so any document a user adds
reads the same way. Numbers are read from the verbatim text with Arabic-Indic digits taken as Latin ones
(offsets unchanged, so every figure points at its exact place).

PDF text in visual order: an Arabic infographic's number often lands at the end of its line, after the
phrase it begins ("من مواد الاعتداء الجنسي على %94 الأطفال" is "94% of the abuse material ... children").
A number followed straight by a definite noun, with no punctuation between, cannot stand there in written
Arabic; such a number is read as belonging before the words that lead up to it, and what it counts is
those words with the ones after it.
"""
from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from indexing.bibliography import is_bibliographic
from indexing.language import tokens
from indexing.models import Chunk
from indexing.sentences import sentences_of

from .glossary import Glossary
from .render.references import references

log = logging.getLogger(__name__)

# Length-preserving: offsets into the translated text are offsets into the chunk's text.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٪", "01234567890123456789.%")
_NUMBER = re.compile(r"(?<![0-9.,/])(?:[0-9]{1,3}(?:[,،][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:/[0-9]+)?(?![0-9])")
_L = r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]"  # a letter (superscript digits are footnote calls, not letters)
_WORD = re.compile(rf"(?:{_L}|[\u064B-\u065F\u0670\u0640])+(?:[-'](?:{_L}|[\u064B-\u065F\u0670])+)*")
_PUNCT = re.compile(r"[.,،;؛:!?؟()\[\]{}«»\"“”\n]")
_SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾]")
_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-•*][ \t]*)?\(?$")
_LETTER = re.compile(r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_AFTER_CONJUNCTION = re.compile(r"(?<=\s[وف])[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=\s)")
_CLITIC = re.compile(r"(?:^|\s)[وبلف]$")  # "و26": the conjunction glued to the number, not a footnote call


@dataclass(frozen=True)
class FigureWords:
    """`corpus/figures.toml`, normalised for matching."""

    scales: dict[str, str]  # normalised word -> "million"
    percent_signs: tuple[str, ...]
    percent_words: tuple[tuple[str, ...], ...]
    currencies: dict[tuple[str, ...], str]
    durations: dict[str, str]
    age_before: tuple[tuple[str, ...], ...]
    pointers: frozenset[str]
    months: frozenset[str]
    year_before: frozenset[str]
    stops: tuple[tuple[str, ...], ...]
    leads: tuple[tuple[str, ...], ...]
    changes: frozenset[str]
    ratio_words: tuple[tuple[str, ...], ...]
    contact: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> "FigureWords":
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not data:
            log.warning("no figure words at %s; the figures index holds bare numbers only", path)

        def forms(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
            out = {tuple(tokens(w)) or (w,) for w in words}
            return tuple(sorted(out, key=len, reverse=True))

        def one(words: Iterable[str]) -> frozenset[str]:
            return frozenset(t for w in words for t in (tokens(w) or [w]))

        duration = data.get("duration", {})
        return cls(
            scales={n: name for name, ws in data.get("scales", {}).items() for n in one(ws)},
            percent_signs=tuple(data.get("percent", {}).get("signs", ["%"])),
            percent_words=forms(data.get("percent", {}).get("words", [])),
            currencies={f: name for name, ws in data.get("currency", {}).items() for f in forms(ws)},
            durations={n: name for name, ws in duration.items() if name != "age_before" for n in one(ws)},
            age_before=forms(duration.get("age_before", [])),
            pointers=one(data.get("pointers_before", [])),
            months=one(data.get("months_names", [])),
            year_before=one(data.get("year_before", [])),
            stops=forms(data.get("phrase_stops", [])),
            leads=forms(data.get("phrase_leads", [])),
            changes=one(data.get("changes", [])),
            ratio_words=forms(data.get("ratio_words", [])),
            contact=one(data.get("contact_words", [])),
        )


@dataclass(frozen=True)
class Figure:
    """One figure as the index lists it."""

    value: str  # as a reader writes it, Latin digits: "18.4 million", "94%", "1 in 3"
    number: float | None  # the quantity ("18.4 million" -> 18400000.0); None for a ratio
    unit: str  # "%", "million", "USD", "years", "years of age", "ratio", "" (a plain count)
    counts: str  # the phrase it qualifies, verbatim words of the text
    sentence: str
    doc_id: str
    locator: str
    year: int | None  # a year named in its sentence, else the document's
    chunk_id: str
    start: int  # offsets of the number in the cleaned text
    end: int
    written: str  # the number with its unit as the text writes it
    topic: str = ""
    visual_order: bool = False  # read as displaced by the PDF's visual order
    title: str = ""
    opens_paragraph: bool = False  # a bare number first in its paragraph (an endnote's number, in a run)

    def as_dict(self) -> dict:
        return {"value": self.value, "unit": self.unit, "counts": self.counts, "sentence": self.sentence,
                "doc_id": self.doc_id, "locator": self.locator, "year": self.year, "number": self.number,
                "topic": self.topic, "written": self.written, "chunk_id": self.chunk_id, "start": self.start,
                "end": self.end, "visual_order": self.visual_order}


@dataclass(frozen=True)
class _Word:
    text: str
    norm: str
    start: int
    end: int


@dataclass
class _Found:
    start: int
    end: int  # end of the number with its unit
    value: str
    number: float | None
    unit: str
    written: str
    year_of: int | None = None  # a year glued to a footnote call ("20183")
    is_year: bool = False
    counts: str = ""
    visual: bool = False
    counts_end: int = 0



def _words(text: str) -> list[_Word]:
    out = []
    for m in _WORD.finditer(text):
        norm = " ".join(tokens(m.group())) or m.group()
        out.append(_Word(m.group(), norm, m.start(), m.end()))
    return out


def _num(text: str) -> float | None:
    try:
        return float(text.replace(",", "").replace("،", ""))
    except ValueError:
        return None


def _plain(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


class FigureReader:
    """Reads the figures of chunks; one per library (the words), used for every document."""

    def __init__(self, words: FigureWords, glossary: Glossary | None = None, phrase_words: int = 6,
                 lead_words: int = 8, endnote_share: float = 0.12):
        self.w = words
        self.glossary = glossary
        self.phrase_words = phrase_words  # Settings.answer.figure_phrase_words
        self.lead_words = lead_words  # Settings.answer.figure_lead_words
        self.endnote_share = endnote_share  # Settings.answer.endnote_share: a note's numbers are not data

    # -- matching helpers -------------------------------------------------------------------------
    @staticmethod
    def _starts(words: list[_Word], i: int, forms: Iterable[tuple[str, ...]]) -> int:
        """The number of words of the longest form that starts at word i (0 when none)."""
        for f in forms:
            if tuple(w.norm for w in words[i:i + len(f)]) == f:
                return len(f)
        return 0

    @staticmethod
    def _ends(words: list[_Word], i: int, forms: Iterable[tuple[str, ...]]) -> int:
        """The number of words of the longest form ending at word i-1."""
        for f in forms:
            if i - len(f) >= 0 and tuple(w.norm for w in words[i - len(f):i]) == f:
                return len(f)
        return 0

    # -- one chunk --------------------------------------------------------------------------------
    def read(self, chunk: Chunk, doc_year: int | None = None, title: str = "") -> list[Figure]:
        """The chunk's figures in reading order. A heading, an endnote or a reference list holds none."""
        if chunk.is_heading or (chunk.label or "").startswith("fn."):
            return []
        raw = chunk.text
        # "و26" is "and 26": digits glued to a lone conjunction, which the cleaner took for a footnote call
        text = _AFTER_CONJUNCTION.sub(lambda m: m.group().translate(_SUPERSCRIPTS), raw.translate(_DIGITS))
        words = _words(text)
        found = self._numbers(text, words)
        self._phrases(text, words, found)
        years = [f for f in found if f.is_year or f.year_of]
        spans = sentences_of(raw) or [(0, len(raw))]
        fmt = references("ar" if chunk.language == "ar" else "en")
        out = []
        for f in found:
            if f.is_year:
                continue
            s, e = next(((a, b) for a, b in spans if a <= f.start < b), (0, len(raw)))
            sentence = " ".join(raw[s:e].split())
            if is_bibliographic(sentence, self.endnote_share):
                continue  # a reference or an endnote: its years and numbers point at sources
            year = next((y.year_of or int(y.value) for y in years if s <= y.start < e and y is not f), None)
            out.append(Figure(
                value=f.value, number=f.number, unit=f.unit, counts=f.counts, sentence=sentence,
                doc_id=chunk.doc_id, locator=fmt.locate(chunk, chunk.start + f.start),
                year=year or chunk.year or doc_year, chunk_id=chunk.chunk_id, start=chunk.start + f.start,
                end=chunk.start + f.end, written=raw[f.start:f.end], topic=self._topic(sentence),
                visual_order=f.visual, title=title or chunk.title,
                opens_paragraph=not f.unit and re.fullmatch(r"\s*", text[text.rfind("\n", 0, f.start) + 1:f.start]) is not None,
            ))
        return out

    def _numbers(self, text: str, words: list[_Word]) -> list[_Found]:
        w = self.w
        found: list[_Found] = []
        used_sign: set[int] = set()  # positions of % signs already taken by a number
        taken = 0  # end of the last figure read (a range's second number is part of it)
        pointer_end = -1  # end of the last pointer's number: "المادتين 4 و10", "paragraphs 3, 5 and 7"
        for m in _NUMBER.finditer(text):
            s, e = m.span()
            digits = m.group()
            if s < taken:
                continue
            if pointer_end >= 0 and re.fullmatch(r"[\s,،و\-–]*(?:and|to|و|إلى|الى)?[\s,،و\-–]*", text[pointer_end:s]):
                pointer_end = e
                continue
            line = text[text.rfind("\n", 0, s) + 1:(text.find("\n", e) + 1 or len(text) + 1) - 1]
            if w.contact and any(x.norm in w.contact for x in _words(line)):
                continue  # an address, a telephone, a fax
            if re.fullmatch(r"[0-9]{7,}", digits):
                continue  # a telephone or a reference number, not a quantity
            if "/" in digits and not (lambda a, b: 0 < a < b <= 10)(*map(int, digits.split("/"))):
                continue  # "7/13": a resolution's number; only a proper fraction ("2/3") is a figure
            before, after = text[max(0, s - 1):s], text[e:e + 1]
            if re.search(rf"{_L}[-–]$", text[max(0, s - 2):s]):
                continue  # "كوفيد-19", "CH-1211": part of a name
            if before and _LETTER.match(before) and not _CLITIC.search(text[max(0, s - 2):s]):
                continue  # glued to a word before it: a footnote call ("طرف4") or a code ("GTA18")
            if before == "%" and (s - 1) in used_sign:
                continue  # "9 %18": the sign belongs to 9, 18 is the footnote call glued to it
            if _ITEM_START.search(text[max(0, s - 6):s]) and re.match(r"\s*[-.)–]", text[e:e + 2]):
                continue  # the paragraph's or item's own number: "87- ", "2. ", "(3)"
            every = re.search(r"(?:من\s+كل|in\s+every|one\s+in)\s*\(?$", text[max(0, s - 12):s])
            if every and re.fullmatch(r"[0-9]{1,3}", digits):  # "فتاة من كل (4) فتيات": one in four
                e2 = e + (1 if after == ")" else 0)
                found.append(_Found(s, e2, f"1 in {digits}", None, "ratio", text[s:e2]))
                taken = e2
                continue
            if before == "(" and after == ")" and len(digits) <= 2:
                continue  # "(14)": a law's or list's number
            if after and _LETTER.match(after) and not text[e:e + 1].isspace():
                if not (after in "mMkK" and not _LETTER.match(text[e + 1:e + 2] or " ")):
                    continue  # "26هذا", "5G": a footnote call before a word, or a code
            if "/" in digits and not re.fullmatch(r"\d{1,2}/\d{1,2}", digits):
                continue  # a symbol or a date (A/77/1, 5/4/2024)
            if "." in digits and re.match(r"\.\d", text[e:e + 2]):
                continue  # a dotted date or version "5.4.2024"
            if len(digits) > 1 and digits[0] == "0" and "." not in digits:
                continue  # "01", "04": a chapter's number
            if re.fullmatch(r"\d{1,3}\.(?:19|20)\d\d", digits):
                continue  # "37.2018": a footnote call, then a year
            wi = next((i for i, x in enumerate(words) if x.start >= e), len(words))
            pi = next((i for i in range(len(words) - 1, -1, -1) if words[i].end <= s), -1)
            prev = words[pi] if pi >= 0 else None
            near_before = prev is not None and not _PUNCT.search(text[prev.end:s]) and s - prev.end <= 3
            if prev is not None and prev.norm in w.pointers and re.fullmatch(r"[\s.(]{0,4}", text[prev.end:s]):
                pointer_end = e  # "المادة 18", "vol. 1577", "رقم (14)"
                continue
            got = self._unit(text, words, s, e, wi, digits, prev if near_before else None, used_sign)
            if got is not None:
                found.append(got)
                taken = got.end
        return found

    def _unit(self, text, words, s, e, wi, digits, prev, used_sign) -> _Found | None:
        """The number with what follows or precedes it: a sign, a scale, a currency, a duration."""
        w = self.w
        value = _num(digits.split("/")[0]) if "/" not in digits else None
        pre = text[max(0, s - 2):s]
        span = re.match(r"[-–]([0-9]+(?:\.[0-9]+)?)(?![0-9/])", text[e:])
        if span and len(digits) == 4 and digits[:2] in ("19", "20"):
            return _Found(s, e + span.end(), digits, float(digits), "year", text[s:e + span.end()], is_year=True)
        if span:
            lo, hi = sorted((float(digits), float(span.group(1))))  # visual order may reverse "2.2-4.4"
            digits = f"{_plain(lo)}–{_plain(hi)}"
            value, e = None, e + span.end()
            wi = next((i for i, x in enumerate(words) if x.start >= e), len(words))
        end = e
        unit, shown = "", None
        # a year, or a year with a footnote call glued ("20183" after "عام")
        plain = re.fullmatch(r"\d+", digits) is not None and not span
        year_word = prev is not None and (prev.norm in w.year_before or prev.norm in w.months)
        if plain and len(digits) == 4 and 1900 <= int(digits) <= 2039 and not re.match(r"\s?%", text[e:e + 2]) \
                and "%" not in pre:
            nxt = words[wi] if wi < len(words) else None
            if not (nxt and nxt.start - e <= 2 and (nxt.norm in w.scales or nxt.norm in w.durations)):
                return _Found(s, e, digits, float(digits), "year", digits, is_year=True)
        if plain and len(digits) in (5, 6) and 1900 <= int(digits[:4]) <= 2039 and year_word:
            return _Found(s, e, digits[:4], float(digits[:4]), "year", digits, year_of=int(digits[:4]), is_year=True)
        if prev is not None and prev.norm in w.months:
            return None
        nxt_i = wi
        nxt = words[nxt_i] if nxt_i < len(words) else None
        if nxt and nxt.norm in w.months and not _PUNCT.search(text[e:nxt.start]):
            return None  # a day of a month
        colon = re.match(r":([0-9]{1,3})(?![0-9])", text[e:])
        if colon and plain and len(digits) <= 3:
            return _Found(s, e + colon.end(), f"{digits}:{colon.group(1)}", None, "ratio", text[s:e + colon.end()])
        # ratio: "1 من كل 3", "1 in 5"
        m = re.match(r"\s+(من\s+كل|في\s+كل|in\s+every|out\s+of|in)\s+([0-9]+)(?![0-9])", text[e:])
        if m and plain and len(digits) <= 3:
            end = e + m.end()
            return _Found(s, end, f"{digits} in {m.group(2)}", None, "ratio", text[s:end])
        # percentage: sign after ("94%", "9 %") or before ("%94", visual order), or words
        if re.match(r"[ \t]?%", text[e:e + 2]):
            sign = e + text[e:e + 2].index("%")
            used_sign.add(sign)
            end, unit = sign + 1, "%"
            if text[end:end + 1] == "+":
                end += 1
        elif text[s - 1:s] == "%" and (s - 1) not in used_sign:
            used_sign.add(s - 1)
            unit = "%"
            s0 = s - 1
            if text[e:e + 1] == "+":
                end = e + 1
            s = s0
        else:
            n = self._starts(words, wi, w.percent_words) if nxt and not _PUNCT.search(text[e:nxt.start]) else 0
            if n:
                unit, end = "%", words[wi + n - 1].end
                wi += n
        if unit == "%":
            shown = f"{digits.replace('،', ',')}%"
            if text[s:end].endswith("+") or text[s:s + 1] == "+":
                shown = "+" + shown
            return _Found(s, end, shown, value, "%", text[s:end])
        # scale, then currency
        scale = ""
        nxt = words[wi] if wi < len(words) else None
        if nxt and not _PUNCT.search(text[e:nxt.start]) and nxt.norm in w.scales and nxt.start - e <= 2:
            scale = w.scales[nxt.norm]
            end = nxt.end
            wi += 1
        mult = {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get(scale, 1)
        currency = ""
        for form, name in w.currencies.items():
            if len(form) == 1 and form[0] in "$€£" and text[max(0, s - 3):s].rstrip().endswith(form[0]):
                currency = name
                break
        if not currency and wi < len(words) and not _PUNCT.search(text[end:words[wi].start]):
            n = self._starts(words, wi, [f for f in w.currencies if f[0] not in "$€£"])
            if n:
                currency = w.currencies[tuple(x.norm for x in words[wi:wi + n])]
                end = words[wi + n - 1].end
                wi += n
        number = value * mult if value is not None else None
        base = digits.replace("،", ",")
        shown = f"{base} {scale}".strip()
        if currency:
            return _Found(s, end, f"{shown} {currency}", number, currency, text[s:end])
        # a span of time or an age
        if not scale and wi < len(words) and not _PUNCT.search(text[end:words[wi].start]) and words[wi].norm in w.durations:
            unit = w.durations[words[wi].norm]
            end = words[wi].end
            is_age = prev is not None and (prev.norm in {f[-1] for f in w.age_before})
            if is_age and unit == "years":
                return _Found(s, end, base, number, "years of age", text[s:end])
            return _Found(s, end, f"{base} {unit}", number, unit, text[s:end])
        if prev is not None and prev.norm in {f[-1] for f in w.age_before}:
            return _Found(s, end, base, number, "years of age", text[s:end])
        if not scale and "." not in digits and "/" not in digits and len(digits) == 1:
            nxt = words[wi] if wi < len(words) else None
            if not nxt or _PUNCT.search(text[e:nxt.start]):
                return None  # a lone digit before punctuation is a list mark, not a figure
        if "/" in digits:
            return _Found(s, end, digits, None, "fraction", text[s:end])
        return _Found(s, end, shown, number, scale, text[s:end])

    # -- what each figure counts ------------------------------------------------------------------
    def _phrases(self, text: str, words: list[_Word], found: list[_Found]) -> None:
        w = self.w
        figures = [f for f in found if not f.is_year]
        last_visual_end = 0
        for k, f in enumerate(figures):
            ai = next((i for i, x in enumerate(words) if x.start >= f.end), len(words))
            bi = next((i for i in range(len(words) - 1, -1, -1) if words[i].end <= f.start), -1)
            nxt = words[ai] if ai < len(words) else None
            glued = nxt is not None and not _PUNCT.search(text[f.end:nxt.start])
            definite = nxt is not None and not self._starts(words, ai, w.stops) and (re.match(r"(?:[وفب]?ال|لل)", nxt.norm) is not None
                                            or re.match(r"[A-Z]", nxt.text) is not None and re.search(
                                                r"[\u0600-\u06FF]", text[max(0, f.start - 40):f.start]) is not None)
            prev = words[bi] if bi >= 0 else None
            prev_close = prev is not None and not _PUNCT.search(text[prev.end:f.start]) and not _SUPERSCRIPT.search(
                text[prev.end:f.start])
            if glued and definite and prev_close and f.unit not in ("years of age",) and (
                    re.search(r"[\u0600-\u06FF]", nxt.text) or re.search(r"[\u0600-\u06FF]", prev.text)):
                lead = self._lead(text, words, bi, max(last_visual_end, self._boundary(text, words, bi, found)))
                after, end = self._after(text, words, ai, False, f.end)
                f.counts = " ".join(x for x in (lead, after) if x)
                f.visual, f.counts_end = True, end
                last_visual_end = end
                continue
            if f.unit == "years of age" and prev is not None:
                age_at = max((i for i in range(max(0, bi - 2), bi + 1) if self._ends(words, i + 1, w.age_before)),
                             default=bi)
                k0 = age_at - self._ends(words, age_at + 1, w.age_before)
                f.counts = self._lead(text, words, k0, self._boundary(text, words, k0, found), punct_stop=True)
                continue
            after, end = self._after(text, words, ai, True, f.end) if glued else ("", f.end)
            if after:
                f.counts, f.counts_end = after, end
            elif prev is not None:
                f.counts = self._lead(text, words, bi, self._boundary(text, words, bi, found), punct_stop=True)
        # "+1.1% / 84 million more / total population": a figure whose phrase runs into the next one shares it
        lead_words = {t for f in w.leads for t in f}
        for a, b in zip(figures, figures[1:]):
            between = [x for x in words if a.end <= x.start < b.start]
            gap = text[a.end:b.start]
            if b.counts and len(between) <= 3 and all(x.norm in lead_words | {"و", "and", "او", "or"} for x in between) \
                    and not _PUNCT.search(gap) and not re.search(r"[0-9]", gap):
                a.counts = b.counts

    def _boundary(self, text: str, words: list[_Word], bi: int, found: list[_Found]) -> int:
        """Where the words leading up to word bi begin: after punctuation, a footnote call (superscript, or
        digits glued to a word), a year with its call glued on; at most `lead_words` words back."""
        start = words[bi].start if bi >= 0 else 0
        for i in range(bi, max(-1, bi - self.lead_words), -1):
            gap_from = words[i - 1].end if i > 0 else 0
            gap = text[gap_from:words[i].start]
            if _PUNCT.search(_NUMBER.sub("", gap)) or _SUPERSCRIPT.search(gap) or re.match(r"[0-9]", gap) \
                    or re.search(r"(?<![0-9.,،])[0-9]{5,6}(?![0-9])", gap):
                return words[i].start
            start = words[i].start
        return start

    def _lead(self, text: str, words: list[_Word], bi: int, boundary: int, punct_stop: bool = False) -> str:
        """The text from `boundary` up to word bi (numbers kept), from after the last partitive "من"/"of" on."""
        span = [x for x in words[:bi + 1] if x.start >= boundary]
        if punct_stop:
            span = span[-self.phrase_words:]
        cut = max((i for i, x in enumerate(span) if x.norm in ("من", "of") and i < len(span) - 1), default=-1)
        if cut >= 0:
            span = span[cut + 1:]
        while span and self._starts(span, 0, self.w.leads):
            span = span[self._starts(span, 0, self.w.leads):]
        return " ".join(text[span[0].start:span[-1].end].split()) if span else ""

    def _after(self, text: str, words: list[_Word], ai: int, through_changes: bool, start: int) -> tuple[str, int]:
        """The words after the figure up to punctuation, a phrase stop, another number or `phrase_words`."""
        w = self.w
        out: list[_Word] = []
        i = ai
        skipped = 0
        while i < len(words) and not out and skipped < 3:
            n = self._starts(words, i, w.leads)
            if not n:
                break
            i += n
            skipped += n
        changing = False
        if i < len(words) and (_PUNCT.search(text[start:words[i].start]) or re.search(r"[0-9]", text[start:words[i].start])):
            return "", 0  # the figure ends its phrase: what it counts is before it
        while i < len(words) and len(out) < self.phrase_words:
            x = words[i]
            gap_from = out[-1].end if out else (words[i - 1].end if i > ai else x.start)
            gap = text[gap_from:x.start] if (out or i > ai) else ""
            if out and (_PUNCT.search(gap) or _SUPERSCRIPT.search(gap) or re.search(r"[0-9]", gap)):
                break
            if out and re.match(r"[A-Za-z]", out[-1].text) and re.match(r"[\u0600-\u06FF]", x.text):
                break  # a Latin name ends where the Arabic resumes
            if not out and x.norm in w.changes:
                changing = through_changes
            stop = self._starts(words, i, w.stops)
            if stop and out and not (changing and len(out) == 1):
                break
            if stop and not out:
                break
            out.append(x)
            i += 1
            if _SUPERSCRIPT.search(text[x.end:x.end + 1]) or re.match(r"[0-9]", text[x.end:x.end + 1]):
                break  # a footnote call ends the phrase
        return " ".join(x.text for x in out), (out[-1].end if out else 0)

    def _topic(self, sentence: str) -> str:
        if self.glossary is None:
            return ""
        norm = " ".join(tokens(sentence))
        seen = sorted((span[0], term.en[0]) for term, span, _ in self.glossary.occurrences(norm))
        return seen[0][1] if seen else ""


class FiguresIndex:
    """The figures of a library, in document order; searched and filtered by the app and the CLI."""

    def __init__(self, figures: list[Figure]):
        self.figures = figures

    @classmethod
    def build(cls, reader: FigureReader, by_doc: dict[str, list[Chunk]], years: dict[str, int | None] | None = None,
              titles: dict[str, str] | None = None) -> "FiguresIndex":
        years, titles = years or {}, titles or {}
        out: list[Figure] = []
        for doc_id in sorted(by_doc):
            seen: set[int] = set()  # a paragraph split over two chunks: each number once
            doc: list[Figure] = []
            for c in sorted(by_doc[doc_id], key=lambda c: c.ordinal):
                for f in reader.read(c, years.get(doc_id), titles.get(doc_id, "")):
                    if f.start not in seen:
                        seen.add(f.start)
                        doc.append(f)
            out.extend(_without_note_numbers(doc))
        return cls(out)

    def select(self, doc_id: str = "", topic: str = "", query: str = "") -> list[Figure]:
        """Figures of a document and topic whose value, phrase or sentence holds every word of `query`."""
        terms = tokens(query)
        out = []
        for f in self.figures:
            if doc_id and f.doc_id != doc_id or topic and f.topic != topic:
                continue
            if terms:
                hay = " ".join(tokens(f"{f.value} {f.written} {f.counts} {f.sentence} {f.unit}"))
                if not all(t in hay for t in terms):
                    continue
            out.append(f)
        return out

    def topics(self) -> list[str]:
        return sorted({f.topic for f in self.figures if f.topic})


def _without_note_numbers(figures: list[Figure]) -> list[Figure]:
    """Drops the numbers of a list of notes: bare numbers opening paragraphs that run on (12, 13, 14 ...)."""
    openers = [f for f in figures if f.opens_paragraph and f.number is not None]
    notes = {id(b) for a, b in zip(openers, openers[1:]) if b.number - a.number == 1} | {
        id(a) for a, b in zip(openers, openers[1:]) if b.number - a.number == 1}
    return [f for f in figures if id(f) not in notes]
