"""Question intents (recommendation, obligation, statistic) and how well a passage fits them."""
from __future__ import annotations

import pytest

from assistant.intent import (agreeing, asks_for_number, contrasted_terms, defined_term, defines, numbered,
                              passage_fit, quantity_focus, question_intents)
from indexing.language import search_terms
from indexing.config import RetrievalSettings

SATURATION = RetrievalSettings().intent_saturation


@pytest.mark.parametrize("question, intents", [
    ("What does the MNR review recommend for hotlines?", {"recommendation"}),
    ("ما التوصيات التي يقدمها التقرير بشأن خطوط المساعدة؟", {"recommendation"}),
    ("What does the resolution require of Member States?", {"obligation"}),
    ("ما الذي تحث الجمعية العامة الدول عليه؟", {"obligation"}),
    ("are states supposed to block this material?", {"obligation"}), ("what do platforms have to do?", {"obligation"}),
    ("ايش المفروض تعمل الدول؟", {"obligation"}), ("شو لازم تعمل الحكومة؟", {"obligation"}),
    ("How many reports did the hotline receive?", {"statistic"}),
    ("ما عدد البلاغات التي تلقاها الخط الساخن؟", {"statistic"}),
    ("What is grooming?", {"definition"}),
    ("what are the figures for sextortion?", {"statistic"}),  # asks for figures, not what "figures" means
    ("ما هو الاستدراج عبر الإنترنت؟", {"definition"}),
    ("Which body is responsible for the Global Alliance?", set()),
    # everyday ways of asking what should be done
    ("what can be done about livestreamed abuse?", {"recommendation"}),
    ("next steps for governments?", {"recommendation"}),
    ("whats the way forward on encryption", {"recommendation"}), ("best practice for hotlines", {"recommendation"}),
    ("how do we fix the reporting gap", {"recommendation"}),
    ("what action is needed from tech firms", {"recommendation"}),
    ("شو الحلول؟", {"recommendation"}), ("كيف نحمي الأطفال؟", {"recommendation"}),
    ("شو النصايح للأهل", {"recommendation"}),
    ("what do they want schools to do?", {"recommendation"}),
    ("what does the report ask parents to do", {"recommendation"}),
    ("I want to do a workshop on grooming", set()),
    # asking for a channel to report or call; naming a hotline, or counting reports, is not
    ("who can a teacher contact about a pupil's case?", {"contact"}),
    ("where can parents report it?", {"contact"}), ("is there a helpline in Qatar?", {"contact"}),
    ("what number should we ring?", {"contact", "recommendation"}),
    ("how many reports did hotlines receive?", {"statistic"}),
    ("i want to report abuse, who do i call", {"contact"}), ("report abuse pls", {"contact"}),
    ("does the resolution expect states to get platforms to detect & report abuse?", set()),  # a duty, not a channel
    ("are tech firms obliged to report abuse they find?", {"obligation"}),
    ("لمين أبلغ عن حساب مشبوه؟", {"contact"}), ("لمن نتوجه؟", {"contact"}), ("هل يوجد رقم للطوارئ؟", {"contact"}),
    ("كيف يتم الإبلاغ عن الاستغلال؟", {"contact"}), ("شو رقم الخط الساخن", {"contact"}),
    ("وين بيبلغوا الأهل؟", {"contact"}), ("كم بلاغ وصل للخط الساخن؟", {"statistic"}),
    ("ما دور وسائل التواصل الاجتماعي؟", set()),
    ("هل في رقم الفقرة عن التشفير؟", {"paragraph"}), ("ما أثر الجائحة على الجاني؟", set()),
])
def test_question_intents_are_read_from_the_wording_in_both_languages(question, intents):
    assert question_intents(question) == intents


def test_a_word_that_merely_contains_an_intent_word_does_not_count():
    # "كمية"/"الحكم" contain the letters of "كم" (how many) but do not ask for a number
    assert "statistic" not in question_intents("ما الحكم الذي يطبق على هذه الجريمة؟")


def test_passage_fit_follows_the_shape_of_the_answer_asked_for():
    obligation = question_intents("What does the resolution urge States to do?")
    assert passage_fit("Urges Member States to act.", "OP 3", obligation, SATURATION) == 1.0
    assert passage_fit("Recalling its earlier resolutions on the rights of the child,", "PP 2", obligation, SATURATION) == 0.0
    statistic = question_intents("How many images were reported?")
    assert passage_fit("In 2018 there were 18.4 million reports, 45 million images and 12% more.", "", statistic, SATURATION) == 1.0
    assert passage_fit("In 2018 and 2019 the work continued.", "", statistic, SATURATION) == 0.0  # years are not figures
    assert passage_fit("Visited 12 March 2019 at https://site.org/x 2019", "", statistic, SATURATION) == 0.0
    assert passage_fit("anything", "OP 1", frozenset(), SATURATION) == 0.0


