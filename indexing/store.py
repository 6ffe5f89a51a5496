"""Chunks and their vectors in Chroma, embedded on disk or on a Chroma server, plus a manifest of documents.

Three collections: `<name>` holds one record per chunk (vector, text, metadata); `<name>-sentences` one vector
per quotable sentence span of a chunk (offsets only, the text is the chunk's); `<name>-docs` one record per
indexed document (file hash, counts, when). A document's record is written only after all its chunks and
sentences are in, and removed before they are touched, so an interrupted run leaves chunks without a
record, which the next run deletes and redoes. The chunk collection's metadata names the embedding model and chunker;
a mismatch means a clean rebuild, never mixed vectors. Vectors are always ours: no Chroma embedding function.
"""
from __future__ import annotations

import json
import functools
import logging
import re
import time
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from .config import Settings
from .models import Chunk, Place

log = logging.getLogger(__name__)

_BATCH = 500


@dataclass(frozen=True)
class SentenceRecord:
    """One quotable span of a chunk, by offsets into the chunk's text."""

    chunk_id: str
    doc_id: str
    start: int
    end: int


class StoreUnavailable(RuntimeError):
    """The Chroma store cannot be reached or opened; the message says which and how to fix it."""


@dataclass(frozen=True)
class DocRecord:
    doc_id: str
    file_name: str
    content_hash: str
    title: str
    symbol: str
    kind: str
    year: int | None
    chunks: int
    labelled: int
    indexed_at: float


def _chunk_metadata(c: Chunk) -> dict:
    return {
        "doc_id": c.doc_id,
        "label": c.label,
        "is_heading": c.is_heading,
        "section": c.section,
        "page": c.page if c.page is not None else -1,
        "start": c.start,
        "end": c.end,
        "ordinal": c.ordinal,
        "title": c.title,
        "symbol": c.symbol,
        "kind": c.kind,
        "language": c.language,
        "year": c.year if c.year is not None else -1,
        "file_name": c.file_name,
        "content_hash": c.content_hash,
        "search_text": c.search_text,
        "title_ar": c.title_ar,
        # Chroma metadata holds scalars only: the page starts and paragraph places go as JSON
        "page_starts": json.dumps(c.page_starts),
        "places": json.dumps([[p.start, p.section, p.n] for p in c.places], ensure_ascii=False),
        "added_by": c.added_by,
        "added_at": c.added_at,
    }


def chunk_from_record(chunk_id: str, text: str, meta: dict) -> Chunk:
    page, year = meta.get("page", -1), meta.get("year", -1)
    label = meta.get("label", "")
    # A store built before `is_heading` marked a resolution's title block with the label "heading".
    is_heading = bool(meta.get("is_heading", label == "heading"))
    return Chunk(
        chunk_id=chunk_id,
        doc_id=meta["doc_id"],
        text=text,
        search_text=meta.get("search_text", ""),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        ordinal=int(meta.get("ordinal", 0)),
        label="" if label == "heading" else label,
        is_heading=is_heading,
        section=meta.get("section", ""),
        page=None if page in (-1, None) else int(page),
        title=meta.get("title", ""),
        symbol=meta.get("symbol", ""),
        kind=meta.get("kind", ""),
        language=meta.get("language", ""),
        year=None if year in (-1, None) else int(year),
        file_name=meta.get("file_name", ""),
        content_hash=meta.get("content_hash", ""),
        title_ar=meta.get("title_ar", ""),
        page_starts=tuple((int(o), int(n)) for o, n in json.loads(meta.get("page_starts") or "[]")),
        places=tuple(Place(int(o), section, int(n)) for o, section, n in json.loads(meta.get("places") or "[]")),
        added_by=meta.get("added_by", ""),
        added_at=meta.get("added_at", ""),
    )


def make_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.store.mode == "server":
            headers = {"Authorization": f"Bearer {settings.store.token}"} if settings.store.token else None
            client = chromadb.HttpClient(
                host=settings.store.host, port=settings.store.port, headers=headers, settings=chroma_settings
            )
            client.heartbeat()
            return client
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:
        raise StoreUnavailable(f"cannot open the {describe(settings)}: {exc}") from exc


def describe(settings: Settings) -> str:
    """Which store the settings name, in the words error messages use."""
    if settings.store.mode == "server":
        return f"Chroma server at {settings.store.host}:{settings.store.port}"
    return f"Chroma folder {settings.chroma_dir}"


_DISK_FULL = re.compile(r"disk is full|no space left|ENOSPC|quota exceeded", re.IGNORECASE)


