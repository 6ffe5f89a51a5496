"""Chunk vectors of a second embedding model, cached in the data folder beside the Chroma store.

A second dense signal (e.g. e5-small beside the default USE) needs every chunk embedded once more; the
Chroma collection is tied to one model, so these rows live in one `.npz` per model under
`<data_dir>/vectors/`, keyed by chunk id and a hash of the chunk's text. Rebuilding after a change embeds
only the chunks whose key is new; rows of removed chunks are dropped.

The rows of the bundled documents ship in `corpus/vectors/` (written by `bench/bundle_vectors.py`): e5 takes
about 0.2 s a passage on two cores, so a fresh install, or a test's library in a new folder, would otherwise
spend minutes on vectors that never change. A row is taken from there only when its key (chunk id and text
hash) matches, so a changed chunker or document is simply embedded again.
"""
from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import numpy as np

from .config import PROJECT_ROOT, Settings
from .embedding import get_embedder
from .models import Chunk

log = logging.getLogger(__name__)

BUNDLED_VECTORS = PROJECT_ROOT / "corpus" / "vectors"


def chunk_key(chunk: Chunk) -> str:
    return f"{chunk.chunk_id}:{hashlib.sha1(chunk.text.encode('utf-8')).hexdigest()[:16]}"


def cache_path(settings: Settings, model: str) -> Path:
    return settings.data_dir / "vectors" / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', model)}.npz"


def bundled_path(model: str) -> Path:
    return BUNDLED_VECTORS / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', model)}.npz"


def load_rows(path: Path) -> dict[str, np.ndarray]:
    """A vector cache file's rows by key (empty when there is no file yet)."""
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as data:
        return dict(zip(data["keys"].tolist(), data["vectors"]))


def chunk_vectors(settings: Settings, model: str, chunks: list[Chunk]) -> np.ndarray:
    """One row per chunk, in the order given, L2-normalised; missing rows are embedded and the cache saved."""
    path = cache_path(settings, model)
    cached = load_rows(path)
    keys = [chunk_key(c) for c in chunks]
    missing = [n for n, k in enumerate(keys) if k not in cached]
    if missing:
        bundled = load_rows(bundled_path(model))
        cached.update({keys[n]: bundled[keys[n]] for n in missing if keys[n] in bundled})
        unbundled = [n for n in missing if keys[n] not in cached]
    else:
        unbundled = []
    if unbundled:
        log.info("embedding %d chunks with %s", len(unbundled), model)
        embedder = get_embedder(model)
        fresh = embedder.encode_documents([chunks[n].text for n in unbundled])
        for n, v in zip(unbundled, fresh):
            cached[keys[n]] = v
    if not chunks:
        return np.zeros((0, 0), dtype=np.float32)
    matrix = np.stack([cached[k] for k in keys]).astype(np.float32)
    if missing or len(cached) != len(keys):
        save_rows(path, keys, matrix)
    return matrix


def save_rows(path: Path, keys: list[str], matrix: np.ndarray) -> None:
    """Write a vector cache file whole, then move it into place, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, keys=np.array(keys), vectors=matrix)
    tmp.replace(path)