def test_a_passage_naming_a_hotline_a_phone_number_or_a_reporting_app_fits_a_contact_question():
    contact = question_intents("whom should we call?")
    assert passage_fit("يمكن الإبلاغ عبر الخط الساخن (12345678) أو عبر تطبيق الهاتف.", "", contact, SATURATION) == 1.0
    assert passage_fit("Children can call the national helpline on 116111.", "", contact, SATURATION) > 0.5
    assert passage_fit("Contact abuse and online abuse overlap; the law applies.", "", contact, SATURATION) == 0.0
    assert passage_fit("An estimated 750,000 offenders and 1,000,000 images in 2019.", "", contact, SATURATION) == 0.0
    assert passage_fit("يتواصل الجاني مع الطفل لتطبيق خطته في 2019.", "", contact, SATURATION) == 0.0


@pytest.mark.parametrize("question, exactly, about_figures", [
    ("How many reports did the hotline receive?", True, True),
    ("How long is the prison sentence for grooming?", True, False),  # the answer is a number; not a statistic
    ("What are the estimates of victims worldwide?", False, True),   # about figures, but not one quantity
    ("What is grooming?", False, False),
    ("كم عدد البلاغات؟", True, True),
])
def test_asks_for_number_reads_both_the_exact_quantity_and_the_figures_question(question, exactly, about_figures):
    assert asks_for_number(question, exactly=True) == exactly
    assert asks_for_number(question, exactly=False) == about_figures


def test_the_focus_of_a_quantity_question_is_the_thing_it_counts():
    assert quantity_focus("How many children were rescued?") == "children"
    assert quantity_focus("What does the resolution say about children?") == ""
    assert quantity_focus("how many of the countries surveyed are connected?") == "countries"
    assert quantity_focus("how much does one offence cost in care?") == ""  # no noun: any new number will do
    assert quantity_focus("كم نسبة الأطفال الذين يستخدمون الإنترنت؟") == "الأطفال"  # a share of what, not "نسبة"
    assert quantity_focus("كم عدد البلاغات في 2018؟") == "البلاغات"


def test_a_penalty_question_asks_for_years_months_or_money_in_both_languages():
    from assistant.intent import counted_units

    for question in ("What prison sentence does the law set?", "ما العقوبة التي ينص عليها القانون؟",
                     "كم الغرامة على حيازة المواد؟", "ما الحكم الذي صدر بحق الجاني؟"):
        units = counted_units(question)
        assert "years" in units and "سنوات" in units and "غرامة" in units, question
    assert counted_units("How many children were rescued?") == ""
    assert counted_units("What does the law say about sentences for offenders?") == ""  # not a quantity


def test_a_passage_under_a_heading_that_names_recommendations_fits_a_recommendation_question():
    asks = question_intents("What does Qatar recommend to the technology industry?")
    items = "- تطوير أدوات متقدمة للإشراف على المحتوى.\n- نشر تقارير شفافية منتظمة."
    assert passage_fit(items, "", asks, SATURATION) == 0.0  # its items are not worded as advice
    heading = "2. ما هي التوصيات العملية التي تقترحها على الدول؟ > صناعة التكنولوجيا:"
    assert passage_fit(items, "", asks, SATURATION, heading) == 1.0
    assert passage_fit(items, "", asks, SATURATION, "3. ما هي الثغرات المتبقية؟") == 0.0
    assert passage_fit(items, "", question_intents("How many reports?"), SATURATION, heading) == 0.0


@pytest.mark.parametrize("question", [
    "what is sextortion?", "What's live streaming exactly?", "How does the report define grooming?",
    "What does OCSEA stand for?", "ما هو الاستدراج؟", "ما المقصود بالابتزاز الجنسي؟", "تعريف مواد الاعتداء الجنسي",
])
def test_a_question_for_a_terms_meaning_asks_for_a_definition(question):
    assert "definition" in question_intents(question)


def test_a_longer_what_question_is_not_a_definition_and_a_defining_sentence_fits_one():
    assert "definition" not in question_intents("What is the role of the private sector in reporting abuse?")
    assert "definition" not in question_intents("ما هي التدابير التي اتخذتها الدول لحماية الأطفال؟")
    asks = question_intents("what is sextortion?")
    assert passage_fit("The term sextortion refers to blackmail with sexual images.", "", asks, SATURATION) > 0
    assert passage_fit("يشير مصطلح الابتزاز الجنسي إلى تهديد الطفل بنشر صوره.", "", asks, SATURATION) > 0
    assert passage_fit("Reports of sextortion rose in 2019.", "", asks, SATURATION) == 0.0


