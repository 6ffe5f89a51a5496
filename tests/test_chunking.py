"""Chunks follow the documents' own units and stay exact slices of the cleaned text."""
from __future__ import annotations

import re

from conftest import read, source_doc

from indexing.chunking import chunk_document
from indexing.cleaning import clean_document
from indexing.config import ChunkingSettings


def chunks_of(name: str, **kw):
    clean = clean_document(source_doc(read(name), name=name, **kw))
    return clean, chunk_document(clean)


def test_every_operative_paragraph_of_the_resolution_is_a_labelled_unit():
    _, chunks = chunks_of("ga-resolution-2022.ar.txt")
    ops = [c.label for c in chunks if c.label.startswith("OP ")]
    assert ops == [f"OP {n}" for n in range(1, 23)]
    op4 = next(c for c in chunks if c.label == "OP 4")
    assert op4.text.startswith("4 - تحث الدول الأعضاء على تجريم")
    assert op4.text.rstrip().endswith("إلى العدالة؛")  # its second half, after a blank line, stays with it


def test_preambular_paragraphs_are_labelled_and_footnotes_kept_apart():
    _, chunks = chunks_of("ga-resolution-2022.ar.txt")
    pps = [c for c in chunks if c.label.startswith("PP ")]
    assert len(pps) >= 25
    assert all(re.match(r"^و?إن ", c.text) for c in pps)
    assert {c.label for c in chunks if c.label.startswith("fn.")} == {f"fn. {n}" for n in range(1, 6)}


def test_operative_paragraph_split_across_pages_stays_whole():
    pages = [
        "إن الجمعية العامة،\n\nوإن تشير إلى قرارها السابق،\n\n1 - تحث الدول الأعضاء على الحوار؛\n\n"
        "2 - تهيب بالدول الأعضاء أن تتخذ التدابير المناسبة، وفقاً للقانون المحلي، لتقييد الوصول",
        "إلى مواد الاعتداء الجنسي على الأطفال في الفضاء السيبراني؛\n\n3 - تطلب إلى المكتب أن يقدم تقريراً.",
    ]
    clean = clean_document(source_doc("", name="res.pdf", pages=pages))
    chunks = chunk_document(clean)
    op2 = next(c for c in chunks if c.label == "OP 2")
    assert "لتقييد الوصول إلى مواد الاعتداء" in op2.text
    assert op2.page == 1
    assert next(c for c in chunks if c.label == "OP 3").page == 2


def test_every_numbered_paragraph_of_the_rapporteur_report_is_labelled_with_its_section():
    _, chunks = chunks_of("sr-report-a-hrc-28-56.ar.txt")
    numbers = sorted({int(c.label.split()[1]) for c in chunks if c.label.startswith("para. ")})
    assert numbers == list(range(1, max(numbers) + 1))
    assert max(numbers) >= 89
    para2 = next(c for c in chunks if c.label == "para. 2")
    assert para2.section == "ثانياً- الأنشطة > ألف- الزيارات القطرية"
    para4 = next(c for c in chunks if c.label == "para. 4")
    assert para4.section.startswith("ثانياً- الأنشطة > باء- أنشطة أخرى > 1-")


def test_sub_items_of_a_recommendation_stay_with_their_paragraph():
    _, chunks = chunks_of("sr-report-a-hrc-28-56.ar.txt")
    para88 = " ".join(c.text for c in chunks if c.label == "para. 88")
    assert "(أ) إنشاء إطار قانوني عالمي شامل" in para88


def test_other_documents_are_packed_to_the_embedders_size_with_overlap():
    settings = ChunkingSettings()
    for name in ("gta-2019.ar.txt", "mnr-review-2022.ar.txt", "qatar-submission-2024.txt"):
        clean, chunks = chunks_of(name)
        assert len(chunks) > 10
        assert max(len(c.text) for c in chunks) <= settings.max_chars + 10
        covered = set()
        for c in chunks:
            covered.update(range(c.start, c.end))
        body = {i for i, ch in enumerate(clean.text) if not ch.isspace()}
        assert body <= covered, f"{name}: text left out of every chunk"


def test_chunks_are_exact_slices_with_metadata():
    for name in ("ga-resolution-2022.ar.txt", "gta-2019.ar.txt", "sr-report-a-hrc-28-56.ar.txt"):
        clean, chunks = chunks_of(name)
        for c in chunks:
            assert clean.text[c.start: c.end] == c.text
            assert c.doc_id and c.file_name == name and c.content_hash and c.search_text
            assert c.language in ("ar", "en")
        assert [c.ordinal for c in chunks] == list(range(len(chunks)))
        assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_infographic_numbers_stay_with_the_sentence_they_belong_to():
    _, chunks = chunks_of("mnr-review-2022.ar.txt")
    figure = next(c for c in chunks if "الخط الساخن" in c.text and "9010" in c.text)
    assert len(figure.text) > 200  # not a bare fragment on its own


