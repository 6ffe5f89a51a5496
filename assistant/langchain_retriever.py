"""The library as a LangChain retriever, for users who build chains of their own.

`LibraryRetriever` runs the assistant's own hybrid retrieval (dense + BM25 + re-ranking, named paragraphs
first) and hands back `Document`s whose text is the verbatim passage and whose metadata say where to find
it again, so a chain's output can still be cited.
"""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from indexing.models import Chunk

from .models import Filters, Passage


def locator(chunk: Chunk) -> str:
    """How a reader finds the passage: its paragraph label, else its nearest heading and page."""
    if chunk.label:
        return chunk.label
    heading = chunk.section.split(" > ")[-1].strip() if chunk.section else ""
    page = f"p. {chunk.page}" if chunk.page else ""
    return ", ".join(p for p in (heading, page) if p)


def passage_document(passage: Passage) -> Document:
    c = passage.chunk
    return Document(
        page_content=c.text,
        id=c.chunk_id,
        metadata={
            "doc_id": c.doc_id, "title": c.title, "symbol": c.symbol, "file_name": c.file_name,
            "label": c.label, "section": c.section, "locator": locator(c), "page": c.page,
            "start": c.start, "end": c.end, "chunk_id": c.chunk_id, "language": c.language,
            "kind": c.kind, "year": c.year, "score": passage.score, "why": list(passage.why),
        },
    )


class LibraryRetriever(BaseRetriever):
    """`Assistant.retrieve` behind LangChain's retriever interface (invoke, batch, `|` in LCEL)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any  # the Assistant; typed loosely so pydantic does not try to validate it
    k: int | None = None  # passages per query; None takes the retrieval settings' top_k
    filters: Filters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        retrieval = self.assistant.retrieve(query, self.filters, self.k)
        return [passage_document(p) for p in retrieval.passages]

