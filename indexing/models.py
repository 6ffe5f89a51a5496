"""What crosses the boundaries between indexing stages: loaded documents and their chunks."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DocumentMeta:
    """Catalogue facts about one document; files without a catalogue entry get what the file itself says."""

    doc_id: str
    file_name: str
    title_en: str = ""
    title_ar: str = ""
    symbol: str = ""
    year: int | None = None
    body: str = ""
    kind: str = "document"  # resolution, rapporteur report, review, threat assessment, member submission
    languages: tuple[str, ...] = ()
    description: str = ""
    short_names: tuple[str, ...] = ()
    parallel: tuple[str, ...] = ()  # doc ids of this document's versions in other languages

    @property
    def title(self) -> str:
        return self.title_en or self.title_ar or self.file_name


@dataclass(frozen=True)
class Page:
    """Raw text of one page as the loader found it; `number` is None for files without pages."""

    number: int | None
    text: str


@dataclass(frozen=True)
class SourceDocument:
    path: Path
    meta: DocumentMeta
    pages: tuple[Page, ...]


@dataclass(frozen=True)
class CleanDocument:
    """The cleaned text every offset and quote refers to, with where each page starts in it."""

    source: SourceDocument
    text: str
    page_starts: tuple[tuple[int, int | None], ...] = ()  # (offset in text, page number)
    headings: tuple[tuple[int, int], ...] = ()  # (start, end) of the heading lines found inside paragraphs

    def page_at(self, offset: int) -> int | None:
        page = None
        for start, number in self.page_starts:
            if start > offset:
                break
            page = number
        return page


@dataclass(frozen=True)
class Place:
    """Where one paragraph of a chunk stands in its document: its heading path and its place (¶ n) under it,
    so a quote from the middle of a packed chunk is located by the paragraph it starts in."""

    start: int  # offset of the paragraph in the cleaned text
    section: str  # heading path, " > " joined
    n: int  # 1 for the first paragraph after the section's heading


@dataclass(frozen=True)
class Chunk:
    """One retrievable unit: a resolution paragraph, a numbered report paragraph, or a packed section piece."""

    chunk_id: str
    doc_id: str
    text: str  # verbatim slice of the cleaned text: text == clean.text[start:end]
    search_text: str  # normalised form for lexical search and embedding
    start: int
    end: int
    ordinal: int  # position in its document, for neighbours
    label: str = ""  # "OP 4", "PP 12", "para. 77", or "" for unnumbered text and headings
    is_heading: bool = False  # a title block or section heading, not a paragraph of the text
    section: str = ""  # heading path, " > " joined
    page: int | None = None
    title: str = ""
    symbol: str = ""
    kind: str = ""
    language: str = ""
    year: int | None = None
    file_name: str = ""
    content_hash: str = ""
    title_ar: str = ""
    page_starts: tuple[tuple[int, int], ...] = ()  # (offset in the cleaned text, page) of each page begun inside
    places: tuple[Place, ...] = ()  # the paragraphs of an unlabelled chunk, in order
    added_by: str = ""  # a user-added document's editor ("" for the bundled corpus; indexing/provenance.py)
    added_at: str = ""  # when it was added, ISO 8601 UTC
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def page_at(self, offset: int) -> int | None:
        """The page an offset of the cleaned text falls on (a quote's page is where the quote starts)."""
        page = self.page
        for start, number in self.page_starts:
            if start > offset:
                break
            page = number
        return page

    def place_at(self, offset: int) -> Place | None:
        """The paragraph an offset falls in, or None where the chunk recorded none (a labelled paragraph)."""
        place = None
        for p in self.places:
            if p.start > offset:
                break
            place = p
        return place if place is not None else (self.places[0] if self.places else None)
