"""BM25 over the chunks' normalised, lightly stemmed search form (bm25s), rebuilt from the store on start."""
from __future__ import annotations

import logging
import math
from typing import Callable

import numpy as np

from indexing.config import RetrievalSettings
from indexing.language import search_terms
from indexing.models import Chunk


class LexicalIndex:
    def __init__(self, chunks: list[Chunk], settings: RetrievalSettings,
                 analyzer: Callable[[str], list[str]] | None = None):
        """`analyzer`: text to index terms (default: `search_terms` with the settings' stemming)."""
        import bm25s

        # bm25s sets its own logger to DEBUG on import; let it follow the application's level instead.
        logging.getLogger("bm25s").setLevel(logging.NOTSET)
        self.stemming = settings.stemming
        self._analyze = analyzer or (lambda text: search_terms(text, self.stemming))
        self.chunks = chunks
        self._bm25 = bm25s.BM25(k1=settings.bm25_k1, b=settings.bm25_b)
        docs = [self._analyze(c.search_text) or ["∅"] for c in chunks]
        self._terms = [set(d) for d in docs]
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

    @property
    def vocabulary(self) -> set[str]:
        """The index's terms (normalised, stemmed as the index is)."""
        return self._vocab

    def scores(self, query: str, extra_terms: list[str] = ()) -> np.ndarray:
        """BM25 score of every chunk for the query (plus terms already in search form), in `self.chunks` order."""
        terms = [t for t in [*self._analyze(query), *extra_terms] if t in self._vocab]
        if not terms or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)

    def query_terms(self, query: str) -> set[str]:
        return set(self._analyze(query))

    def feedback_terms(self, indices: list[int], n: int, exclude: set[str] = frozenset()) -> list[str]:
        """The `n` terms that best characterise these chunks (pseudo-relevance feedback): idf times the number
        of them that hold the term; a term only one chunk of the library holds cannot find another passage."""
        counts: dict[str, int] = {}
        for i in indices:
            for t in self._terms[i]:
                counts[t] = counts.get(t, 0) + 1
        scored = [(self.idf[t] * c, t) for t, c in counts.items()
                  if t not in exclude and len(t) > 2 and t != "∅" and self.idf.get(t, 0) > 0
                  and self.idf[t] < self._hapax_idf]
        return [t for _, t in sorted(scored, key=lambda x: (-x[0], x[1]))[:n]]

    @property
    def _hapax_idf(self) -> float:
        n = max(1, len(self.chunks))
        return math.log(1 + (n - 1 + 0.5) / (1 + 0.5)) - 1e-9
