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


def test_statistics_questions_bring_the_sentence_that_holds_the_number(library):
    answer = library.ask("كم عدد البلدان التي شملها استبيان مراجعة نموذج الاستجابة الوطنية؟")
    assert any(re.search(r"\d", c.quote) for c in answer.citations)


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


def test_unknown_share_counts_the_words_the_library_lacks():
    from assistant.answering import unknown_share
    from indexing.language import search_terms

    vocabulary = set(search_terms("حماية الأطفال من الاستغلال"))
    assert unknown_share("حماية الأطفال", vocabulary) == 0.0
    assert unknown_share("وصفة الأرز", vocabulary) == 1.0
    assert unknown_share("2019", vocabulary) == 0.0
