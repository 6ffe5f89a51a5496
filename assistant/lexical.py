"""BM25 over the chunks' normalised, lightly stemmed search form (bm25s), rebuilt from the store on start."""
from __future__ import annotations

import math

import numpy as np

from indexing.config import RetrievalSettings
from indexing.language import search_terms
from indexing.models import Chunk


class LexicalIndex:
    def __init__(self, chunks: list[Chunk], settings: RetrievalSettings):
        import bm25s

        self.stemming = settings.stemming
        self.chunks = chunks
        self._bm25 = bm25s.BM25(k1=settings.bm25_k1, b=settings.bm25_b)
        docs = [search_terms(c.search_text, self.stemming) or ["∅"] for c in chunks]
        if docs:
            self._bm25.index(docs, show_progress=False)
        self._vocab = set(self._bm25.vocab_dict) if docs else set()
        df: dict[str, int] = {}
        for terms in docs:
            for t in set(terms):
                df[t] = df.get(t, 0) + 1
        n = max(1, len(docs))
        # BM25's idf, shared with the sentence picker so both weigh rare terms the same way.
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for the query, in `self.chunks` order."""
        terms = [t for t in search_terms(query, self.stemming) if t in self._vocab]
        if not terms or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
