"""Exact nearest-neighbour search over the library's chunk vectors, held in memory.

Chroma's HNSW search is approximate and its graph differs from one build to the next, so the same
question asked in two processes could get different passages (and one answer abstain where the other
did not). A library of policy documents holds thousands of passages, not millions: one matrix product
is exact, repeatable and faster than the HNSW call. Ties are broken by the chunks' fixed order.
"""
from __future__ import annotations

import numpy as np

from indexing.models import Chunk


class DenseIndex:
    def __init__(self, chunk_ids: list[str], vectors: np.ndarray):
        self.chunk_ids = chunk_ids
        norms = np.linalg.norm(vectors, axis=1, keepdims=True) if len(vectors) else np.ones((0, 1))
        self.matrix = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)

    @classmethod
    def from_store(cls, store, chunks: list[Chunk]) -> "DenseIndex":
        """Rows in the order of `chunks` (a chunk without a stored vector gets a zero row, never found)."""
        ids = [c.chunk_id for c in chunks]
        got = store.vectors(ids)
        dim = len(next(iter(got.values()))) if got else 0
        zero = np.zeros(dim, dtype=np.float32)
        matrix = np.stack([got.get(i, zero) for i in ids]) if ids and dim else np.zeros((0, dim), dtype=np.float32)
        return cls(ids if dim else [], matrix)

    def nearest(self, vector: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the k nearest chunks, best first; `mask` (one bool a chunk, in the order the
        index was built from) leaves chunks out."""
        if k <= 0 or not self.chunk_ids:
            return []
        q = np.asarray(vector, dtype=np.float32)
        sims = self.matrix @ (q / max(float(np.linalg.norm(q)), 1e-12))
        order = np.argsort(-sims, kind="stable")
        if mask is not None:
            order = order[mask[order]]
        return [(self.chunk_ids[i], float(sims[i])) for i in order[:k]]
