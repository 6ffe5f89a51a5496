"""The library's Arabic words, each embedded once, for the English-Arabic word bridge.

An English question's everyday words ("publish", "regularly") reach the Arabic text through the nearest Arabic
words of the library in the multilingual encoder's space (assistant/term_bridge.py). Those word vectors are
built here, at index time, so no question pays for them: about 7,900 words take ~4 s on two cores. They are
cached under `<data_dir>/vectors/` keyed by the word itself, so adding a document embeds only its new words.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import numpy as np

from .chunk_vectors import cache_path, load_rows, save_rows
from .config import Settings
from .language import ARABIC_SCRIPT, STOPWORDS, tokens
from .models import Chunk

log = logging.getLogger(__name__)

_ARABIC = re.compile(f"[{ARABIC_SCRIPT}]")


def bridge_cache(settings: Settings) -> Path:
    return cache_path(settings, f"bridge-{settings.embedding.model}")


def library_words(chunks: list[Chunk], min_count: int, min_length: int = 3) -> list[str]:
    """Arabic search-form words of the non-English chunks used at least `min_count` times, stopwords left out."""
    counts = Counter(t for c in chunks if c.language != "en" for t in tokens(c.text)
                     if _ARABIC.search(t) and len(t) >= min_length and t not in STOPWORDS)
    return sorted(w for w, n in counts.items() if n >= min_count)


def word_vectors(words: list[str], cache: Path, embedder) -> np.ndarray:
    """One L2-normalised row per word, in the order given; only words missing from the cache are embedded."""
    cached = load_rows(cache)
    missing = [w for w in words if w not in cached]
    if missing:
        log.info("embedding %d library words for the English-Arabic bridge", len(missing))
        for w, v in zip(missing, embedder.encode_documents(missing)):
            cached[w] = v
    if not words:
        return np.zeros((0, 0), dtype=np.float32)
    matrix = np.stack([cached[w] for w in words]).astype(np.float32)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    if missing or len(cached) != len(words):
        save_rows(cache, words, matrix)
    return matrix
