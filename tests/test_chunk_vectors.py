"""A second model's chunk vectors: cached once under the data folder, re-embedded only where chunks changed."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from indexing.chunk_vectors import bundled_path, cache_path, chunk_key, chunk_vectors
from indexing.config import Settings
from indexing.pipeline import index_library, open_store


def test_the_cache_holds_the_models_vectors_and_embeds_only_changed_chunks(library, tmp_path):
    settings = Settings(corpus_dir=library.settings.corpus_dir, data_dir=tmp_path)
    chunks = library.retriever.chunks[:12]
    first = chunk_vectors(settings, "use-m3", chunks)
    stored = library.store.vectors([c.chunk_id for c in chunks])
    # the same model as the store's: the cached rows are the stored vectors
    assert np.allclose(first, np.stack([stored[c.chunk_id] for c in chunks]), atol=1e-4)
    path = cache_path(settings, "use-m3")
    assert path.exists()
    changed = [replace(chunks[0], text=chunks[0].text + " Internet providers must report abuse.")] + chunks[1:]
    second = chunk_vectors(settings, "use-m3", changed)
    assert not np.allclose(second[0], first[0]) and np.allclose(second[1:], first[1:])
    with np.load(path) as data:
        assert len(data["keys"]) == len(changed)  # the old row of the changed chunk is dropped


def test_indexing_builds_the_second_models_vectors_when_one_is_set(small_library):
    settings = small_library.model_copy(
        update={"retrieval": small_library.retrieval.model_copy(update={"second_dense_model": "use-m3"})})
    report = index_library(settings, show_progress=False)
    path = cache_path(settings, "use-m3")
    with np.load(path) as data:
        assert len(data["keys"]) == report.total_chunks == open_store(settings).count()


def test_a_new_data_folder_takes_the_bundled_documents_vectors_from_the_corpus_and_embeds_only_what_changed(
        library, tmp_path):
    from indexing.embedding import get_embedder

    model = library.settings.retrieval.second_dense_model
    with np.load(bundled_path(model)) as data:
        bundled = dict(zip(data["keys"].tolist(), data["vectors"]))
    chunks = library.retriever.chunks[:6]
    changed = [replace(chunks[0], text="Internet providers must report abuse material to the police.")] + chunks[1:]
    rows = chunk_vectors(Settings(corpus_dir=library.settings.corpus_dir, data_dir=tmp_path), model, changed)
    assert all(np.array_equal(rows[n], bundled[chunk_key(c)]) for n, c in enumerate(chunks) if n)  # the shipped rows
    fresh = get_embedder(model).encode_documents([changed[0].text])[0]
    assert np.allclose(rows[0], fresh, atol=1e-5)  # the changed chunk embedded, not taken from the file
