"""Where a quote stands (document, paragraph label, page), written the way each language writes it.

Every output names a source through one `ReferenceFormat`, so changing how a reference looks is one edit.
"""
from __future__ import annotations

from dataclasses import dataclass

from indexing.language import answer_language
from indexing.models import Chunk

from ..models import Citation, ParallelText


@dataclass(frozen=True)
class ReferenceFormat:
    page: str  # the abbreviation before a page number

    def locator(self, c: Citation | Chunk | ParallelText) -> list[str]:
        """Paragraph label and page, those that are known: `["OP 4", "p. 3"]`."""
        return [x for x in (c.label, f"{self.page} {c.page}" if c.page else "") if x]

    def beside_title(self, c: Citation | Chunk) -> str:
        """`A/RES/77/1, OP 4, p. 3`: shown next to the title, so the title is not repeated."""
        return ", ".join(x for x in (c.symbol, *self.locator(c)) if x)

    def short(self, c: Citation | Chunk) -> str:
        """`A/RES/77/1, OP 4, p. 3`, or the title where the document has no symbol."""
        return ", ".join(x for x in (c.symbol or c.title, *self.locator(c)) if x)

    def full(self, c: Citation) -> str:
        """`Title (A/RES/77/1), OP 4, p. 3`: enough to find the document without the app."""
        return ", ".join([f"{c.title} ({c.symbol})" if c.symbol else c.title, *self.locator(c)])

    def source_line(self, c: Citation) -> str:
        """`[n] Title (SYMBOL), OP 4, p. 3 — «quote»`: everything needed to find the quote again."""
        return f"[{c.n}] {self.full(c)} — «{c.quote}»"


FORMATS = {"en": ReferenceFormat(page="p."), "ar": ReferenceFormat(page="ص")}


def references(language: str) -> ReferenceFormat:
    return FORMATS[answer_language(language)]


_VERSION = {"en": {"ar": "Arabic version", "en": "English version"},
            "ar": {"ar": "النسخة العربية", "en": "النسخة الإنجليزية"}}
_FOUND = {"en": {"label": "same paragraph number, {score:.2f}", "meaning": "aligned by meaning, score {score:.2f}"},
          "ar": {"label": "رقم الفقرة نفسه، {score:.2f}", "meaning": "مطابقة بالمعنى، الدرجة {score:.2f}"}}


def version_head(p: ParallelText, language: str) -> str:
    """`English version, para. 5 (same paragraph number, 0.80)`: where the other version's text is, how found."""
    lang = answer_language(language)
    where = ", ".join(x for x in (_VERSION[lang].get(p.language, p.language), *references(lang).locator(p)) if x)
    return f"{where} ({_FOUND[lang][p.method].format(score=p.score)})"
