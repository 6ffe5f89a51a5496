"""The support measure the abstain rule reads: the best sentence's score, numbers required for quantities."""
from __future__ import annotations

from assistant.models import Passage
from assistant.sentence_picker import SentencePicker
from assistant.support import support, unknown_share
from indexing.config import AnswerSettings
from indexing.language import search_terms
from indexing.models import Chunk


def passage(text: str) -> Passage:
    return Passage(Chunk("d#1", "d", text, text, 0, len(text), 0), score=1.0)


def test_a_quantity_question_is_only_supported_by_a_new_number_near_the_thing_counted():
    picker = SentencePicker()
    question = "How many children were rescued by the police in 2019?"
    words = passage("The police rescued children from abuse in 2019 after a long investigation of the network.")
    counted = passage("The police rescued 120 children from abuse in 2019 after a long investigation of the network.")
    arrests = passage("The police made 120 arrests in 2019, and later, after a long investigation, rescued children.")
    focus = set(search_terms("children"))
    assert support(picker, question, "", [words], AnswerSettings(), focus_terms=focus) == 0.0  # 2019 is the question's own number
    assert support(picker, question, "", [counted], AnswerSettings(), focus_terms=focus) > 0.0
    assert support(picker, question, "", [arrests], AnswerSettings(), focus_terms=focus) == 0.0  # the number counts something else


def test_a_date_a_year_a_symbol_or_a_paragraph_number_does_not_answer_a_how_many_question():
    picker = SentencePicker()
    question = "How many letters did the Ombudsperson send to governments?"
    dated = passage("4- The Ombudsperson sent letters to governments between 3 and 7 March 2016 under resolution "
                    "A/RES/70/12.")
    arabic = passage("وأرسلت أمينة المظالم رسائل إلى الحكومات في 18 كانون الأول/ديسمبر عملاً بالقرار 174/74.")
    counted = passage("The Ombudsperson sent 37 letters to governments in March 2016.")
    for p in (dated, arabic):
        assert support(picker, question, "", [p], AnswerSettings(), focus_terms=set()) == 0.0
    assert support(picker, question, "", [counted], AnswerSettings(), focus_terms=set()) > 0.0


def test_support_is_the_best_sentence_of_the_top_passages_only():
    picker = SentencePicker()
    question = "What do hotlines do with reports of abuse material?"
    good = passage("Hotlines assess reports of abuse material and notify the hosting provider.")
    other = passage("The weather was mild that year.")
    assert support(picker, question, "", [other, good], AnswerSettings(support_depth=1)) == 0.0
    assert support(picker, question, "", [other, good], AnswerSettings(support_depth=2)) > 0.0


def test_unknown_share_counts_the_words_the_library_lacks():
    vocabulary = set(search_terms("حماية الأطفال من الاستغلال"))
    assert unknown_share("حماية الأطفال", vocabulary) == 0.0
    assert unknown_share("وصفة الأرز", vocabulary) == 1.0
    assert unknown_share("2019", vocabulary) == 0.0
