"""An answer as JSON-ready dicts: the evaluation run record and the app's `ask` endpoint."""
from __future__ import annotations

from ..models import Answer, Citation, ParallelText
from .markdown import body


def run_record(answer: Answer, question_id: str) -> dict:
    """One line of the evaluation run format (see ../shared/eval/README.md)."""
    return {
        "id": question_id,
        "answer": body(answer),
        "abstained": answer.abstained,
        "citations": [{"doc": c.file_name, "quote": c.quote, "paragraph": c.label, "locator": c.locator,
                       **({"reading_aid": c.reading_aid} if c.reading_aid else {})} for c in answer.citations],
        "passages": [{"doc": p.chunk.file_name, "text": p.chunk.text, "score": round(p.score, 4)}
                     for p in answer.passages],
        "latency_ms": round(answer.timings.get("total_ms", 0.0), 1),
    }


def api_answer(answer: Answer) -> dict:
    """The answer, its verbatim citations with their references, whether it abstained."""
    return {
        "answer": body(answer),
        "language": answer.language,
        "abstained": answer.abstained,
        "notice": answer.notice,
        "citations": [citation_record(c) for c in answer.citations],
    }


def citation_record(c: Citation) -> dict:
    """A citation with everything needed to find the quote again (offsets in the document's cleaned text)."""
    return {"n": c.n, "doc_id": c.doc_id, "doc": c.file_name, "title": c.title, "symbol": c.symbol,
            "paragraph": c.label, "locator": c.locator, "page": c.page, "quote": c.quote, "start": c.start, "end": c.end,
            **({"reading_aid": c.reading_aid} if c.reading_aid else {}),
            **({"force_note": c.force_note} if c.force_note else {}),
            **({"added_by": c.added_by, "added_at": c.added_at} if c.added_by else {}),
            **({"parallel": [parallel_record(p) for p in c.parallel]} if c.parallel else {})}


def parallel_record(p: ParallelText) -> dict:
    """The other language version's matching text, verbatim, with its offsets and how it was found."""
    return {"doc_id": p.doc_id, "title": p.title, "language": p.language, "paragraph": p.label, "page": p.page,
            "quote": p.quote, "start": p.start, "end": p.end, "score": p.score, "method": p.method}
