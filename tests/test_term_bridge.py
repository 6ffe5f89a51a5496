"""The word bridge: an English question's everyday words reach the library's Arabic words through the encoder."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.term_bridge import TermBridge
from indexing.embedding import get_embedder


def _arabic(library):
    return [c for c in library.retriever.chunks if c.language == "ar"]


def test_an_english_word_finds_its_arabic_translation_among_the_librarys_words(library, tmp_path):
    bridge = TermBridge(get_embedder("use-m3"), _arabic(library), tmp_path / "bridge.npz", min_count=2)
    assert "الشركات" in bridge.words
    assert "الشركات" in bridge.terms("which companies?", per_word=2, min_cos=0.7)
    assert all(w in bridge.words for w in bridge.terms("what should internet companies publish", 2, 0.7))


def test_only_latin_content_words_are_bridged_and_a_high_floor_keeps_out_loose_matches(library, tmp_path):
    bridge = TermBridge(get_embedder("use-m3"), _arabic(library), tmp_path / "bridge.npz", min_count=2)
    assert bridge.terms("ما هي الشركات", 2, 0.7) == []  # an Arabic question needs no bridge
    assert bridge.terms("what is the", 2, 0.7) == []  # stopwords only
    assert bridge.terms("companies", 2, 1.01) == []
    assert len(bridge.terms("companies", 1, 0.0)) == 1


def test_words_naming_the_form_of_the_answer_are_not_bridged(library, tmp_path):
    bridge = TermBridge(get_embedder("use-m3"), _arabic(library), tmp_path / "bridge.npz", min_count=2)
    assert bridge.terms("which paragraph, pls give me the figure for my slide", 2, 0.0) == []
    assert bridge.terms("figure on companies", 2, 0.7) == bridge.terms("companies", 2, 0.7) != []


def test_the_word_vectors_are_cached_and_a_new_word_alone_is_embedded(library, tmp_path):
    chunks = _arabic(library)[:20]
    cache = tmp_path / "bridge.npz"
    first = TermBridge(get_embedder("use-m3"), chunks, cache, min_count=1)
    assert cache.exists()

    class Counting:
        def __init__(self, inner):
            self.inner, self.embedded = inner, []

        def encode_documents(self, texts):
            self.embedded.extend(texts)
            return self.inner.encode_documents(texts)

    counting = Counting(get_embedder("use-m3"))
    grown = [replace(chunks[0], text=chunks[0].text + " كلمجديدتماما")] + chunks[1:]
    second = TermBridge(counting, grown, cache, min_count=1)
    assert counting.embedded == ["كلمجديدتماما"]
    shared = [second.words.index(w) for w in first.words]
    assert np.allclose(second.vectors[shared], first.vectors, atol=1e-5)


def test_an_english_question_carries_the_bridged_arabic_words_apart_from_the_glossarys(library):
    retrieval = library.retriever.retrieve("what should tech companies publish regularly?")
    assert "الشركات" in retrieval.bridged.split() and "الشركات" not in retrieval.expansion.split()
    assert library.retriever.retrieve("ماذا تنشر الشركات؟").bridged == ""


def test_a_word_is_looked_up_once_and_the_same_question_gets_the_same_words_again(library, tmp_path):
    embedder = get_embedder("use-m3")
    bridge = TermBridge(embedder, _arabic(library), tmp_path / "bridge.npz", min_count=2)
    encoded: list[list[str]] = []
    real = embedder.encode_documents

    def counting(texts):
        encoded.append(list(texts))
        return real(texts)

    bridge.embedder = type("Counting", (), {"encode_documents": staticmethod(counting)})()
    first = bridge.lookup("what should internet companies publish", 2, 0.7)
    again = bridge.lookup("what should internet companies publish", 2, 0.7)
    assert again == first and len(encoded) == 1  # the second time, nothing is embedded
    bridge.lookup("which companies publish reports", 2, 0.7)
    assert encoded[-1] == ["reports"]  # only the word no earlier question had
    assert bridge.lookup("companies", 2, 1.01).nearest == []  # another floor is another look-up
