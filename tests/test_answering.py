"""Extractive answers: verbatim quotes with places, the question's language, abstention when weak."""
from __future__ import annotations

import re

from assistant.answering import SentencePicker, sentences_of
from assistant.models import Passage
from indexing.models import Chunk
from assistant.sessions import Session
from indexing.cleaning import clean_document
from indexing.loaders import load_document


def cleaned_text(library, file_name):
    return clean_document(load_document(library.settings.corpus_dir / file_name)).text


def test_every_quote_is_a_verbatim_span_of_the_cleaned_source_at_its_offsets(library):
    texts = {}
    for q in ("What must States do about digital evidence according to the resolution?",
              "ما التحديات التي تواجه إنفاذ القانون بسبب التشفير؟"):
        answer = library.ask(q)
        assert answer.citations and not answer.abstained
        for c in answer.citations:
            text = texts.setdefault(c.file_name, cleaned_text(library, c.file_name))
            assert text[c.start: c.end] == c.quote
            assert c.title and (c.label or c.file_name)


def test_answer_is_introduced_in_the_questions_language_with_numbered_citations(library):
    en = library.ask("What does the resolution ask internet service providers to do?")
    assert en.language == "en" and en.intro == "The documents say:"
    ar = library.ask("ماذا يطلب القرار من مقدمي خدمات الإنترنت؟")
    assert ar.language == "ar" and ar.intro == "تنص الوثائق على ما يلي:"
    for answer in (en, ar):
        grouped = [c.n for g in answer.groups for c in g.citations]
        assert grouped == [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
        assert [g.doc_id for g in answer.groups] == list(dict.fromkeys(c.doc_id for c in answer.citations))


def test_a_paragraph_question_quotes_that_paragraph_with_its_label(library):
    answer = library.ask("What does operative paragraph 3 of the resolution call upon Member States to do?")
    assert answer.citations[0].label == "OP 3"


def test_statistics_questions_bring_the_sentence_that_holds_the_number(library):
    answer = library.ask("كم عدد البلدان التي شملها استبيان مراجعة نموذج الاستجابة الوطنية؟")
    assert any(re.search(r"\d", c.quote) for c in answer.citations)


def test_off_topic_question_is_answered_with_a_plain_abstention(library):
    answer = library.ask("Which football club won the 1998 World Cup final?")
    assert answer.abstained and not answer.citations and not answer.groups
    assert answer.intro.startswith("The documents do not mention 1998.")  # the year the library never names
    assert "The documents do not answer this question" in answer.intro
    assert answer.passages  # the nearest passages are still shown
    ar = library.ask("ما هي أفضل وصفة لطهي الأرز بالزعفران؟")
    assert ar.abstained and ar.intro.startswith("لا تجيب الوثائق")


def test_question_in_another_language_is_answered_in_english_with_a_notice(library):
    answer = library.ask("Que dit la résolution sur la coopération internationale contre l'exploitation des enfants?")
    assert answer.language == "en" and "another language" in answer.notice


def test_follow_up_keeps_the_document_of_the_previous_turn(library):
    session = Session()
    first = library.ask("What does the Special Rapporteur report say about child sex tourism?", history=session)
    assert first.citations
    follow = library.ask("and what does paragraph 5 add?", history=session)
    assert follow.passages[0].chunk.doc_id == "sr-report-a-hrc-28-56"
    assert follow.passages[0].chunk.label == "para. 5"


def test_sentences_never_cross_a_bracketed_footnote_marker():
    text = "وإن تشير إلى اتفاقية حقوق الطفل⁽¹⁾ والبروتوكول الاختياري الملحق بها بشأن بيع الأطفال،"
    spans = [text[s:e] for s, e in sentences_of(text)]
    assert all("⁽" not in s and "⁾" not in s and "¹" not in s for s in spans)
    assert spans[0].endswith("حقوق الطفل")


def test_a_fragment_left_by_a_pdf_line_cut_is_quoted_with_the_sentence_that_carries_it_on():
    text = ("The report defines social validation as live-streaming . 3 of sexual performances by children on webcams "
            "to collect likes and validation from viewers.\nDeception is when a child is tricked by an adult.")
    passage = Passage(Chunk("d#1", "d", text, text, 0, len(text), 0), score=1.0)
    picked = SentencePicker().pick("What does social validation mean?", "", [passage], max_sentences=1, per_passage=3)
    assert picked[0].text.startswith("The report defines social validation")
    assert picked[0].text.endswith("validation from viewers.")  # carried on, but not across the line break
    assert text[picked[0].start: picked[0].end] == picked[0].text


def test_an_arabic_question_made_of_words_the_library_never_uses_abstains(library):
    answer = library.ask("كيف أصنع كعكة الشوكولاتة في البيت؟")
    assert answer.abstained and not answer.citations


def test_unknown_share_counts_the_words_the_library_lacks():
    from assistant.answering import unknown_share
    from indexing.language import search_terms

    vocabulary = set(search_terms("حماية الأطفال من الاستغلال"))
    assert unknown_share("حماية الأطفال", vocabulary) == 0.0
    assert unknown_share("وصفة الأرز", vocabulary) == 1.0
    assert unknown_share("2019", vocabulary) == 0.0


# --------------------------------------------------------------------------------------------------
# Locators: the page a quote starts on, the paragraph's place, in the asker's language
# --------------------------------------------------------------------------------------------------

PDF_PAGES = [  # one paragraph running over three pages: the chunk spans them all
    ["Hotlines receive reports of abusive images from the public.", "Analysts then trace the servers"],
    ["that host them in other countries.", "Livestreamed abuse leaves no file for a hotline to find."],
    ["Payments for it are small and hard to flag.", "Banks now train staff to notice them."],
]


def test_each_quote_of_a_multi_page_pdf_is_cited_with_the_page_it_starts_on(tmp_path):
    from conftest import make_pdf

    from assistant import Assistant
    from assistant.answering import Sentence, build_citations
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
