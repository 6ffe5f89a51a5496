"""English words to the library's own Arabic words, through the multilingual encoder (a word-level bridge).

The glossary lists the field's terms in both languages, but an English question also uses everyday words
("publish", "regularly", "covid", "restricting") that no glossary holds, and BM25 cannot match them against
Arabic text. The multilingual encoder places a single English word near its Arabic translation (publish ->
نشر at cosine 0.87, companies -> الشركات 0.93), so every Arabic word the library uses is embedded once and an
English question's content words are looked up among them: the nearest Arabic words above a cosine floor join
the lexical query. The vocabulary comes from the documents themselves, so it grows with the library.
Word vectors are cached in the data folder keyed by the word, so a rebuild embeds only new words.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import numpy as np

from indexing.chunk_vectors import load_rows, save_rows
from indexing.language import ARABIC_SCRIPT, STOPWORDS, tokens
from indexing.models import Chunk

log = logging.getLogger(__name__)

_ARABIC = re.compile(f"[{ARABIC_SCRIPT}]")
_LATIN_WORD = re.compile(r"^[a-z][a-z\-]+$")


class TermBridge:
    def __init__(self, embedder, chunks: list[Chunk], cache: Path, min_count: int, min_length: int = 3):
        self.embedder, self.min_length = embedder, min_length
        counts = Counter(t for c in chunks if c.language != "en" for t in tokens(c.text)
                         if _ARABIC.search(t) and len(t) >= min_length and t not in STOPWORDS)
        self.words = sorted(w for w, n in counts.items() if n >= min_count)
        self.vectors = self._vectors(cache)

    def _vectors(self, cache: Path) -> np.ndarray:
        cached = load_rows(cache)
        missing = [w for w in self.words if w not in cached]
        if missing:
            log.info("embedding %d library words for the English-Arabic bridge", len(missing))
            for w, v in zip(missing, self.embedder.encode_documents(missing)):
                cached[w] = v
        if not self.words:
            return np.zeros((0, 0), dtype=np.float32)
        matrix = np.stack([cached[w] for w in self.words]).astype(np.float32)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        if missing or len(cached) != len(self.words):
            save_rows(cache, self.words, matrix)
        return matrix

    def terms(self, question: str, per_word: int, min_cos: float) -> list[str]:
        """The library's Arabic words nearest the question's English content words, `per_word` at most each."""
        words = list(dict.fromkeys(t for t in tokens(question) if _LATIN_WORD.match(t) and t not in STOPWORDS
                                   and len(t) >= self.min_length))
        if not words or not len(self.words):
            return []
        sims = self.embedder.encode_documents(words).astype(np.float32) @ self.vectors.T
        out: list[str] = []
        for row in sims:
            for j in np.argsort(-row)[:per_word]:
                if row[j] >= min_cos:
                    out.append(self.words[j])
        return list(dict.fromkeys(out))
