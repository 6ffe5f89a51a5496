"""What the assistant hands the outside world: ranked passages, checkable citations, answers."""
from __future__ import annotations

from dataclasses import dataclass, field

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
class Citation:
    """A verbatim quote with everything a reader needs to find it again."""

    n: int
    doc_id: str
    file_name: str
    title: str
    symbol: str
    label: str
    page: int | None
    quote: str
    start: int  # character offsets of the quote in the document's cleaned text
    end: int
    chunk_id: str

    @property
    def reference(self) -> str:
        parts = [self.symbol or self.title]
        if self.label:
            parts.append(self.label)
        if self.page:
            parts.append(f"p. {self.page}")
        return ", ".join(p for p in parts if p)


@dataclass
class Answer:
    question: str
    text: str
    language: str
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    abstained: bool = False
    support: float = 0.0  # evidence strength the abstain rule compared with its calibrated threshold
    notice: str = ""
    backend: str = "extractive"
    standalone_question: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def to_run_record(self, question_id: str) -> dict:
        """One line of the evaluation run format (see ../shared/eval/README.md)."""
        return {
            "id": question_id,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [{"doc": c.file_name, "quote": c.quote, "paragraph": c.label} for c in self.citations],
            "passages": [{"doc": p.chunk.file_name, "text": p.chunk.text, "score": round(p.score, 4)} for p in self.passages],
            "latency_ms": round(self.timings.get("total_ms", 0.0), 1),
        }
