"""Where a quote stands (document, locator, page), written the way each language writes it.

Every output names a source through one `ReferenceFormat`, so changing how a reference looks is one edit.
The locator is the paragraph label where the document numbers its paragraphs ("OP 4" / "الفقرة 4 من
المنطوق"); otherwise the heading path and the paragraph's place under it ("Methodology › Scope, ¶ 4"); then the
page, for sources with pages: the page the quote starts on. Stored labels stay the identifiers look-up uses;
only their displayed form changes with the language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.language import answer_language
from indexing.models import Chunk, Place

from ..models import Citation, ParallelText

SECTION_SEP = " › "


def short(title: str, limit: int = 70) -> str:
    """A long title cut at a word before `limit` characters, with an ellipsis."""
    return title if len(title) <= limit else title[: limit - 1].rsplit(" ", 1)[0] + "…"
_LABEL = re.compile(r"^(OP|PP|para\.|fn\.)\s*(\d+)$")


@dataclass(frozen=True)
class ReferenceFormat:
    page: str  # the abbreviation before a page number
    sep: str  # between the parts of a reference
    labels: dict[str, str]  # stored label kind -> displayed form, "{n}" for the number
    paragraph: str  # a paragraph's place in its section, "{n}" for the number
    passage: str  # the last resort: the passage's place in its document
    arabic: bool = False
    added: str = "added by {who}, {when}"  # a user-added document, never presented as the bundled corpus

    def added_note(self, c: Citation | Chunk) -> str:
        """`added by alice, 2026-12-02` for a document a user uploaded; "" for the bundled corpus."""
        return self.added.format(who=c.added_by, when=c.added_at[:10]) if c.added_by else ""

    def label(self, label: str) -> str:
        """The stored label ("OP 4") as this language writes it ("الفقرة 4 من المنطوق")."""
        m = _LABEL.match(label.strip())
        return self.labels[m.group(1)].format(n=m.group(2)) if m else label

    def title(self, c: Citation | Chunk) -> str:
        if isinstance(c, Chunk) and self.arabic and c.title_ar:
            return c.title_ar
        return c.title

    def locate(self, chunk: Chunk, offset: int | None = None) -> str:
        """The locator of the text at `offset` (a quote's start) in `chunk`: never empty, never the title."""
        offset = chunk.start if offset is None else offset
        parts: list[str] = []
        place = chunk.place_at(offset)
        if chunk.label:
            parts.append(self.label(chunk.label))
        elif chunk.is_heading:  # a heading's path ends in the heading itself: its place in the document says more
            if chunk.section and chunk.section.split(" > ")[-1].strip() != chunk.text.strip():
                parts.append(section_path(chunk.section))
            parts.append(self.passage.format(n=chunk.ordinal + 1))
        elif place is not None:
            parts.append(self.place(place))
        elif chunk.section:
            parts.append(section_path(chunk.section))
        else:
            parts.append(self.passage.format(n=chunk.ordinal + 1))
        page = chunk.page_at(offset)
        if page:
            parts.append(f"{self.page} {page}")
        return self.sep.join(parts)

    def place(self, place: Place) -> str:
        """`Section 3 › Livestreaming, ¶ 4`: a paragraph of unnumbered text (also its key in paragraph look-up)."""
        return self.sep.join(x for x in (section_path(place.section), self.paragraph.format(n=place.n)) if x)

    def locator(self, c: Citation | Chunk | ParallelText) -> list[str]:
        """The locator as one part of a reference: `["OP 4, p. 3"]`."""
        if not isinstance(c, Chunk):
            return [c.locator] if getattr(c, "locator", "") else [x for x in (self.label(c.label), f"{self.page} {c.page}" if c.page else "") if x]
        return [self.locate(c)]

    def beside_title(self, c: Citation | Chunk) -> str:
        """`A/RES/77/1, OP 4, p. 3`: shown next to the title, so the title is not repeated."""
        return self.sep.join(x for x in (c.symbol, *self.locator(c), self.added_note(c)) if x)

    def short(self, c: Citation | Chunk) -> str:
        """`A/RES/77/1, OP 4, p. 3`, or the title where the document has no symbol."""
        return self.sep.join(x for x in (c.symbol or self.title(c), *self.locator(c)) if x)

    def full(self, c: Citation) -> str:
        """`Title (A/RES/77/1), OP 4, p. 3`: enough to find the document without the app."""
        return self.sep.join(x for x in (f"{c.title} ({c.symbol})" if c.symbol else c.title, *self.locator(c),
                                         self.added_note(c)) if x)

    def source_line(self, c: Citation) -> str:
        """`[n] Title (SYMBOL), OP 4, p. 3 — «quote»`: everything needed to find the quote again."""
        return f"[{c.n}] {self.full(c)} — «{c.quote}»"


SECTION_PART_CHARS = 70  # a questionnaire's question heads its answers; a locator shows its opening words


def _shortened(part: str) -> str:
    part = " ".join(part.split())
    if len(part) <= SECTION_PART_CHARS:
        return part
    cut = part.rfind(" ", 0, SECTION_PART_CHARS)
    return part[: cut if cut > 0 else SECTION_PART_CHARS].rstrip(" ،,:؛;") + "…"


def section_path(section: str) -> str:
    """A stored heading path ("A > B") as a reader sees it ("A › B"), each heading at most a line long."""
    return SECTION_SEP.join(_shortened(part) for part in section.split(" > ") if part.strip())


FORMATS = {
    "en": ReferenceFormat(page="p.", sep=", ", labels={"OP": "OP {n}", "PP": "PP {n}", "para.": "para. {n}",
                                                       "fn.": "fn. {n}"},
                          paragraph="¶ {n}", passage="passage {n}"),
    "ar": ReferenceFormat(page="ص", sep="، ", labels={"OP": "الفقرة {n} من المنطوق", "PP": "الفقرة {n} من الديباجة",
                                                      "para.": "الفقرة {n}", "fn.": "الحاشية {n}"},
                          paragraph="الفقرة {n}", passage="المقطع {n}", arabic=True, added="أضافها {who}، {when}"),
}


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
