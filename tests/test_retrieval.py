"""Retrieval over the whole bundled corpus with the real model: references, scoping, both languages."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant.models import Filters
from conftest import retriever_with


def top(library, question, **kw):
    return library.retrieve(question, **kw).passages


@pytest.mark.parametrize(
    "question, doc_id, label",
    [
        ("What does OP 19 ask of UNODC?", "ga-resolution-2022", "OP 19"),
        ("operative paragraph 4 of the resolution", "ga-resolution-2022", "OP 4"),
        ("ما الذي تنص عليه الفقرة 19 من منطوق القرار؟", "ga-resolution-2022", "OP 19"),
        ("ما الذي تنص عليه الفقرة ١٢ من منطوق القرار؟", "ga-resolution-2022", "OP 12"),
        ("Summarise paragraph 77 of A/HRC/28/56", "sr-report-a-hrc-28-56", "para. 77"),
        ("para 51 of the Special Rapporteur report", "sr-report-a-hrc-28-56", "para. 51"),
        ("What does the last operative paragraph of the resolution call for?", "ga-resolution-2022", "OP 22"),
        ("preambular paragraph 3 of the resolution", "ga-resolution-2022", "PP 3"),
    ],
)
def test_a_named_paragraph_comes_first_whatever_the_embeddings_say(library, question, doc_id, label):
    first = top(library, question)[0]
    assert (first.chunk.doc_id, first.chunk.label) == (doc_id, label)
    assert first.why[0].startswith("reference")


def test_a_named_document_restricts_the_search_to_it(library):
    passages = top(library, "What does the MNR review say about helplines for children?")
    assert {p.chunk.doc_id for p in passages} == {"mnr-review-2022"}
    passages = top(library, "ما الذي يقوله تقرير المقررة الخاصة عن السياحة الجنسية؟")
    assert {p.chunk.doc_id for p in passages} == {"sr-report-a-hrc-28-56"}


def test_a_name_another_documents_title_also_holds_widens_the_scope_to_it_but_only_that_name():
    from assistant.references import ReferenceParser
    from indexing.models import DocumentMeta

    metas = [
        DocumentMeta("report", "report.txt", title_en="Annual report of the Ombudsperson",
                     short_names=("the Ombudsperson", "Ombudsperson report")),
        DocumentMeta("reply", "reply.txt", title_en="Reply of Ruritania to the Ombudsperson's questionnaire",
                     short_names=("Ruritania",)),
        DocumentMeta("other", "other.txt", title_en="A survey of hotlines", short_names=("the survey",)),
    ]
    parser = ReferenceParser(metas)
    shared = parser.parse("When did the Ombudsperson ask for replies?")
    assert (shared.doc_ids, shared.also) == (["report"], ["reply"])
    distinct = parser.parse("What does the Ombudsperson report recommend?")
    assert (distinct.doc_ids, distinct.also) == (["report"], [])
    assert parser.parse("What does the survey find?").also == []


def test_a_shared_name_searches_both_documents_with_the_one_it_names_first(library):
    passages = top(library, "What does the Special Rapporteur say about webcams and live streaming?", k=20)
    docs = [p.chunk.doc_id for p in passages]
    assert docs[0] == "sr-report-a-hrc-28-56"
    assert set(docs) == {"sr-report-a-hrc-28-56", "qatar-submission-2024"}


def test_an_arabic_country_adjective_names_that_countrys_submission_but_an_indefinite_one_does_not(library):
    parser = library.retriever.parser
    assert parser.documents("ما الذي تقترحه التوصيات القطرية بشأن الإبلاغ؟") == ["qatar-submission-2024"]
    assert parser.documents("ما الذي تعتزمه المقررة الخاصة في زيارات قطرية؟") == ["sr-report-a-hrc-28-56"]


def test_an_english_peoples_name_names_that_countrys_submission(library):
    parser = library.retriever.parser
    for question in ("what do the Qataris want tech companies to do?", "the qatari paper on hotlines"):
        assert parser.documents(question) == ["qatar-submission-2024"]
        assert "qatar" not in parser.without_names(question)
    assert parser.documents("what about Syrians in camps?") == []  # no document is Syria's


def test_the_rapporteur_alone_names_her_report_in_arabic_as_in_english(library):
    parser = library.retriever.parser
    assert parser.documents("شو بتقول المقررة عن الكاميرات؟") == parser.documents("what does the rapporteur say?")
    assert set(parser.documents("الفرق بين تقرير المقررة والقرار")) == {"sr-report-a-hrc-28-56", "ga-resolution-2022"}


@pytest.mark.parametrize("seed", ["1", "2", "3"])
def test_a_longer_document_name_is_taken_out_of_the_lexical_query_whole_in_every_process(seed):
    # Name patterns used to follow a set's order, which changes with the hash seed of each process.
    code = (
        "from assistant.references import ReferenceParser\n"
        "from indexing.catalogue import load_catalogue\n"
        "from indexing.config import Settings\n"
        "metas = list(load_catalogue(Settings().catalogue_path).values())\n"
        "print(ReferenceParser(metas).without_names('ما الذي يقوله تقرير المقررة الخاصة عن السياحة الجنسية؟'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": seed}).stdout
    assert "تقرير" not in out and "المقرره" not in out and "السياحه" in out


def test_filters_by_document_kind_and_year(library):
    by_kind = top(library, "international cooperation", filters=Filters(kinds=("threat assessment",)))
    assert by_kind and {p.chunk.doc_id for p in by_kind} == {"gta-2019"}
    by_year = top(library, "international cooperation", filters=Filters(years=(2024,)))
    assert by_year and {p.chunk.doc_id for p in by_year} == {"qatar-submission-2024"}
    by_doc = top(library, "التعاون الدولي", filters=Filters(doc_ids=("sr-report-a-hrc-28-56",)))
    assert {p.chunk.doc_id for p in by_doc} == {"sr-report-a-hrc-28-56"}


def test_an_english_question_finds_the_arabic_passage(library):
    passages = top(library, "Which countries did the Special Rapporteur ask to visit, and which ones replied positively?")
    texts = [p.chunk.text for p in passages[:5]]
    assert any("أرمينيا" in t and "جورجيا" in t for t in texts)


def test_an_arabic_question_finds_the_english_passage(library):
    passages = top(library, "ما تاريخ المذكرة التي أرسلتها البعثة الدائمة لدولة قطر في جنيف؟")
    assert any("Geneva, 14th May 2024" in p.chunk.text for p in passages[:5])


def test_the_english_words_of_an_arabic_question_are_bridged_to_the_librarys_arabic(library, tmp_path):
    question = "ليش بيستعملوا كلمة companies بالتقرير؟"
    got = library.retrieve(question)
    assert got.bridged and all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in got.bridged)
    assert set(got.bridged.split()) <= set(got.lexical_query.split())
    english_only = retriever_with(library, tmp_path, bridge_languages=["en"]).retrieve(question)
    assert english_only.bridged == ""


def test_a_question_asking_whom_to_contact_lifts_passages_naming_a_hotline_unless_turned_off(library, tmp_path):
    question = "whom should a family in Qatar call to report abuse of a child?"
    got = library.retrieve(question)
    assert any(w.startswith("fits contact") for p in got.passages for w in p.why)
    assert library.settings.retrieval.contact_terms in got.lexical_query  # a passage naming a hotline is a candidate
    off = retriever_with(library, tmp_path, contact_intent=False).retrieve(question)
    assert not any(w.startswith("fits contact") for p in off.passages for w in p.why)
    assert library.settings.retrieval.contact_terms not in off.lexical_query
    assert "contact" in got.intents and "contact" not in off.intents  # what the later stages act on


def test_neighbouring_paragraphs_are_available_for_context(library):
    op5 = library.paragraph("ga-resolution-2022", "OP 5")[0]
    before, after = library.neighbours(op5)
    assert before[-1].label == "OP 4" and after[0].label == "OP 6"


def test_results_come_with_the_reasons_they_were_found(library):
    passages = top(library, "livestreaming of child sexual abuse for payment")
    assert len(passages) == 10
    assert all(p.why for p in passages)
    assert any(w.startswith("dense#") for p in passages for w in p.why)
    assert any(w.startswith("bm25#") for p in passages for w in p.why)


def test_a_second_dense_model_adds_its_ranking_for_the_languages_it_is_set_for(library, tmp_path):
    # use-m3 as the "second" model: its list must be the first dense list, rank for rank
    retriever = retriever_with(library, tmp_path, second_dense_model="use-m3", second_dense_weight=0.5)
    got = retriever.retrieve("Which countries did the Special Rapporteur ask to visit?")
    for p in got.passages:
        dense = [w.split("#")[1] for w in p.why if w.startswith("dense#")]
        dense2 = [w.split("#")[1] for w in p.why if w.startswith("dense2#")]
        assert dense == dense2
    assert any(w.startswith("dense2#") for p in got.passages for w in p.why) and "dense2_ms" in got.timings
    question = "ما تاريخ المذكرة التي أرسلتها البعثة الدائمة لدولة قطر في جنيف؟"
    assert any(w.startswith("dense2#") for p in retriever.retrieve(question).passages for w in p.why)
    english_only = retriever_with(library, tmp_path, second_dense_model="use-m3", second_dense_weight=0.5,
                                  second_dense_languages=["en"])
    assert not any(w.startswith("dense2#") for p in english_only.retrieve(question).passages for w in p.why)


def test_the_nearest_sentences_chunks_join_the_fusion_for_english_questions(library, tmp_path):
    retriever = retriever_with(library, tmp_path, sentence_search_weight=0.5)
    got = retriever.retrieve("Which countries did the Special Rapporteur ask to visit, and which ones replied?")
    assert any(w.startswith("sentences#") for p in got.passages for w in p.why)
    assert any("أرمينيا" in p.chunk.text for p in got.passages[:5])
    arabic = retriever.retrieve("ما تاريخ المذكرة التي أرسلتها البعثة الدائمة لدولة قطر في جنيف؟")
    assert not any(w.startswith("sentences#") for p in arabic.passages for w in p.why)


def test_feedback_adds_the_arabic_hits_distinctive_terms_to_an_english_lexical_query(library, tmp_path):
    retriever = retriever_with(library, tmp_path, feedback_weight=0.5)
    question = "Which countries did the Special Rapporteur ask to visit?"
    got = retriever.retrieve(question)
    assert any(w.startswith("feedback#") for p in got.passages for w in p.why)
    arabic_top = [retriever.index_of[p.chunk.chunk_id] for p in got.passages if p.chunk.language == "ar"][:3]
    terms = retriever.lexical.feedback_terms(arabic_top, 8, exclude=retriever.lexical.query_terms(question))
    assert len(terms) == 8
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in t) for t in terms)  # the other language's words
    assert all(1 < sum(t in s for s in retriever.lexical._terms) for t in terms)  # none found in one chunk only
    assert "feedback_ms" not in library.retrieve(question).timings  # off by default


def test_documents_without_labels_are_looked_up_by_section_and_paragraph(library):
    r = library.retriever
    assert r.labels("gta-2019") == []
    keys = r.places("gta-2019")
    assert len(keys) >= 20 and all("¶ " in k for k in keys)
    assert sum(" › " in k for k in keys) >= 10  # most sit under a heading path
    for key in (keys[0], keys[len(keys) // 2], keys[-1]):
        found = r.at_place("gta-2019", key)
        assert found and all(c.doc_id == "gta-2019" for c in found)
    assert library.labels("gta-2019") == keys and library.paragraph("gta-2019", keys[1]) == r.at_place("gta-2019", keys[1])
    assert library.labels("ga-resolution-2022")[0].startswith("PP")  # labelled documents keep their labels


def test_a_latin_script_question_the_detector_calls_french_is_searched_as_english(library):
    from indexing.language import detect_language

    question = "Rapporteur recommendations on ISPs?"
    assert detect_language(question) != "en"  # the detector's call, which the search must not follow
    assert library.retrieve(question).language == "en"


def test_a_question_naming_two_documents_sees_each_ones_best_passages_in_turn():
    from assistant.retrieval import each_document_first
    from indexing.models import Chunk

    def chunk(cid):
        return Chunk(chunk_id=cid, doc_id=cid.split("#")[0], text=cid, search_text="", start=0, end=1, ordinal=0)

    ranked = ["a#1", "a#2", "a#3", "c#1", "b#1", "a#4", "b#2", "b#3"]
    by_id = {cid: chunk(cid) for cid in ranked}
    assert each_document_first(ranked, ["a", "b"], by_id, turns=1)[:3] == ["a#1", "b#1", "a#2"]
    assert each_document_first(ranked, ["a", "b"], by_id, turns=2)[:5] == ["a#1", "b#1", "a#2", "b#2", "a#3"]
    assert sorted(each_document_first(ranked, ["a", "b"], by_id, turns=2)) == sorted(ranked)  # nothing lost


def test_a_comparison_of_two_named_documents_quotes_both_in_the_top_passages(library):
    passages = top(library, "What do the resolution and the Qatar submission say about training police?", k=5)
    docs = [p.chunk.doc_id for p in passages[:4]]
    assert docs.count("ga-resolution-2022") >= 2 and docs.count("qatar-submission-2024") >= 2


def test_a_recommendation_question_naming_a_group_lifts_the_recommendations_addressed_to_it(library, tmp_path):
    question = "What does the threat assessment recommend that law enforcement agencies do?"
    got = library.retrieve(question).passages
    lifted = [p for p in got[:3] if "addressed to Law enforcement and justice" in p.why]
    assert lifted and "نظرة إلى الأمام" in lifted[0].chunk.section  # the GTA's "looking ahead" part
    off = retriever_with(library, tmp_path, addressee_weight=0.0).retrieve(question).passages
    assert not any(w.startswith("addressed to") for p in off for w in p.why)
    # a question that names no group, or asks no recommendation, is ranked as before
    plain = "How many reports of child sexual abuse material were made in 2018?"
    assert not any(w.startswith("addressed to") for p in library.retrieve(plain).passages for w in p.why)


def test_the_words_that_name_a_scoped_document_are_told_apart_from_what_is_asked(library):
    english = library.retrieve("What does Qatar say about parental control apps?")
    assert english.filters.doc_ids == ("qatar-submission-2024",)
    assert {"qatar", "قطر"} <= english.name_terms  # the name and the catalogue's Arabic form of it
    assert not english.name_terms & {"parent", "parental", "control", "app", "apps"}
    assert library.retrieve("ماذا تقول قطر عن تطبيقات الرقابة الأبوية؟").name_terms == {"قطر"}
    assert library.retrieve("parental control apps").name_terms == frozenset()  # no name, nothing set apart


def test_the_name_that_scopes_the_search_leaves_the_lexical_query_in_both_languages(library, tmp_path):
    question = "What does the GTA say about sextortion?"
    got = library.retrieve(question)
    assert got.filters.doc_ids == ("gta-2019",)
    assert "gta" not in got.lexical_query.lower() and "التهديد" not in got.lexical_query
    assert "ابتزاز" in got.lexical_query or "الابتزاز" in got.lexical_query  # what is asked about, translated
    assert "التهديد" in got.expansion  # the name's translation still stands for the answer's support
    kept = retriever_with(library, tmp_path, names_out_of_lexical_query=False).retrieve(question)
    assert "التهديد" in kept.lexical_query


def test_a_which_paragraph_question_lifts_numbered_paragraphs_in_both_languages(library, tmp_path):
    plain = retriever_with(library, tmp_path, term_list_weight=0.0)  # the intent alone, without the phrase list
    for question in ("paragraph about encryption", "اي فقرة بتحكي عن التعليم في المدارس"):
        got = plain.retrieve(question).passages[:5]
        lifted = [p for p in got if any(w.startswith("fits paragraph") for w in p.why)]
        assert lifted and all(p.chunk.label for p in lifted)
        off = retriever_with(library, tmp_path, term_list_weight=0.0, paragraph_intent=False).retrieve(question).passages[:5]
        assert sum(bool(p.chunk.label) for p in off) < sum(bool(p.chunk.label) for p in got)


def test_a_bare_heading_follows_every_passage_of_text_but_a_title_block_keeps_its_place(library):
    retriever = library.retriever
    question = "recommendations for internet service providers?"
    top = retriever.retrieve(question, k=5).passages
    assert not any(p.chunk.is_heading and len(p.chunk.text) <= 200 for p in top)
    kept = retriever.settings.retrieval
    retriever.settings.retrieval = kept.model_copy(update={"headings_last": False})
    try:
        before = retriever.retrieve(question, k=5).passages
    finally:
        retriever.settings.retrieval = kept
    assert any(p.chunk.is_heading for p in before)  # "باء- توصيات" and the like lie near a short question
    title = retriever.retrieve("draft resolution distribution limited, original language English: its cover page?", k=5)
    assert any(p.chunk.is_heading and len(p.chunk.text) > 200 for p in title.passages)


def test_what_a_resolution_urges_states_to_do_is_lifted_for_a_question_on_what_governments_are_urged_to_do(library):
    retriever = library.retriever
    asked = {retriever.by_id[cid].label: groups for cid, groups in retriever.asked_of.items()}
    assert asked["OP 4"] == {"States"} and "OP 19" not in asked and "OP 17" not in asked  # UNODC; a statement
    passages = top(library, "are governments urged to train judges? what should they do about evidence")
    lifted = [p for p in passages if "addressed to States" in p.why]
    assert lifted and any(p.chunk.label.startswith("OP ") for p in lifted)
    plain = top(library, "what should governments do about evidence")
    assert not any(p.chunk.label.startswith("OP ") and "addressed to States" in p.why for p in plain)


def test_what_is_required_of_a_group_other_than_states_is_read_from_the_recommendations_to_it(library, tmp_path):
    question = "ما المطلوب من شركات التكنولوجيا لحماية الأطفال؟"
    got = library.retrieve(question)
    assert got.addressee == "Private sector and internet service providers" and got.addressed
    assert any("addressed to Private sector and internet service providers" in p.why for p in got.passages[:5])
    off = retriever_with(library, tmp_path, non_state_obligations_recommended=False).retrieve(question)
    assert not off.addressed
    # what is required of States is what the binding texts oblige them to do: no recommendation prior
    states = library.retrieve("What are States required to do under the resolution?")
    assert not states.addressed and states.addressee == ""


def test_the_glossarys_article_less_forms_stand_for_the_answer_but_stay_out_of_the_lexical_query(library, tmp_path):
    question = "how many girls are exploited?"
    got = retriever_with(library, tmp_path, bridge_per_word=0).retrieve(question)  # the bridge may find "فتيات" too
    assert "فتيات" in got.expansion.split() and "الفتيات" in got.expansion.split()
    assert "فتيات" not in got.lexical_query.split() and "الفتيات" in got.lexical_query.split()
    both = retriever_with(library, tmp_path, bridge_per_word=0, glossary_bare_forms_in_query=True).retrieve(question)
    assert "فتيات" in both.lexical_query.split()


def test_the_root_list_joins_the_fusion_for_arabic_questions_when_weighted(library, tmp_path):
    question = "هل القرار يطلب من الدول تجريم الاستغلال؟"
    assert not any(w.startswith("roots#") for p in library.retrieve(question).passages for w in p.why)  # off
    got = retriever_with(library, tmp_path, root_weight=0.5).retrieve(question)
    assert any(w.startswith("roots#") for p in got.passages for w in p.why)
    english = retriever_with(library, tmp_path, root_weight=0.5).retrieve("does the resolution ask states to criminalise?")
    assert not any(w.startswith("roots#") for p in english.passages for w in p.why)


def test_the_verbal_nouns_of_an_arabic_questions_verbs_join_the_lexical_query_when_turned_on(library, tmp_path):
    question = "القرار بدو الدول تجرّم شو بالزبط؟"
    on = retriever_with(library, tmp_path, verbal_nouns=True).retrieve(question)
    assert "تجريم" in on.lexical_query.split()  # the resolution's word for it
    assert "تجريم" not in library.retrieve(question).lexical_query.split()  # shipped off


def test_passages_holding_the_questions_glossary_terms_as_phrases_join_the_fusion_unless_turned_off(library, tmp_path):
    question = "what does the resolution say about end-to-end encryption?"
    got = library.retrieve(question)
    assert any(w.startswith("terms#") for p in got.passages for w in p.why)
    off = retriever_with(library, tmp_path, term_list_weight=0.0).retrieve(question)
    assert not any(w.startswith("terms#") for p in off.passages for w in p.why)
