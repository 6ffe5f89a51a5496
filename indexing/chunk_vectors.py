"""Chunk vectors of a second embedding model, cached in the data folder beside the Chroma store.

A second dense signal (e.g. e5-small beside the default USE) needs every chunk embedded once more; the
Chroma collection is tied to one model, so these rows live in one `.npz` per model under
`<data_dir>/vectors/`, keyed by chunk id and a hash of the chunk's text. Rebuilding after a change embeds
only the chunks whose key is new; rows of removed chunks are dropped.
"""
from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import numpy as np

from .config import Settings
from .embedding import get_embedder
from .models import Chunk

log = logging.getLogger(__name__)


def chunk_key(chunk: Chunk) -> str:
    return f"{chunk.chunk_id}:{hashlib.sha1(chunk.text.encode('utf-8')).hexdigest()[:16]}"


def cache_path(settings: Settings, model: str) -> Path:
    return settings.data_dir / "vectors" / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', model)}.npz"


def chunk_vectors(settings: Settings, model: str, chunks: list[Chunk]) -> np.ndarray:
    """One row per chunk, in the order given, L2-normalised; missing rows are embedded and the cache saved."""
    path = cache_path(settings, model)
    cached: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as data:
            cached = dict(zip(data["keys"].tolist(), data["vectors"]))
    keys = [chunk_key(c) for c in chunks]
    missing = [n for n, k in enumerate(keys) if k not in cached]
    if missing:
        log.info("embedding %d chunks with %s", len(missing), model)
        embedder = get_embedder(model)
        fresh = embedder.encode_documents([chunks[n].text for n in missing])
        for n, v in zip(missing, fresh):
            cached[keys[n]] = v
    if not chunks:
        return np.zeros((0, 0), dtype=np.float32)
    matrix = np.stack([cached[k] for k in keys]).astype(np.float32)
    if missing or len(cached) != len(keys):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=matrix)
        tmp.replace(path)
    return matrix