@pytest.mark.parametrize("question, term", [
    ("what is sextortion exactly?", "sextortion"),
    ("How does the report define live streaming of abuse?", "live streaming of abuse"),
    ("what's the meaning of self-generated material", "self-generated material"),
    ("شو تعريف الابتزاز الجنسي؟ وكيف يحدث", "الابتزاز الجنسي"),
    ("ما المقصود بالشبكة المظلمة في التقييم", "الشبكة المظلمة"),
    ("What is the role of the private sector in reporting abuse?", ""),
    ("a flyer defining 'online grooming' - what ages does it cover?", "online grooming"),
    ("how is live streaming defined in the threat assessment?", "live streaming"),
])
def test_the_term_a_definition_question_asks_about_is_read_from_its_wording(question, term):
    assert defined_term(question) == term


def test_a_defining_sentence_holds_the_term_next_to_its_defining_words():
    forms = [frozenset(search_terms("الابتزاز الجنسي"))]
    assert defines("ويُطلق الابتزاز الجنسي على تهديد الطفل بنشر صوره ما لم يرسل المزيد.", forms)
    assert defines("Sextortion refers to coercing a child with threats.", [frozenset(search_terms("sextortion"))])
    assert defines("The protocol defines sextortion as coercion by threats.", [frozenset(search_terms("sextortion"))])
    assert defines("تعرف الاتفاقية الابتزاز الجنسي على أنه تهديد الطفل بنشر صوره.", forms)  # "تعرف": she defines
    assert not defines("ازدادت حالات الابتزاز الجنسي في عام 2019 بحسب التقارير.", forms)  # no defining words
    far = "يعني هذا المصطلح في القانون أموراً كثيرة تتعلق بالحماية والرعاية والتعليم والصحة، ومنها أيضاً الابتزاز الجنسي"
    assert not defines(far, forms)  # the term is a list's last entry, far from "يعني"


@pytest.mark.parametrize("question, asks", [
    ("para on helplines for children", True), ("which paragraph of the resolution covers COVID", True),
    ("any op that covers schools?", True), ("اي فقرة بالقرار بتحكي عن التدريب", True),
    ("ما الفقرة التي تتناول التشفير", True),
    ("where in the resolution does it ask for awareness campaigns? paragraph no. please", True),
    ("what paragraph number covers encryption", True), ("رقم الفقرة التي تتحدث عن التشفير", True),
    ("أين في القرار يذكر التشفير", True),
    ("what does paragraph 5 say", False),  # a paragraph named by number is a reference, read elsewhere
    ("what do companies have to report?", False),
])
def test_a_question_for_the_paragraph_that_covers_a_subject_asks_for_a_paragraph(question, asks):
    assert ("paragraph" in question_intents(question)) is asks
    if asks:
        assert passage_fit("3- تهيب بالدول ...", "OP 3", question_intents(question), SATURATION) == 1.0
        assert passage_fit("A paragraph with no number.", "", frozenset({"paragraph"}), SATURATION) == 0.0


def test_a_numbered_paragraph_is_not_a_footnote_and_agreement_counts_first_stage_signals():
    assert numbered("OP 3") and numbered("para. 87") and not numbered("fn. 3") and not numbered("")
    assert passage_fit("(3) كثيراً ما يُستخدم مصطلح", "fn. 3", frozenset({"paragraph"}), SATURATION) == 0.0
    assert agreeing(("dense#1", "bm25#3", "dense2#9", "sentence#2", "fits paragraph 1.00"), 3) == 3
    assert agreeing(("reference OP 4",), 3) == 0


@pytest.mark.parametrize("question, pair", [
    ("what is the difference between a hotline and a helpline?", ("hotline", "helpline")),
    ("whats the diff between online grooming and sextortion? trainees ask", ("online grooming", "sextortion")),
    ("grooming vs. sextortion - which comes first", ("grooming", "sextortion")),
    ("how does a hotline differ from a helpline?", ("hotline", "helpline")),
    ("ما الفرق بين الخط الساخن وخط المساعدة؟", ("الخط الساخن", "خط المساعدة")),
    ("شو الفرق بين الاستدراج والابتزاز الجنسي", ("الاستدراج", "الابتزاز الجنسي")),
])
def test_a_difference_question_names_the_two_things_it_sets_side_by_side(question, pair):
    assert "difference" in question_intents(question) and contrasted_terms(question) == pair


@pytest.mark.parametrize("question", [
    "how many victims were identified between 2015 and 2019?",
    "ما العلاقة بين الفقر والاستغلال؟",
    "what is a hotline?",
])
def test_a_question_that_contrasts_nothing_names_no_pair(question):
    assert contrasted_terms(question) == ()


def test_a_sentence_setting_one_thing_apart_from_another_defines_it_for_a_difference_question():
    forms = [frozenset(search_terms("الخط الساخن"))]
    sentence = "يختلف الخط الساخن أو بوابة الإبلاغ عن خط مساعدة الطفل في أنه مخصص لتلقي البلاغات."
    assert defines(sentence, forms, contrast=True) and not defines(sentence, forms)