def _guarded(method):
    """A Chroma failure mid-session (server down or restarting, folder unwritable) becomes `StoreUnavailable`
    with a message a user can act on, instead of a client library's stack trace."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self._stale:
            self._reopen()
        try:
            return method(self, *args, **kwargs)
        except StoreUnavailable:
            raise
        except Exception as exc:
            detail = f"{type(exc).__name__}: {str(exc)[:200]}"
            if _DISK_FULL.search(str(exc)):
                # Chroma's embedded client keeps the failed write's database lock: the next write on it would
                # wait forever once space is free. The next call opens a fresh client instead.
                self._stale = True
                raise StoreUnavailable(f"the disk under the {self.where} is full ({detail}); free some space, "
                                       "then index again: documents not finished are redone") from exc
            raise StoreUnavailable(f"the {self.where} failed ({detail}); "
                                   "check that it is running and writable, then try again") from exc

    return wrapper


def _add_batched(collection, ids: list[str], vectors: np.ndarray, metadatas: list[dict],
                 documents: list[str] | None = None) -> None:
    """Chroma caps how many records one call may add."""
    for i in range(0, len(ids), _BATCH):
        collection.add(
            ids=ids[i: i + _BATCH],
            embeddings=np.asarray(vectors[i: i + _BATCH], dtype=np.float32),
            metadatas=metadatas[i: i + _BATCH],
            **({"documents": documents[i: i + _BATCH]} if documents is not None else {}),
        )


class ChromaStore:
    def __init__(self, settings: Settings, embedding_model: str, dim: int, chunker_version: str, client=None):
        self.settings = settings
        self.name = settings.store.collection
        self.signature = {"embedding_model": embedding_model, "dim": dim, "chunker": chunker_version}
        self.client = client or make_client(settings)
        self.rebuilt = False
        self.where = describe(settings)
        self._stale = False
        self._open()

    def _reopen(self) -> None:
        from chromadb.api.client import SharedSystemClient

        log.info("reopening the %s after a failed write", self.where)
        self._stale = False
        if self.settings.store.mode != "server":
            SharedSystemClient.clear_system_cache()  # else the same locked client comes back
        self.client = make_client(self.settings)
        self._open()

    def _open(self) -> None:
        existing = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        if self.name in existing:
            col = self.client.get_collection(self.name, embedding_function=None)
            meta = col.metadata or {}
            if any(meta.get(k) != v for k, v in self.signature.items()):
                log.warning(
                    "index was built with %s; settings ask for %s: rebuilding from scratch",
                    {k: meta.get(k) for k in self.signature},
                    self.signature,
                )
                self.client.delete_collection(self.name)
                for suffix in ("-docs", "-sentences"):
                    if f"{self.name}{suffix}" in existing:
                        self.client.delete_collection(f"{self.name}{suffix}")
                self.rebuilt = True
        self.chunks = self.client.get_or_create_collection(
            self.name,
            embedding_function=None,
            metadata=dict(self.signature),
            configuration={"hnsw": {"space": "cosine"}},
        )
        self.sentences = self.client.get_or_create_collection(
            f"{self.name}-sentences", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        self.docs = self.client.get_or_create_collection(f"{self.name}-docs", embedding_function=None)

    def collection_signature(self) -> dict:
        return {k: (self.chunks.metadata or {}).get(k) for k in self.signature}

    # -- documents -------------------------------------------------------------------------------
    @_guarded
    def documents(self) -> dict[str, DocRecord]:
        got = self.docs.get(include=["metadatas"])
        out = {}
        for doc_id, m in zip(got["ids"], got["metadatas"] or []):
            out[doc_id] = DocRecord(
                doc_id=doc_id,
                file_name=m.get("file_name", ""),
                content_hash=m.get("content_hash", ""),
                title=m.get("title", ""),
                symbol=m.get("symbol", ""),
                kind=m.get("kind", ""),
                year=None if m.get("year", -1) == -1 else m.get("year"),
                chunks=int(m.get("chunks", 0)),
                labelled=int(m.get("labelled", 0)),
                indexed_at=float(m.get("indexed_at", 0.0)),
            )
        return out

    @_guarded
    def mark_document(self, record: DocRecord) -> None:
        self.docs.upsert(
            ids=[record.doc_id],
            embeddings=[[1.0]],
            documents=[record.title],
            metadatas=[
                {
                    "file_name": record.file_name,
                    "content_hash": record.content_hash,
                    "title": record.title,
                    "symbol": record.symbol,
                    "kind": record.kind,
                    "year": record.year if record.year is not None else -1,
                    "chunks": record.chunks,
                    "labelled": record.labelled,
                    "indexed_at": record.indexed_at or time.time(),
                }
            ],
        )

    @_guarded
    def unmark_document(self, doc_id: str) -> None:
        self.docs.delete(ids=[doc_id])

    @_guarded
    def delete_document(self, doc_id: str) -> None:
        """Record first, then chunks and sentences: a crash in between leaves orphans the next run removes."""
        self.unmark_document(doc_id)
        self.chunks.delete(where={"doc_id": doc_id})
        self.sentences.delete(where={"doc_id": doc_id})

    @_guarded
    def chunk_doc_ids(self) -> set[str]:
        """Documents that have chunks or sentences in the store, with or without a record."""
        ids = set()
        for collection in (self.chunks, self.sentences):
            got = collection.get(include=["metadatas"])
            ids |= {m["doc_id"] for m in got["metadatas"] or []}
        return ids

    @_guarded
    def orphan_doc_ids(self, known: set[str]) -> set[str]:
        """Documents with chunks or sentences but not among `known`: asked of Chroma by filter, so the usual
        answer (none) costs milliseconds instead of reading every chunk's metadata (a second on this corpus)."""
        if not known:
            return self.chunk_doc_ids()
        ids = set()
        for collection in (self.chunks, self.sentences):
            got = collection.get(where={"doc_id": {"$nin": sorted(known)}}, include=["metadatas"])
            ids |= {m["doc_id"] for m in got["metadatas"] or []}
        return ids

    # -- chunks ----------------------------------------------------------------------------------
    @_guarded
    def add_chunks(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        _add_batched(self.chunks, [c.chunk_id for c in chunks], vectors, [_chunk_metadata(c) for c in chunks],
                     documents=[c.text for c in chunks])

    @_guarded
    def add_sentences(self, sentences: list[SentenceRecord], vectors: np.ndarray) -> None:
        _add_batched(self.sentences, [f"{s.chunk_id}/{s.start}-{s.end}" for s in sentences], vectors,
                     [{"doc_id": s.doc_id, "chunk_id": s.chunk_id, "start": s.start, "end": s.end} for s in sentences])

    @_guarded
    def sentence_vectors(self, chunk_ids: Iterable[str]) -> dict[str, list[tuple[int, int, np.ndarray]]]:
        """Stored sentence spans and vectors of these chunks, in text order; chunks without any are absent."""
        chunk_ids = list(dict.fromkeys(chunk_ids))
        if not chunk_ids:
            return {}
        where = {"chunk_id": chunk_ids[0]} if len(chunk_ids) == 1 else {"chunk_id": {"$in": chunk_ids}}
        got = self.sentences.get(where=where, include=["embeddings", "metadatas"])
        out: dict[str, list[tuple[int, int, np.ndarray]]] = {}
        for meta, vector in zip(got["metadatas"] or [], got["embeddings"] if got["embeddings"] is not None else []):
            out.setdefault(meta["chunk_id"], []).append(
                (int(meta["start"]), int(meta["end"]), np.asarray(vector, dtype=np.float32))
            )
        for spans in out.values():
            spans.sort(key=lambda x: x[0])
        return out

    @_guarded
    def all_sentence_vectors(self) -> tuple[list[str], np.ndarray]:
        """Every stored sentence vector with the id of its chunk, in a fixed order (chunk, then offset)."""
        got = self.sentences.get(include=["embeddings", "metadatas"])
        rows = sorted(zip(got["metadatas"] or [], got["embeddings"] if got["embeddings"] is not None else []),
                      key=lambda r: (r[0]["chunk_id"], int(r[0]["start"])))
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        return [m["chunk_id"] for m, _ in rows], np.stack([np.asarray(v, dtype=np.float32) for _, v in rows])

    @_guarded
    def all_chunks(self) -> list[Chunk]:
        got = self.chunks.get(include=["documents", "metadatas"])
        out = [chunk_from_record(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        out.sort(key=lambda c: (c.doc_id, c.ordinal))
        return out

    @_guarded
    def count(self) -> int:
        return self.chunks.count()

    @_guarded
    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest chunks as (chunk id, cosine similarity), best first (fewer when the store holds fewer)."""
        if k <= 0:
            return []
        got = self.chunks.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=k, where=where, include=["distances"]
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], got["distances"][0])]

    @_guarded
    def vectors(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        ids = list(ids)
        if not ids:
            return {}
        got = self.chunks.get(ids=ids, include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"])}
