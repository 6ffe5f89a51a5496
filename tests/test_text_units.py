"""The small text rules retrieval and answers lean on: sentence spans, endnote noise, question intents."""
from __future__ import annotations

import pytest

from assistant.intent import passage_fit, question_intents
from indexing.bibliography import bibliographic_share, is_bibliographic, without_bibliography
from indexing.sentences import quote_spans, sentences_of, split_long


def spans(text):
    return [text[s:e] for s, e in sentences_of(text)]


def test_a_decimal_point_does_not_end_a_sentence_but_a_full_stop_does():
    text = "Reports rose to 2.88 million in 2019. Most came from one platform."
    assert spans(text) == ["Reports rose to 2.88 million in 2019.", "Most came from one platform."]


def test_arabic_sentences_end_at_arabic_punctuation_and_line_breaks():
    text = "تحث الدول الأعضاء على التعاون؛ وتطلب إلى المكتب تقديم تقرير؟\nالفقرة التالية تبدأ هنا"
    assert spans(text) == ["تحث الدول الأعضاء على التعاون؛", "وتطلب إلى المكتب تقديم تقرير؟", "الفقرة التالية تبدأ هنا"]


def test_a_long_list_sentence_is_cut_at_commas_into_verbatim_pieces():
    text = "، ".join(f"البند رقم {i} من القائمة الطويلة" for i in range(40)) + "."
    pieces = quote_spans(text)
    assert len(pieces) > 1 and all(e - s <= 420 for s, e in pieces)
    assert all(text[s:e] for s, e in pieces) and pieces == sorted(pieces)
    assert split_long(text, 0, 50) == [(0, 50)]  # short enough: left whole


@pytest.mark.parametrize("sentence", [
    "Available at: https://www.europol.europa.eu/iocta-report (accessed 12 March 2019).",
    "متاح على الموقع www.unicef.org/reports تمت الزيارة في 3 أيار/مايو 2019",
    "org/child-model-national-response uk/government/publications",
])
def test_endnote_links_and_access_dates_are_bibliographic(sentence):
    assert is_bibliographic(sentence)


@pytest.mark.parametrize("sentence", [
    "See the report of the Special Rapporteur (A/HRC/28/56) on the sale of children.",
    "States and/or industry should share hashes of known material.",
    "تحث الدول الأعضاء على تعزيز التعاون الدولي لمكافحة الاستغلال الجنسي للأطفال.",
])
def test_prose_and_un_symbols_are_not_bibliographic(sentence):
    assert not is_bibliographic(sentence) and bibliographic_share(sentence) < 0.05


def test_blanking_endnotes_keeps_the_text_length_so_offsets_hold():
    text = "Grooming is rising. See https://example.org/a-long-report-name for details."
    blank = without_bibliography(text)
    assert len(blank) == len(text) and "example" not in blank and blank.startswith("Grooming is rising.")


@pytest.mark.parametrize("question, intents", [
    ("What does the MNR review recommend for hotlines?", {"recommendation"}),
    ("ما التوصيات التي يقدمها التقرير بشأن خطوط المساعدة؟", {"recommendation"}),
    ("What does the resolution require of Member States?", {"obligation"}),
    ("ما الذي تحث الجمعية العامة الدول عليه؟", {"obligation"}),
    ("How many reports did the hotline receive?", {"statistic"}),
    ("ما عدد البلاغات التي تلقاها الخط الساخن؟", {"statistic"}),
    ("What is grooming?", set()),
    ("ما هو الاستدراج عبر الإنترنت؟", set()),
])
def test_question_intents_are_read_from_the_wording_in_both_languages(question, intents):
    assert question_intents(question) == intents


def test_a_word_that_merely_contains_an_intent_word_does_not_count():
    # "كمية"/"الحكم" contain the letters of "كم" (how many) but do not ask for a number
    assert "statistic" not in question_intents("ما الحكم الذي يطبق على هذه الجريمة؟")


def test_passage_fit_follows_the_shape_of_the_answer_asked_for():
    obligation = question_intents("What does the resolution urge States to do?")
    assert passage_fit("Urges Member States to act.", "OP 3", obligation) == 1.0
    assert passage_fit("Recalling its earlier resolutions on the rights of the child,", "PP 2", obligation) == 0.0
    statistic = question_intents("How many images were reported?")
    assert passage_fit("In 2018 there were 18.4 million reports, 45 million images and 12% more.", "", statistic) == 1.0
    assert passage_fit("In 2018 and 2019 the work continued.", "", statistic) == 0.0  # years are not figures
    assert passage_fit("Visited 12 March 2019 at https://site.org/x 2019", "", statistic) == 0.0
    assert passage_fit("anything", "OP 1", frozenset()) == 0.0
