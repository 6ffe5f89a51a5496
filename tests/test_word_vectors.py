"""The library's Arabic words are embedded at index time, so no question waits for them."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from indexing.word_vectors import bridge_cache, library_words, word_vectors
from indexing.chunk_vectors import load_rows


def test_indexing_writes_a_vector_for_every_arabic_library_word(library):
    settings = library.settings
    words = library_words(library.retriever.chunks, settings.retrieval.bridge_min_count)
    rows = load_rows(bridge_cache(settings))
    assert len(words) > 1000 and set(words) <= set(rows)
    assert "الشركات" in rows and all(len(v) == len(rows["الشركات"]) for v in rows.values())


def test_library_words_skip_english_chunks_stopwords_short_and_rare_words(library):
    chunks = library.retriever.chunks
    arabic = next(c for c in chunks if c.language == "ar")
    english = next(c for c in chunks if c.language == "en")
    text = "الشركات الشركات في من ال الانترنت"
    words = library_words([replace(arabic, text=text), replace(english, text="companies الشركات")], min_count=2)
    assert words == ["الشركات"]
    assert "الانترنت" in library_words([replace(arabic, text=text)], min_count=1)


def test_word_vectors_are_unit_rows_in_the_order_asked(library, tmp_path):
    rows = word_vectors(["نشر", "الشركات"], tmp_path / "w.npz", library.retriever.embedder)
    assert rows.shape[0] == 2 and np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    again = word_vectors(["الشركات", "نشر"], tmp_path / "w.npz", library.retriever.embedder)
    assert np.allclose(again[0], rows[1]) and np.allclose(again[1], rows[0])
