"""Question intents (recommendation, obligation, statistic) and how well a passage fits them."""
from __future__ import annotations

import pytest

from assistant.intent import passage_fit, question_intents


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
