"""A heading is known by its shape alone: short, unfinished as a sentence, no comma, no figures but numbering."""
from __future__ import annotations

import pytest

from indexing.headings import chapter_heading, looks_like_heading, numbered, numbered_question


@pytest.mark.parametrize("line", [
    "Methodology", "1. Scope of the review", "II. Recommendations", "أولاً- الولاية", "ثانياً: التوصيات",
    "المنهجية", "Recommendations:", "Global threats  04",
])
def test_short_unfinished_lines_are_headings(line):
    assert looks_like_heading(line)


@pytest.mark.parametrize("line", [
    "States shall protect children.",  # a sentence
    "In 2018, the Alliance published",  # a comma and a figure
    "the assessment found that",  # starts in lower case, ends on a word that needs more
    "تعمل الدول على حماية الأطفال من",  # ends on a preposition: a wrapped line
    "18.4 مليون",  # a figure of an infographic
    "Contact: someone@example.org",  # an address
    "This line goes on for many more words than any heading would ever have",
    "The following considerations apply to all of this:",  # a long line ending in a colon introduces a sentence
])
def test_sentences_wrapped_lines_and_figures_are_not(line):
    assert not looks_like_heading(line)


def test_numbering_before_or_after_the_heading_is_recognised():
    assert numbered("1. Scope") and numbered("أولاً- الولاية") and numbered("Global threats  04")
    assert not numbered("Methodology")
    assert chapter_heading("Global threats  04") and not chapter_heading("Methodology")


@pytest.mark.parametrize("line", [
    "2. ما هي التوصيات العملية التي تقترحها على الدول لمنع الاستغلال الجنسي للأطفال في البيئة الرقمية؟",
    "3. ما هي الثغرات المتبقية التي تحد من تطبيق القوانين.",  # a question word opens it, whatever ends it
    "1. يرجى تقديم معلومات عن كيفية استخدام التكنولوجيات.",  # a request for information
    "4) What challenges do law enforcement agencies face?",
    "5. Please describe the measures taken by your Government.",
])
def test_a_questionnaires_numbered_questions_are_question_headings(line):
    assert numbered_question(line)


@pytest.mark.parametrize("line", [
    "ما هي التوصيات العملية؟",  # not numbered: not one of a questionnaire's items
    "1- يمكن لمنصات التعاون بين الوكالات أن تساعد في تبادل المعلومات.",  # a numbered point of an answer
    "2. دليل مكافحة الجرائم الإلكترونية:",
    "3. " + "ما هي " * 100 + "؟",  # longer than any question of a form
])
def test_numbered_answers_and_unnumbered_questions_are_not(line):
    assert not numbered_question(line)


@pytest.mark.parametrize("line", ["Chapter two: reporting.", "الفصل الأول: النطاق والتعاريف.", "Annex II – Survey",
                                  "القسم 3: الإبلاغ"])
def test_a_short_line_naming_a_part_of_the_document_is_a_heading_even_with_a_full_stop(line):
    from indexing.headings import names_a_part

    assert names_a_part(line)


@pytest.mark.parametrize("line", ["Article 3: States shall criminalize possession.",
                                  "Chapter two: reporting duties fall on every provider that hosts content for users.",
                                  "The chapter on reporting: what providers must do."])
def test_a_sentence_that_mentions_a_part_is_not_a_heading(line):
    from indexing.headings import names_a_part

    assert not names_a_part(line)


def test_a_lettered_arabic_sub_heading_is_a_heading_but_a_lettered_item_is_not():
    # "(ب) الخطوط الساخنة" heads the second half of a paragraph; PDF text often reverses its brackets
    assert looks_like_heading("(ب) الخطوط الساخنة") and looks_like_heading(")أ( خطوط المساعدة")
    assert not looks_like_heading("(ج) تجريم الاستدراج؛")  # an item ends as a sentence does
    assert not looks_like_heading("(ب) التصديق على جميع الصكوك الدولية ذات الصلة")
