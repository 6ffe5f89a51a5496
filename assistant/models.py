"""What the assistant hands the outside world: ranked passages, checkable citations, answers."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from indexing.language import Language
from indexing.models import Chunk


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval; empty means the whole library."""

    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def is_empty(self) -> bool:
        return not (self.doc_ids or self.kinds or self.years)

    def where(self) -> dict | None:
        clauses = []
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if self.years:
            clauses.append({"year": {"$in": list(self.years)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def admits(self, chunk: Chunk) -> bool:
        return (
            (not self.doc_ids or chunk.doc_id in self.doc_ids)
            and (not self.kinds or chunk.kind in self.kinds)
            and (not self.years or chunk.year in self.years)
        )


@dataclass(frozen=True)
class Passage:
    chunk: Chunk
    score: float
    why: tuple[str, ...] = ()  # e.g. ("reference OP 4",) or ("dense#2", "bm25#5")
    dense: float = 0.0  # cosine similarity of the question to the passage (or its best sentence)


@dataclass(frozen=True)
class ParallelText:
    """The matching text in another language version of the cited document, verbatim, with how it was found."""

    doc_id: str
    title: str
    language: str
    label: str
    page: int | None
    quote: str
    start: int
    end: int
    chunk_id: str
    score: float  # cosine of the two sentences in the multilingual embedding space
    method: str  # "label": inside the paragraph with the same number; "meaning": nearest sentence overall


@dataclass(frozen=True)
class Citation:
    """A verbatim quote with everything a reader needs to find it again."""

    n: int
    doc_id: str
    file_name: str
    title: str  # in the asker's language where the catalogue has it
    symbol: str
    label: str  # "OP 4", "para. 77", or "" (unnumbered text, a heading): the identifier look-up uses
    page: int | None  # the page the quote starts on
    quote: str
    start: int  # character offsets of the quote in the document's cleaned text
    end: int
    chunk_id: str
    locator: str = ""  # in the asker's language: label or heading path and ¶, then page (render/references.py)
    reading_aid: str = ""  # in the asker's language, for a quote in the other one (see `reading_aid`)
    parallel: tuple[ParallelText, ...] = ()  # the same place in the library's other language versions
    force_note: str = ""  # for a resolution's OP/PP: its verb and what that verb's force asks (paragraph_table)
    added_by: str = ""  # a user-added document's editor, "" for the bundled corpus
    added_at: str = ""


@dataclass(frozen=True)
class CitationGroup:
    """One document's quotes in an extractive answer, in reading order, under the document's name."""

    doc_id: str
    heading: str  # the document's symbol, or its title
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Answer:
    """An answer as structure, not text: each output (chat, Markdown, Word, CLI, JSON) renders it its own way.

    Extractive answers are `intro` then `groups`; a generated answer is the model's `prose` (its own Markdown,
    markers renumbered to `citations`); an abstention is `intro` alone.
    """

    question: str
    language: Language  # normalised once, by `Assistant`; renderers index their tables by it
    intro: str = ""
    groups: tuple[CitationGroup, ...] = ()
    prose: str = ""
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    abstained: bool = False
    support: float = 0.0  # evidence strength the abstain rule compared with its calibrated threshold
    notices: tuple[str, ...] = ()
    backend: str = "extractive"
    standalone_question: str = ""
    read_with: str = ""  # the previous question a follow-up was read with (the app offers to ask it alone)
    timings: dict[str, float] = field(default_factory=dict)

    def with_citations(self, changed: dict[int, Citation]) -> "Answer":
        """The answer with some citations replaced (keyed by their number), in its list and its groups alike."""
        if not changed:
            return self

        def swap(cites: tuple[Citation, ...]) -> tuple[Citation, ...]:
            return tuple(changed.get(c.n, c) for c in cites)

        return replace(self, citations=swap(self.citations),
                       groups=tuple(replace(g, citations=swap(g.citations)) for g in self.groups))

    @property
    def notice(self) -> str:
        return " ".join(n for n in self.notices if n)


@dataclass(frozen=True)
class Translation:
    """A machine translation of a passage, never a quote: shown beside the verbatim original, labelled."""

    chunk_id: str
    original: str  # verbatim, as the document has it
    language: Language  # the translation's
    text: str = ""  # empty when no translation could be made (see `error`)
    backend: str = ""
    error: str = ""
    label: str = ""  # "Machine translation (llama-cpp), not a quote: the original beside it is what the document says"
