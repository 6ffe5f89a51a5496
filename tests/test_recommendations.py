"""Recommendations by addressee, read from the real indexed library (the Special Rapporteur's section
"باء- توصيات" and Qatar's answers to the questionnaire's recommendations question) and from a synthetic
English report; links to the resolution by the real encoder."""
from __future__ import annotations

import pytest

from assistant.recommendations import GENERAL, RecommendationReader, RecommendationWords, by_addressee
from indexing.chunking import chunk_document
from indexing.cleaning import clean_document
from indexing.config import Settings

from conftest import CORPUS, source_doc


@pytest.fixture(scope="module")
def reader() -> RecommendationReader:
    return RecommendationReader(RecommendationWords.load(Settings(corpus_dir=CORPUS).recommendation_words_path))


@pytest.fixture(scope="module")
def found(library):
    return library.recommendations()


def test_the_special_rapporteurs_recommendations_are_grouped_by_whom_they_address(found):
    sr = {r.label: r for r in found if r.doc_id == "sr-report-a-hrc-28-56"}
    # Checked in corpus/sr-report-a-hrc-28-56.ar.txt: para. 87 "تدعو المقررة الخاصة جميع الدول" (أ)-(ي),
    # para. 88 "تدعو المقررة الخاصة المجتمع الدولي" (أ)-(و), para. 89 on corporate social responsibility.
    assert len([l for l in sr if l.startswith("para. 87")]) == 10 and "para. 87 (ي)" in sr
    assert len([l for l in sr if l.startswith("para. 88")]) == 6
    assert {sr[l].addressee for l in sr if l.startswith("para. 87")} == {"States"}
    assert {sr[l].addressee for l in sr if l.startswith("para. 88")} == {"International community"}
    assert sr["para. 89"].addressee == "Private sector and internet service providers"
    assert sr["para. 88 (أ)"].label_en == "para. 88 (a)" and sr["para. 88 (أ)"].locator.startswith("الفقرة 88")
    assert not any(l.startswith(("para. 82", "para. 83", "para. 84")) for l in sr)  # the conclusions are not


def test_qatars_recommendations_follow_its_sub_headings(found):
    qa = by_addressee([r for r in found if r.doc_id == "qatar-submission-2024"])
    assert {"States", "Private sector and internet service providers", "Communities, families and schools"} <= set(qa)
    assert any(r.text.startswith("- سن وإنفاذ قوانين صارمة") for r in qa["States"])
    assert any(r.text.startswith("- تطوير وتنفيذ خوارزميات قوية") for r in qa["Private sector and internet service providers"])


def test_each_recommendation_links_resolution_paragraphs_with_their_scores(found):
    linked = [r for r in found if r.links]  # a short bullet may have no paragraph above the score floor
    assert len(linked) >= 0.6 * len(found)
    for r in linked:
        assert all(k.label.startswith(("OP ", "PP ")) and k.doc_id == "ga-resolution-2022" for k in r.links)
        assert [k.score for k in r.links] == sorted((k.score for k in r.links), reverse=True)


def test_an_english_report_section_reads_the_same_way(reader):
    text = ("Findings\n\nThe survey found gaps in reporting.\n\nRecommendations\n\n"
            "The Special Rapporteur calls on all States to:\n\n"
            "(a) Criminalize the live streaming of child sexual abuse in their national law;\n\n"
            "(b) Fund hotlines and helplines that children can reach at any hour;\n\n"
            "Technology companies:\n\n- Detect and remove child sexual abuse material from their platforms quickly.\n")
    recs = reader.read(chunk_document(clean_document(source_doc(text, "r.en.txt"))))
    assert [(r.label_en, r.addressee) for r in recs] == [
        ("(a)", "States"), ("(b)", "States"), ("• 1", "Private sector and internet service providers")]
    assert GENERAL not in {r.addressee for r in recs}


