"""Sentence spans: where quotes may start and end, verbatim offsets into a passage."""
from __future__ import annotations

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


def test_sentences_never_cross_a_bracketed_footnote_marker():
    text = "وإن تشير إلى اتفاقية حقوق الطفل⁽¹⁾ والبروتوكول الاختياري الملحق بها بشأن بيع الأطفال،"
    spans = [text[s:e] for s, e in sentences_of(text)]
    assert all("⁽" not in s and "⁾" not in s and "¹" not in s for s in spans)
    assert spans[0].endswith("حقوق الطفل")


def test_a_document_symbols_dot_does_not_end_a_sentence_but_a_glued_footnote_numbers_does():
    text = "يقدَّم التقرير بوصفه إضافة (A/HRC/28/56/Add.1) إلى هذا التقرير.\nازدادت البلاغات حول العالم كلّه.35من الممكن أن تختفي."
    quoted = [text[s:e] for s, e in sentences_of(text)]
    assert quoted[0] == "يقدَّم التقرير بوصفه إضافة (A/HRC/28/56/Add.1) إلى هذا التقرير."
    assert quoted[1] == "ازدادت البلاغات حول العالم كلّه"  # the footnote number after the stop starts the next
