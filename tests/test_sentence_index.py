"""First-stage search over all stored sentence vectors: chunks ordered by their nearest sentence."""
from __future__ import annotations

import numpy as np

from assistant.sentence_index import SentenceSearch


def test_chunks_come_in_the_order_of_their_nearest_sentence(library):
    chunks = library.retriever.chunks
    search = SentenceSearch(library.store, [c.chunk_id for c in chunks])
    q = library.retriever.embedder.encode_query("Which countries did the Special Rapporteur ask to visit?")
    stored = library.store.sentence_vectors([c.chunk_id for c in chunks])
    best = {cid: max(float(v @ q) for _, _, v in rows) for cid, rows in stored.items()}
    expected = sorted(best, key=lambda cid: -best[cid])[:10]
    got = search.nearest_chunks(q, 10)
    assert [cid for cid, _ in got] == expected
    assert abs(got[0][1] - best[expected[0]]) < 1e-4


def test_a_mask_keeps_the_search_inside_the_admitted_chunks(library):
    chunks = library.retriever.chunks
    search = SentenceSearch(library.store, [c.chunk_id for c in chunks])
    mask = np.array([c.doc_id == "ga-resolution-2022" for c in chunks])
    q = library.retriever.embedder.encode_query("reporting duties of internet service providers")
    got = search.nearest_chunks(q, 15, mask=mask)
    assert len(got) == 15 and all(cid.startswith("ga-resolution-2022#") for cid, _ in got)
