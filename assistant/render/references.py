"""Where a quote stands (document, paragraph label, page), written the way each language writes it.

Every output names a source through one `ReferenceFormat`, so changing how a reference looks is one edit.
"""
from __future__ import annotations

from dataclasses import dataclass

from indexing.language import answer_language
from indexing.models import Chunk

from ..models import Citation


@dataclass(frozen=True)
class ReferenceFormat:
    page: str  # the abbreviation before a page number

    def locator(self, c: Citation | Chunk) -> list[str]:
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
