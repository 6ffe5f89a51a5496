"""The cleaner repairs layout only; the search form folds what Arabic spelling and PDFs vary."""
from __future__ import annotations

from conftest import read, source_doc

from indexing.cleaning import clean_document, search_form
from indexing.language import _accusative, normalize, root_terms, search_terms, tokens


def clean(text: str) -> str:
    return clean_document(source_doc(text)).text


def test_lines_broken_by_the_pdf_are_joined_into_one_paragraph():
    text = "يجب أن تكون شركات التكنولوجيا\nالعالمية أكثر نشاطًا في جهودها\n\nلاكتشاف المواد المسيئة.\n\nالنتائج الرئيسية"
    out = clean(text)
    assert "شركات التكنولوجيا العالمية أكثر نشاطًا في جهودها لاكتشاف المواد المسيئة." in out
    assert out.endswith("\n\nالنتائج الرئيسية")


def test_reversed_brackets_in_arabic_text_are_turned_back():
    out = clean("استخدمت جميع البلدان التي شملها الاستبيان تقريباً )90 في المائة( النموذج مرجعاً.")
    assert "(90 في المائة)" in out
    assert ")90" not in out


def test_reversed_brackets_survive_a_line_break_inside_them():
    out = clean("يتصل ثلثا البلدان )69 في\n\nالمائة منها، 29 من 42 بلداً( بقاعدة البيانات الدولية.")
    assert "(69 في المائة منها، 29 من 42 بلداً)" in out


def test_english_brackets_are_left_alone():
    assert clean("Hotlines (such as the IWF) remove content.") == "Hotlines (such as the IWF) remove content."


def test_footnote_digits_glued_to_words_become_superscripts():
    out = clean("يسجل هذا التقرير التجارب في 42 بلداً،1 تمثل جميع الأقاليم.")
    assert "بلداً،¹ تمثل" in out
    assert "42" in out  # a real number is untouched
    assert "1" not in tokens(search_form(out))


def test_decimal_numbers_are_not_taken_for_footnotes():
    out = clean("تم تسجيل 2.88 مليون حساب في عام 2018.")
    assert "2.88 مليون" in out


def test_superscript_markup_and_bold_from_conversion_are_removed():
    out = clean("وإن تشير إلى اتفاقية حقوق الطفل<sup>(1)</sup> والبروتوكول\n\n1 - **تشجع** الدول الأعضاء")
    assert "الطفل⁽¹⁾ والبروتوكول" in out
    assert "**" not in out and "<sup>" not in out


def test_page_starts_are_recorded_for_offsets():
    doc = clean_document(source_doc("", pages=["الصفحة الأولى تنتهي هنا.", "والثانية تبدأ هنا."]))
    second = doc.text.index("والثانية")
    assert doc.page_at(0) == 1
    assert doc.page_at(second) == 2


def test_search_form_folds_presentation_forms_diacritics_tatweel_and_letters():
    assert normalize("ﺍﻷﻃﻔﺎﻝ") == normalize("الأطفال") == "الاطفال"
    assert normalize("الأَطْفَالِ") == "الاطفال"
    assert normalize("الأطـــفال") == "الاطفال"
    assert normalize("إنترنت آمنة مستوى") == "انترنت امنه مستوي"


def test_search_form_reads_arabic_indic_digits_and_thousands_separators():
    assert tokens("٧٥٠٬٠٠٠ طفل") == ["750000", "طفل"]
    assert tokens("15،000 و 750,000") == ["15000", "و", "750000"]
    assert tokens("بلغت النسبة ٩٢٫٧") == ["بلغت", "النسبه", "92.7"]


def test_light_stemming_brings_clitic_forms_together():
    assert search_terms("والأطفال")[0] == search_terms("للأطفال")[0] == search_terms("الأطفال")[0]


def test_the_accusative_alif_is_folded_so_a_bare_word_matches_its_tanwin_form():
    assert search_terms("خطاً ساخناً") == search_terms("خط ساخن")
    assert search_terms("جنسياً") == search_terms("جنسي") == search_terms("جنسيا")
    assert search_terms("بلداً") == search_terms("بلد")
    assert _accusative("ضحايا") == "ضحايا"  # a broken plural in -ايا keeps its alif
    assert search_terms("يتواصلوا") == search_terms("يتواصلون") == search_terms("التواصل")  # a verb's plural
    assert search_terms("عضواً") == search_terms("عضو")


def test_every_bundled_document_cleans_without_losing_words():
    for name in ("mnr-review-2022.ar.txt", "gta-2019.ar.txt", "sr-report-a-hrc-28-56.ar.txt"):
        raw = read(name)
        out = clean(raw)
        raw_words = [t for t in tokens(raw) if not t.isdigit()]
        out_words = [t for t in tokens(search_form(out)) if not t.isdigit()]
        assert raw_words == out_words, name


def test_a_heading_the_text_runs_on_from_is_noted_and_the_text_left_as_it_was():
    raw = ("Hotlines pass reports on.\nMethodology\n\nThis review combines surveys of members with case studies\n"
           "from each region.\nOnline risks  02\nChildren meet strangers in games and chats every single day now.")
    out = clean_document(source_doc(raw))
    assert [out.text[s:e] for s, e in out.headings] == ["Methodology", "Online risks  02"]
    assert "Methodology This review combines" in out.text  # the layout is repaired as before, words in order
    assert "from each region." not in [out.text[s:e] for s, e in out.headings]


def test_roots_bring_a_verb_its_verbal_noun_and_a_bare_word_its_article_form_together():
    assert root_terms("تجريم") == root_terms("تجرم") == root_terms("يجرم")
    assert root_terms("معاقبة") == root_terms("تعاقب")
    assert root_terms("الفتيات") == root_terms("فتيات")
    assert search_terms("الفتيات") != search_terms("فتيات")  # what the light stem keeps apart
    assert root_terms("the CSAM reports") == search_terms("the CSAM reports")  # other words keep their light stem
