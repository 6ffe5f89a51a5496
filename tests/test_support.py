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


def test_n_of_them_counts_what_the_sentence_named_before_it_however_far_back():
    picker = SentencePicker()
    question = "How many of the surveyed countries require service providers to report abuse material?"
    focus = set(search_terms("countries"))
    english = passage("While all the surveyed high-income countries have laws that criminalise the possession of abuse "
                      "material and its distribution, only 6 of them require service providers to report it.")
    arabic = passage("بينما وضعت جميع البلدان التي شملها الاستبيان تشريعات لتجريم حيازة المواد وتوزيعها ونشرها، "
                     "فإن 6 منها فقط لديه تشريعات توجب على مقدمي الخدمات الإبلاغ عن المواد.")
    elsewhere = passage("Only 6 companies require service providers to report abuse material, while the countries "
                        "surveyed have laws that criminalise the possession of abuse material.")
    ar_focus = focus | set(search_terms("البلدان"))
    assert support(picker, question, "", [english], AnswerSettings(), focus_terms=focus) > 0.0
    assert support(picker, question, "البلدان", [arabic], AnswerSettings(), focus_terms=ar_focus) > 0.0
    assert support(picker, question, "", [elsewhere], AnswerSettings(), focus_terms=focus) == 0.0  # 6 counts companies


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


def test_a_law_number_or_a_year_with_its_word_is_not_a_count():
    picker = SentencePicker()
    question = "How many offenders did the court convict under the cybercrime law?"
    law = passage("The court applied the cybercrime law, law number 14, to the offenders it convicted.")
    arabic = passage("طبقت المحكمة على الجناة الذين أدانتهم قانون مكافحة الجرائم الإلكترونية رقم (14) لسنة 2014.")
    year = passage("في عام 2019، أدانت المحكمة الجناة بموجب قانون الجرائم الإلكترونية.")
    counted = passage("The court convicted 14 offenders under the cybercrime law.")
    focus = set(search_terms("offenders الجناة"))
    for p in (law, arabic, year):
        assert support(picker, question, "", [p], AnswerSettings(), focus_terms=focus) == 0.0
    assert support(picker, question, "", [counted], AnswerSettings(), focus_terms=focus) > 0.0


def test_a_penalty_question_is_supported_only_by_years_months_or_money():
    from assistant.intent import counted_units

    picker = SentencePicker()
    question = "What sentence did the court give the two offenders who ran the abuse network?"
    units = set(search_terms(counted_units(question)))
    arrests = passage("The network's two offenders were among 337 people arrested by the court's order.")
    sentenced = passage("The court sentenced the two offenders who ran the abuse network to 35 years in prison.")
    assert support(picker, question, "", [arrests], AnswerSettings(), focus_terms=units) == 0.0
    assert support(picker, question, "", [sentenced], AnswerSettings(), focus_terms=units) > 0.0


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


def test_a_count_of_a_named_programme_is_looked_for_in_the_passages_naming_it():
    from assistant.support import naming_passages

    question = "How many children has Project Arachnid identified?"
    named = passage("Project Arachnid, run by the Canadian centre, has processed 13 million suspect images.")
    other = passage("In another operation at least 50 children were identified and safeguarded.")
    assert naming_passages(question, [other, named], 5) == [named]
    assert naming_passages(question, [other], 5) == [other]  # no passage names it: the other rules decide
    assert naming_passages("How many children were identified?", [other, named], 5) == [other, named]
    # a name the library translates (a glossary term, a document's name) is written in Arabic in Arabic passages
    assert naming_passages(question, [other, named], 5, known=lambda name: True) == [other, named]


def test_a_count_written_out_in_words_answers_a_how_long_question():
    picker = SentencePicker()
    question = "How long may a member hotline keep its reports?"
    words = passage("Every member hotline may keep its reports for no longer than ninety days.")
    vague = passage("Every member hotline may keep its reports for no longer than one period of time.")
    assert support(picker, question, "", [words], AnswerSettings(), focus_terms=set()) > 0.0
    assert support(picker, question, "", [vague], AnswerSettings(), focus_terms=set()) == 0.0
