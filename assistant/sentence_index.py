"""Sentence vectors of passages, read from the store where indexing wrote them, kept in memory once read.

Both the retriever (which candidate holds the sentence closest to the question) and the answer (which
sentences to quote) need them; reading them costs one store call per question instead of a model call per
sentence. A chunk the store has no sentences for (a store filled by an older version) is embedded here.
"""
from __future__ import annotations

import logging
from collections import OrderedDict

import numpy as np

from indexing.models import Chunk
from indexing.sentences import quote_spans

from .dense import DenseIndex

log = logging.getLogger(__name__)

Spans = tuple[list[tuple[int, int]], np.ndarray]  # (start, end) offsets in the chunk text, one vector each


class SentenceVectors:
    def __init__(self, store, embedder, capacity: int = 20_000):
        self.store = store
        self.embedder = embedder
        self.capacity = capacity  # chunks kept; ~4 sentences x 2 KB each
        self._cache: OrderedDict[str, Spans] = OrderedDict()

    def clear(self) -> None:
        self._cache.clear()

    def of(self, chunks: list[Chunk]) -> dict[str, Spans]:
        wanted = list({c.chunk_id: c for c in chunks}.values())
        missing = [c for c in wanted if c.chunk_id not in self._cache]
        if missing:
            stored = self.store.sentence_vectors([c.chunk_id for c in missing])
            unstored = [c for c in missing if c.chunk_id not in stored]
            for c in missing:
                if c.chunk_id in stored:
                    rows = stored[c.chunk_id]
                    self._put(c.chunk_id, ([(s, e) for s, e, _ in rows], np.stack([v for _, _, v in rows])))
            if unstored:
                self._embed(unstored)
        out = {}
        for c in wanted:
            self._cache.move_to_end(c.chunk_id)
            out[c.chunk_id] = self._cache[c.chunk_id]
        return out

    def best(self, question_vector: np.ndarray, chunks: list[Chunk]) -> list[float]:
        """Each chunk's highest sentence cosine to the question (0 for a chunk with no sentence)."""
        got = self.of(chunks)
        q = np.asarray(question_vector, dtype=np.float32)
        return [float((got[c.chunk_id][1] @ q).max()) if got[c.chunk_id][0] else 0.0 for c in chunks]

    def _embed(self, chunks: list[Chunk]) -> None:
        spans = {c.chunk_id: quote_spans(c.text) for c in chunks}
        texts = [c.text[s:e] for c in chunks for s, e in spans[c.chunk_id]]
        vectors = self.embedder.encode_documents(texts)
        at = 0
        for c in chunks:
            n = len(spans[c.chunk_id])
            self._put(c.chunk_id, (spans[c.chunk_id], vectors[at: at + n]))
            at += n

    def _put(self, chunk_id: str, value: Spans) -> None:
        self._cache[chunk_id] = value
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)


class SentenceSearch:
    """First-stage search over every stored sentence: the chunks holding the sentences nearest the question.

    A long passage's vector averages its sentences; the one sentence that answers an English question can be
    nearer to it than the whole Arabic passage is, so this list finds passages the chunk vectors miss.
    """

    def __init__(self, store, chunk_ids: list[str]):
        rows, vectors = store.all_sentence_vectors()
        position = {cid: n for n, cid in enumerate(chunk_ids)}
        keep = [n for n, cid in enumerate(rows) if cid in position]
        self.rows = [rows[n] for n in keep]
        self.chunk_of_row = np.array([position[rows[n]] for n in keep], dtype=np.int64)
        self.index = DenseIndex(self.rows, vectors[keep] if keep else np.zeros((0, 1), dtype=np.float32))

    def nearest_chunks(self, vector: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, best sentence cosine) of the k chunks whose best sentence is nearest, best first;
        `mask` is one bool a chunk, in the order of the chunk ids given at construction."""
        if k <= 0 or not self.rows:
            return []
        row_mask = mask[self.chunk_of_row] if mask is not None else None
        out: dict[str, float] = {}
        for cid, sim in self.index.nearest(vector, len(self.rows), mask=row_mask):
            if cid not in out:
                out[cid] = sim
                if len(out) >= k:
                    break
        return list(out.items())