def test_the_resolutions_title_block_is_a_heading_without_a_paragraph_label():
    _, chunks = chunks_of("ga-resolution-2022.ar.txt")
    assert chunks[0].is_heading and chunks[0].label == ""
    assert not any(c.is_heading for c in chunks if c.label)


# --------------------------------------------------------------------------------------------------
# Unnumbered text: section paths and each paragraph's place under its heading
# --------------------------------------------------------------------------------------------------

UNNUMBERED = (
    "Online risks  01\n"
    "Children spend more time online every year and meet strangers there more often than before.\n\n"
    "Livestreaming\n\n"
    "Offenders pay to watch abuse streamed live from another country, which leaves no file behind.\n\n"
    "Payments are small and frequent, so that banks rarely flag them as suspicious transfers.\n\n"
    "Responses  02\n"
    "Hotlines receive reports from the public and pass them to the police of the country concerned.\n"
)


def test_unnumbered_text_gets_heading_paths_and_paragraph_places():
    clean = clean_document(source_doc(UNNUMBERED, name="report.txt"))
    chunks = chunk_document(clean, ChunkingSettings(max_chars=200, min_chars=50, overlap_chars=0))
    places = {p.start: p for c in chunks for p in c.places}

    def place_of(phrase):
        offset = clean.text.index(phrase)
        chunk = next(c for c in chunks if c.start <= offset < c.end)
        return chunk.place_at(offset)

    assert place_of("Children spend").section == "Online risks 01" and place_of("Children spend").n == 1
    assert (place_of("Offenders pay").section, place_of("Offenders pay").n) == ("Online risks 01 > Livestreaming", 1)
    assert (place_of("Payments are").section, place_of("Payments are").n) == ("Online risks 01 > Livestreaming", 2)
    assert (place_of("Hotlines receive").section, place_of("Hotlines receive").n) == ("Responses 02", 1)
    assert all(c.text == clean.text[c.start:c.end] for c in chunks) and places


def test_the_unnumbered_corpus_documents_get_section_paths_on_their_chunks():
    for name in ("gta-2019.ar.txt", "mnr-review-2022.ar.txt", "qatar-submission-2024.txt"):
        _, chunks = chunks_of(name)
        assert not any(c.label for c in chunks), name
        sectioned = [c for c in chunks if c.section]
        assert len(sectioned) >= 0.9 * len(chunks), name
        assert len({c.section for c in sectioned}) >= 5, name
        assert all(c.places for c in chunks), name


def test_a_chunk_across_a_page_break_keeps_where_each_page_starts():
    pages = ["First page text about hotlines and their reports to the police of many countries",
             "Second page text about livestreaming and payments made across borders every day."]
    clean = clean_document(source_doc("", name="two.pdf", pages=pages))
    (chunk,) = chunk_document(clean)
    second = clean.text.index("Second page")
    assert chunk.page == 1 and chunk.page_starts == ((second, 2),)
    assert chunk.page_at(chunk.start) == 1 and chunk.page_at(second) == 2 and chunk.page_at(chunk.end - 1) == 2


def test_a_questionnaires_numbered_questions_head_the_answers_and_their_headings_below_them():
    text = ("1. ما هي التحديات التي تواجه الدول؟\n\nتواجه الدول تحديات كثيرة في التحقيق عبر الحدود.\n\n"
            "2. ما هي التوصيات العملية التي تقترحها على الدول وصناعة التكنولوجيا؟\n\nفي الدول:\n\n"
            "- سن قوانين صارمة تستهدف استغلال الأطفال عبر الإنترنت.\n\nصناعة التكنولوجيا:\n\n"
            "- تطوير أدوات قوية للإشراف على المحتوى.\n\n"
            "3. ما هي الثغرات المتبقية؟\n\nفي الدول:\n\n- نقص الوعي في المجتمع بمخاطر الإنترنت.")
    clean = clean_document(source_doc(text, name="answers.txt"))
    chunks = chunk_document(clean, ChunkingSettings(max_chars=60, min_chars=20, overlap_chars=0))
    by_text = {c.text.split("\n")[-1]: c for c in chunks}

    def section_of(opening: str) -> str:
        chunk = next(c for c in chunks if opening in c.text)
        return chunk.place_at(chunk.start + chunk.text.index(opening)).section

    second = "2. ما هي التوصيات العملية التي تقترحها على الدول وصناعة التكنولوجيا؟"
    assert section_of("تواجه الدول") == "1. ما هي التحديات التي تواجه الدول؟"
    assert section_of("سن قوانين") == f"{second} > في الدول:"
    assert section_of("تطوير أدوات") == f"{second} > صناعة التكنولوجيا:"
    assert section_of("نقص الوعي") == "3. ما هي الثغرات المتبقية؟ > في الدول:"  # the next question starts afresh
    assert by_text and all(c.text == clean.text[c.start:c.end] for c in chunks)
