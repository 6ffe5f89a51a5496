"""Property-based: whatever text comes in, chunks are verbatim slices of the cleaned text at their offsets,
in order, and every quote the answerer can take from them is a verbatim slice too."""
from __future__ import annotations

from conftest import source_doc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexing.sentences import sentences_of
from indexing.chunking import chunk_document
from indexing.cleaning import clean_document
from indexing.config import ChunkingSettings

# Pieces that exercise the cleaner's repairs and the chunker's structure detection, mixed with any text.
PIECES = st.sampled_from([
    "\n", "\n\n", " ", "،", ".", "؛", "-", "12-", "\n3 - ", "\n77-\n", ")", "(", ")المادة 3(", "الأطفال1", "⁽⁵⁾",
    "إن الجمعية العامة،", "\nوإن تشير", "\n1 - تحث الدول", "ثانياً- الأنشطة", "ألف- الزيارات", "١٢٣", "1,000",
    "ـــ", "ﻻ", "َ", "A/HRC/28/56", "# Heading", "\f", "\u00a0", "\t", "  ", "CSAM",
])
TEXT = st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=40)), min_size=1, max_size=60).map("".join)
SIZES = st.sampled_from([ChunkingSettings(), ChunkingSettings(max_chars=120, min_chars=30, overlap_chars=20)])


def _check(pages: list[str], chunk_settings: ChunkingSettings) -> None:
    clean = clean_document(source_doc("", name="doc.txt", pages=pages))
    chunks = chunk_document(clean, chunk_settings)
    last_ordinal = -1
    for c in chunks:
        assert 0 <= c.start < c.end <= len(clean.text)
        assert clean.text[c.start:c.end] == c.text
        assert c.text.strip()
        assert c.ordinal > last_ordinal
        last_ordinal = c.ordinal
        for s, e in sentences_of(c.text):
            assert c.text[s:e] == clean.text[c.start + s: c.start + e]
    if any(ch.isalnum() for ch in clean.text):
        assert chunks  # text with letters or digits is never silently dropped


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, size=SIZES)
def test_any_text_gives_chunks_that_are_exact_slices_at_their_offsets(text, size):
    _check([text], size)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=st.lists(TEXT, min_size=2, max_size=5), size=SIZES)
def test_multi_page_text_keeps_offsets_and_pages_in_order(pages, size):
    _check(pages, size)
    clean = clean_document(source_doc("", name="doc.pdf", pages=pages))
    starts = [s for s, _ in clean.page_starts]
    assert starts == sorted(starts)
    pages_of_chunks = [c.page for c in chunk_document(clean, size) if c.page is not None]
    assert pages_of_chunks == sorted(pages_of_chunks)