def test_an_action_part_is_named_by_a_phrase_whatever_the_order_of_its_words(reader):
    # PDF text often reverses a heading's words ("المنشود العمل" for "العمل المنشود", "action needed")
    assert reader.in_section("المنشود العمل") and reader.in_section("العمل المنشود")
    assert reader.in_section("Looking ahead") and reader.in_section("نظرة إلى الأمام 09")
    assert not reader.in_section("الأمام") and not reader.in_section("المجال الثاني: العمل")
    assert not reader.in_section("العمل في المجال الثاني على تحسين الخدمات المنشود تقديمها للضحايا")


def test_the_library_reads_the_action_parts_of_the_threat_assessment_and_the_mnr_review(found):
    gta = [r for r in found if r.doc_id == "gta-2019"]
    assert any(r.addressee == "Private sector and internet service providers" and "شركات التكنولوجيا" in r.text
               for r in gta)
    assert any(r.addressee == "Law enforcement and justice" for r in gta)
    assert any(r.doc_id == "mnr-review-2022" and "العمل المنشود" not in r.text for r in found)


def test_items_of_a_marked_list_are_told_from_paragraphs_read_as_items(library):
    items = library.retriever.recommendation_items
    assert any(r.listed for r in items["qatar-submission-2024"])  # "- ..." lines
    assert any(r.listed for r in items["sr-report-a-hrc-28-56"])  # "(أ) ..." sub-items
    assert not any(r.listed for r in items["gta-2019"] if r.label.startswith("¶"))  # paragraphs, not list lines


_MEASURES = ("Annual report 2023\n\nWhat measures can be taken against online abuse?\n\n"
             "The answers below come from the ministry and its partners in the field this year.\n\n"
             "Technology companies:\n\n"
             "- Publish regular transparency reports on the removal of abuse material and on requests for data.\n\n"
             "- Build age checks and reporting tools for children and parents into every product by default.\n\n"
             "The ministry also reviewed its own procedures during the year and found them adequate overall.\n\n"
             "- A list after ordinary prose is not under the sub-heading any more, whatever it says here.\n")


def test_a_list_under_a_sub_heading_naming_a_group_is_addressed_to_it_in_any_section(reader):
    recs = reader.read(chunk_document(clean_document(source_doc(_MEASURES, "m.en.txt"))))
    assert [(r.text[:20], r.addressee) for r in recs] == [
        ("- Publish regular tr", "Private sector and internet service providers"),
        ("- Build age checks a", "Private sector and internet service providers")]


def test_an_arabic_group_sub_heading_opens_its_list_too(reader):
    text = ("تقرير سنوي\n\nما هي التدابير التي يمكن اتخاذها؟\n\nيعرض هذا القسم ما جمعته الوزارة من شركائها خلال العام الماضي كله.\n\n"
            "مقدمو الخدمة عبر الإنترنت:\n\n- تنفيذ آليات إبلاغ سهلة الاستخدام للأطفال وأولياء الأمور في جميع المنصات.\n\n"
            "التحديات:\n\n- ضعف التنسيق بين الجهات المعنية في تبادل المعلومات عن الجرائم الإلكترونية.\n")
    recs = reader.read(chunk_document(clean_document(source_doc(text, "m.ar.txt"))))
    assert [(r.text[:13], r.addressee) for r in recs] == [
        ("- تنفيذ آليات", "Private sector and internet service providers")]


def test_a_long_line_naming_a_group_or_the_setting_off_opens_no_list():
    words = RecommendationWords.load(Settings(corpus_dir=CORPUS).recommendation_words_path)
    off = RecommendationReader(words, group_heading_max_words=0)
    assert off.read(chunk_document(clean_document(source_doc(_MEASURES, "m.en.txt")))) == []
    on = RecommendationReader(words)
    assert on.names_only_a_group("صناعة التكنولوجيا:") and on.names_only_a_group("Technology companies:")
    assert not on.names_only_a_group("Technology companies")  # no colon: a title, not a lead-in
    assert not on.names_only_a_group("In the past year, technology companies reported the following figures:")
    assert not on.names_only_a_group("Challenges:")
