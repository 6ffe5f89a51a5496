"""Composing citations: each quote located where it starts (page, paragraph's place), in the asker's language."""
from __future__ import annotations

from assistant.models import Passage

PDF_PAGES = [  # one paragraph running over three pages: the chunk spans them all
    ["Hotlines receive reports of abusive images from the public.", "Analysts then trace the servers"],
    ["that host them in other countries.", "Livestreamed abuse leaves no file for a hotline to find."],
    ["Payments for it are small and hard to flag.", "Banks now train staff to notice them."],
]


def test_each_quote_of_a_multi_page_pdf_is_cited_with_the_page_it_starts_on(tmp_path):
    from conftest import make_pdf

    from assistant import Assistant
    from assistant.composing import build_citations
    from assistant.sentence_picker import Sentence
    from indexing.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pdf(corpus / "pages.pdf", PDF_PAGES, title="Hotline Practice Review")
    assistant = Assistant(Settings(corpus_dir=corpus, data_dir=tmp_path / "data"))
    assert not assistant.index(show_progress=False).failed
    chunks = assistant.retriever.by_doc["pages"]  # read back from the Chroma store
    # (page, paragraph): a sentence ends each paragraph, the second runs from page 1 onto page 2
    expected = {"Hotlines receive reports": (1, 1), "Analysts then trace": (1, 2), "that host them": (2, 2),
                "Livestreamed abuse": (2, 3), "Payments for it": (3, 4), "Banks now train": (3, 5)}
    assert any(c.page_starts for c in chunks)  # the paragraph crosses page breaks
    for phrase, (page, n) in expected.items():
        chunk = next(c for c in chunks if phrase in c.text)
        at = chunk.text.index(phrase)
        (cite,) = build_citations([Sentence(Passage(chunk, 1.0), at, at + len(phrase), 1.0)], "en")
        assert cite.page == page, phrase
        assert cite.locator.endswith(f"¶ {n}, p. {page}"), cite.locator
        (cite_ar,) = build_citations([Sentence(Passage(chunk, 1.0), at, at + len(phrase), 1.0)], "ar")
        assert cite_ar.locator.endswith(f"الفقرة {n}، ص {page}"), cite_ar.locator


def test_every_citation_of_the_unnumbered_documents_carries_a_section_and_paragraph(library):
    for question, doc in [("What does the threat assessment say about livestreaming?", "gta-2019"),
                          ("ما هي مجالات نموذج الاستجابة الوطنية؟", "mnr-review-2022"),
                          ("What measures has Qatar taken against online child sexual exploitation?",
                           "qatar-submission-2024")]:
        answer = library.ask(question)
        cites = [c for c in answer.citations if c.doc_id == doc]
        assert cites, (question, [c.doc_id for c in answer.citations])
        paragraph = "الفقرة" if answer.language == "ar" else "¶"
        for c in cites:
            assert c.locator and c.locator != c.title and paragraph in c.locator, c.locator


def test_arabic_answers_use_arabic_titles_and_labels_english_ones_english(library):
    ar = library.ask("ماذا تنص الفقرة 4 من منطوق القرار؟")
    en = library.ask("What does OP 4 of the resolution urge?")
    ar_cite = next(c for c in ar.citations if c.label == "OP 4")
    en_cite = next(c for c in en.citations if c.label == "OP 4")
    assert ar_cite.locator.startswith("الفقرة 4 من المنطوق") and en_cite.locator.startswith("OP 4")
    chunk = next(c for c in library.retriever.by_doc[ar_cite.doc_id] if c.chunk_id == ar_cite.chunk_id)
    assert chunk.title_ar and ar_cite.title == chunk.title_ar and en_cite.title == chunk.title


def test_the_best_passage_of_a_document_is_quoted_first_and_each_passage_reads_in_text_order():
    from assistant.composing import reading_order
    from assistant.sentence_picker import Sentence
    from indexing.models import Chunk

    early = Passage(Chunk("d#1", "d", "One. Two. Three.", "", 0, 16, 0), 0.5)
    later = Passage(Chunk("d#2", "d", "Four. Five.", "", 100, 111, 1), 0.9)
    other = Passage(Chunk("e#1", "e", "Six.", "", 0, 4, 0), 0.4)
    picked = [Sentence(later, 6, 11, 3.0), Sentence(early, 10, 16, 2.0), Sentence(other, 0, 4, 1.5),
              Sentence(early, 0, 4, 1.0), Sentence(later, 0, 5, 0.5)]
    assert [s.text for s in reading_order(picked)] == ["Four.", "Five.", "One.", "Three.", "Six."]


def test_a_sentence_asked_to_lead_comes_first_then_its_passage_and_document():
    from assistant.composing import reading_order
    from assistant.sentence_picker import Sentence
    from indexing.models import Chunk

    early = Passage(Chunk("d#1", "d", "One. Two. Three.", "", 0, 16, 0), 0.5)
    other = Passage(Chunk("e#1", "e", "Six. Seven.", "", 0, 11, 0), 0.4)
    defining = Sentence(other, 5, 11, 1.5)
    picked = [Sentence(early, 0, 4, 3.0), Sentence(other, 0, 4, 2.0), defining, Sentence(early, 10, 16, 1.0)]
    assert [s.text for s in reading_order(picked, [defining])] == ["Seven.", "Six.", "One.", "Three."]
