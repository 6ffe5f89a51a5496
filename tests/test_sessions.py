"""Follow-ups are read with the previous turn only when they refer back to it."""
from __future__ import annotations

import pytest

from assistant.sessions import Session, is_follow_up


@pytest.mark.parametrize("question", [
    "What is sextortion?", "Define grooming", "ما هو الابتزاز الجنسي؟", "وش يعني الاستمالة؟",
    "Is there a definition of livestreaming?", "How many hotlines exist?",
])
def test_a_short_question_with_its_own_subject_stands_alone(question):
    assert not is_follow_up(question)


@pytest.mark.parametrize("question", [
    "and paragraph 5?", "what about the recommendations?", "Why?", "What does it say about grooming?",
    "ماذا عن التوصيات؟", "وماذا عن الفقرة 5؟", "ليش؟", "شو قالت فيها؟", "more details please", "and in 2019?",
])
def test_a_question_that_refers_back_is_a_follow_up(question):
    assert is_follow_up(question)


def test_a_new_topic_after_a_resolution_question_is_not_read_with_it(library):
    session = Session()
    library.ask("What does operative paragraph 10 of the resolution call for?", history=session)
    answer = library.ask("What is sextortion?", history=session)
    assert "previous question" not in answer.notice
    assert any(p.chunk.doc_id != "ga-resolution-2022" for p in answer.passages[:3])


def test_a_follow_up_says_it_was_read_with_the_previous_question(library):
    session = Session()
    library.ask("What does the Special Rapporteur report say about grooming?", history=session)
    answer = library.ask("and paragraph 5?", history=session)
    assert "previous question" in answer.notice
    assert answer.passages[0].chunk.doc_id == "sr-report-a-hrc-28-56"
