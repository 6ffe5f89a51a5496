"""The Assistant end to end: verbatim quotes with places, the question's language, notices, follow-ups."""
from __future__ import annotations

import re

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
    assert follow.read_with == first.question and not first.read_with


def test_a_question_that_stands_alone_is_not_read_with_the_previous_one(library):
    session = Session()
    library.ask("What does operative paragraph 10 of the resolution ask of Member States?", history=session)
    alone = library.ask("What is sextortion?", history=session)
    assert alone.read_with == "" and not any("previous" in n for n in alone.notices)


def test_an_assistant_sees_a_document_another_process_added_once_it_checks_the_manifest(small_library, tmp_path):
    from conftest import EDITOR_TOKEN

    from assistant import Assistant

    reader = Assistant(small_library)
    reader.index(show_progress=False)
    assert not reader.refresh_if_changed()  # nothing changed: no rebuild
    note = tmp_path / "ostrava-note.txt"
    note.write_text("The Ostrava charter asks schools to name a digital-safety lead in every district.", encoding="utf-8")
    Assistant(small_library).add_files([note], token=EDITOR_TOKEN)  # another replica's upload
    question = "What does the Ostrava charter ask schools to name?"
    assert not any("Ostrava" in p.chunk.text for p in reader.retrieve(question).passages)
    assert reader.refresh_if_changed()
    assert any("Ostrava" in p.chunk.text for p in reader.retrieve(question).passages)
    assert not reader.refresh_if_changed()


def test_a_documents_footnotes_are_its_fn_passages_in_order(library):
    notes = library.footnotes("ga-resolution-2022")
    assert [n.label for n in notes[:3]] == ["fn. 1", "fn. 2", "fn. 3"]
    assert library.footnotes("sr-report-a-hrc-28-56") == [] and library.footnotes("no-such-doc") == []


def test_warm_up_reads_what_a_first_question_would_wait_for(library):
    from assistant.question import _countries

    library.warm_up()
    assert _countries.cache_info().currsize == 1
    assert set(library.retriever.sentences._cache) == {c.chunk_id for c in library.retriever.chunks}
    assert library.figures() is library.figures()  # built once, not on the first figure question
