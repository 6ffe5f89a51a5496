"""A line in the asker's language under each quote written in the other one.

No translation model here is trustworthy for policy text, and a translation must never stand in for the
verbatim quote; what makes an Arabic passage usable to an English reader (and the reverse) is knowing where
it is, the figures it holds and the field's terms it uses, each given in the reader's language. The
glossary supplies the terms; the figures are read from the quote itself and written with Latin digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexing.language import Language, script_language, tokens
from indexing.models import DocumentMeta

from .glossary import Glossary, Term
from .models import Answer, Citation
from .render.references import references, short

_LABELS = {
    "en": {"figures": "figures", "terms": "terms", "sep": " · ", "list": ", "},
    "ar": {"figures": "أرقام", "terms": "مصطلحات", "sep": " · ", "list": "، "},
}
SOURCES_IN = {
    "en": "Some sources are in Arabic: they are quoted as written, each with a line in English saying where it "
          "is, the figures it holds and the terms it uses.",
    "ar": "بعض المصادر بالإنجليزية: تُقتبس كما كُتبت، وتحت كل منها سطر بالعربية يبيّن موضعها وما فيها من أرقام "
          "ومصطلحات.",
}

_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_NUMBER = r"\d{1,3}(?:[,٬]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A percentage is written "45%", "%45" (the sign pushed to the other side by the PDF's visual order),
# "45 في المائة" or "45 per cent"; a scale word after a number multiplies it.
_FIGURE = re.compile(
    rf"(?P<pre>%\s?)?(?P<n>{_NUMBER})(?P<post>\s?%|\s+(?:في\s+الما[ئي]ة|بالما[ئي]ة|per\s?cent|percent))?"
    r"(?:\s+(?P<scale>ملايين|مليون|مليار|مليارات|ألف|آلاف|million|billion|thousand)\b)?",
    re.IGNORECASE,
)
_SCALES = {
    "مليون": "million", "ملايين": "million", "مليار": "billion", "مليارات": "billion", "ألف": "thousand",
    "آلاف": "thousand", "million": "million", "billion": "billion", "thousand": "thousand",
}
# Numbers that only point somewhere (a footnote glued to a word, a paragraph or law number, a page) are not
# figures: a lone digit or two glued to letters is a footnote mark, "No. 14" or "رقم 14" names a law.
_POINTER_BEFORE = re.compile(
    r"(?:رقم|No\.?|para\.?|paragraph|الفقرة|الفقرات|المادة|article|p\.|ص|resolution|القرار)\s*\(?\s*$", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"\s*\(?\d{1,3}\s*[-–.)]\s")  # "19 - تطلب": the paragraph's own number
_NOTE_MARK = re.compile(r"\s*\)")  # "8)" with its bracket: a footnote call in the PDF's text
TITLE_CHARS = 70


@dataclass(frozen=True)
class Figure:
    text: str  # as the reader writes it: "45%", "3 million", "2019"
    is_year: bool


def figures(quote: str) -> list[Figure]:
    """The figures a quote holds, in order, each once, Latin digits, years marked."""
    text = quote.translate(_AR_DIGITS)
    out: list[Figure] = []
    seen: set[str] = set()
    for m in _FIGURE.finditer(text):
        start, end = m.span("n")
        if (start == len(text) - len(text.lstrip()) or start <= 1) and _ITEM_NUMBER.match(text):
            continue
        if len(m.group("n")) <= 2 and _NOTE_MARK.match(text, end) and not m.group("post"):
            continue
        before, after = text[max(0, start - 1): start], text[end: end + 1]
        number = m.group("n").replace("٬", ",")
        glued = (before.isalpha() or after.isalpha()) and not (m.group("pre") or m.group("post"))
        if glued or _POINTER_BEFORE.search(text[max(0, start - 14): start]):
            continue
        if "/" in (before + after) or (before == "." and after in ".") or text[end: end + 2] == ".0":
            continue  # part of a symbol, a date or a link (A/77/1, 5.4.2024)
        is_year = bool(re.fullmatch(r"(?:19|20)\d\d", number)) and not (m.group("pre") or m.group("post"))
        if not is_year and len(number) == 1 and not (m.group("pre") or m.group("post") or m.group("scale")):
            continue  # a lone digit is an item number far more often than a figure
        shown = number
        if m.group("pre") or m.group("post"):
            shown += "%"
        if m.group("scale"):
            shown += f" {_SCALES[m.group('scale').lower()]}"
        if shown not in seen:
            seen.add(shown)
            out.append(Figure(shown, is_year))
    return out


class ReadingAids:
    """Writes each cross-language citation's line, and the answer's one notice that the sources are quoted as
    written in another language."""

    def __init__(self, glossary: Glossary, max_terms: int = 4, max_figures: int = 6):
        self.glossary = glossary
        self.max_terms = max_terms
        self.max_figures = max_figures

    def terms(self, quote: str, quote_language: Language, asker: Language) -> list[tuple[str, str]]:
        """(form in the quote's language, form in the asker's) for the glossary terms the quote uses; a term
        found only inside a longer one ("الاستغلال الجنسي" inside "الاستغلال الجنسي للأطفال") is left out."""
        norm = " ".join(tokens(quote))
        found: list[tuple[int, int, Term, str]] = []
        for term, span, form in self.glossary.occurrences(norm):
            if form in (term.ar if quote_language == "ar" else term.en):
                found.append((span[0], span[1], term, form))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, Term, str]] = []
        for f in found:
            if any(k[0] <= f[0] and f[1] <= k[1] for k in kept) or any(k[2] is f[2] for k in kept):
                continue
            kept.append(f)
        out = []
        for _, _, term, form in kept[: self.max_terms]:
            forms, other = (term.ar, term.en) if quote_language == "ar" else (term.en, term.ar)
            if other:  # synonym lists are written roughly in step: the n-th form's partner, else the last
                out.append((form, other[min(forms.index(form), len(other) - 1)]))
        return out

    def where(self, c: Citation, asker: Language, meta: DocumentMeta | None) -> str:
        """The document's title in the asker's language (cut at its subtitle), its symbol, label and page."""
        title = ((meta.title_en if asker == "en" else meta.title_ar) if meta else "") or c.title
        title = re.split(r"[:(]|\s[-–]\s", title)[0].strip() or title
        title = short(title, TITLE_CHARS + 1)
        return _LABELS[asker]["list"].join(x for x in (title, c.symbol, *references(asker).locator(c)) if x)

    def line(self, c: Citation, asker: Language, meta: DocumentMeta | None = None) -> str:
        """"Global Threat Assessment 2019, p. 12 · figures: 45%, 2019 · terms: البث المباشر — livestreaming"."""
        words = _LABELS[asker]
        parts = [self.where(c, asker, meta)]
        figs = figures(c.quote)[: self.max_figures]
        if figs:
            parts.append(f"{words['figures']}: {words['list'].join(f.text for f in figs)}")
        quote_language = script_language(c.quote)
        terms = self.terms(c.quote, quote_language if quote_language in ("ar", "en") else "ar", asker)
        if terms:
            parts.append(f"{words['terms']}: {words['list'].join(f'{a} — {b}' for a, b in terms)}")
        return words["sep"].join(parts)

    def annotate(self, answer: Answer, metas: dict[str, DocumentMeta] | None = None) -> Answer:
        """The answer with a reading aid on every quote not in its language, and one notice saying so."""
        metas = metas or {}
        asker = answer.language
        changed = {}
        for c in answer.citations:
            quote_language = script_language(c.quote)
            if quote_language in ("ar", "en") and quote_language != asker and not c.reading_aid:
                changed[c.n] = replace(c, reading_aid=self.line(c, asker, metas.get(c.doc_id)))
        if not changed:
            return answer
        notices = answer.notices if SOURCES_IN[asker] in answer.notices else (*answer.notices, SOURCES_IN[asker])
        return replace(answer.with_citations(changed), notices=notices)

