"""Verbal nouns for an Arabic question's verbs: the documents write "تجريم" where people ask "تجرّم"."""
from __future__ import annotations

from assistant.derivation import question_nouns, verbal_nouns
from indexing.language import search_terms


def test_an_imperfect_verb_gives_the_nouns_of_its_derived_forms():
    assert verbal_nouns("تجرّم") == ["تجريم", "اجرام"]
    assert verbal_nouns("بيعاقب") == ["معاقبه"]  # colloquial progressive, Form III
    assert verbal_nouns("وتبلغ") == ["تبليغ", "ابلاغ"]
    assert verbal_nouns("تقيد") == ["تقييد"]  # a weak middle letter: only Form II's noun is sound


def test_nouns_perfect_verbs_and_short_words_give_nothing():
    for word in ("تقرير", "دول", "الإنترنت", "قال", "ينبغي", "يوجد"):
        assert verbal_nouns(word) == []
    assert verbal_nouns("يقول") == ["تقويل"]  # a guess the library's vocabulary then discards


def test_only_the_nouns_the_library_uses_are_kept():
    library = set(search_terms("تحث الدول على تجريم جميع أشكال الاستغلال وعلى معاقبة مرتكبيه"))
    nouns = question_nouns("شو بدو القرار الدول تجرّم وتعاقب؟ وبيقول شي؟", library.__contains__)
    assert nouns == ["تجريم", "معاقبه"]  # not "اجرام", "تقويل": the library never writes them


def test_a_noun_the_question_already_holds_is_not_added_again():
    library = set(search_terms("تجريم تجرم"))
    assert question_nouns("هل يطلب القرار تجريم الاستغلال؟ تجرم الدول", library.__contains__) == []
