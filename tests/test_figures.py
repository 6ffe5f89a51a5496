"""The figures index: read from synthetic sentences (visual order, Arabic-Indic digits, pointers) and from the
real indexed library, against figures checked by hand in the documents' text."""
from __future__ import annotations

import pytest

from assistant.figures import FigureReader, FigureWords
from assistant.glossary import Glossary
from indexing.chunking import chunk_document
from indexing.cleaning import clean_document
from indexing.config import Settings

from conftest import CORPUS, source_doc


@pytest.fixture(scope="module")
def reader() -> FigureReader:
    settings = Settings(corpus_dir=CORPUS)
    return FigureReader(FigureWords.load(settings.figure_words_path), Glossary.load(settings.glossary_path))


def figures_of(reader: FigureReader, text: str, name: str = "doc.ar.txt"):
    chunks = chunk_document(clean_document(source_doc(text, name)))
    return [f for c in chunks for f in reader.read(c, 2020)]


def test_a_number_pushed_to_the_end_of_its_line_counts_the_phrase_it_begins(reader):
    # Written: "94% of the images found online show children aged 13 or under"; the PDF's visual order put
    # the number at the end of the first line, between the preposition and its noun.
    text = ("تقرير الرصد السنوي.\n\nمن الصور التي عثر عليها المحللون على %94\nالإنترنت تظهر أطفالاً في سن 13 عاماً أو أقل.\n")
    found = {f.value: f for f in figures_of(reader, text)}
    assert found["94%"].visual_order
    assert found["94%"].counts.startswith("الصور التي عثر عليها المحللون على الإنترنت")
    assert found["13"].unit == "years of age"


def test_a_number_in_its_written_place_counts_the_noun_after_it(reader):
    found = {f.value: f for f in figures_of(reader, "وفي عام 2016 تلقت الخطوط الساخنة ٤٥ مليون بلاغ عن مواد مسيئة.")}
    assert set(found) == {"45 million"}
    f = found["45 million"]
    assert (f.number, f.unit, f.counts, f.year, f.visual_order) == (45e6, "million", "بلاغ", 2016, False)


def test_pointers_footnote_calls_and_paragraph_numbers_are_not_figures(reader):
    text = ("19 - تطلب إلى الدول الأعضاء تنفيذ المادة 18 من الاتفاقية والقانون رقم (14) لسنة 2014، "
            "وفقاً للقرار 7/13 والتشفير من طرف إلى طرف4 وتقرير الفقرة 37.\n")
    assert figures_of(reader, text) == []


def test_english_percentages_ratios_and_amounts(reader):
    text = "In 2019, 45 per cent of children were online; one in 5 had met a stranger, at a cost of US$ 70 each."
    found = {f.value: f for f in figures_of(reader, text, "doc.en.txt")}
    assert found["45%"].counts == "children" and found["45%"].year == 2019
    assert found["70 USD"].unit == "USD" and found["1 in 5"].unit == "ratio"


# -- the real library -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def index(library):
    return library.figures()


def test_the_library_holds_over_a_hundred_figures_from_every_document(index, library):
    assert len(index.figures) >= 100
    assert {f.doc_id for f in index.figures} == {d.doc_id for d in library.documents()}


# Checked by reading corpus/gta-2019.ar.txt ("نقاط البيانات الرئيسية" and "النمو منذ التقييم العالمي
# للتهديدات لعام 2018", the two infographic pages, and "الشكل 2: النمو الرقمي") and the Special Rapporteur's
# para. 22: (value, words of what it counts, document, words of the locator).
CHECKED = [
    ("94%", "مواد الاعتداء الجنسي على الأطفال", "gta-2019", "المنهجية"),
    ("39%", "مواد الاعتداء الجنسي على الأطفال", "gta-2019", "المنهجية"),
    ("2/3", "إحالة إلى المركز الوطني للأطفال", "gta-2019", "المنهجية"),
    ("750,000", "التواصل مع الأطفال", "gta-2019", "المنهجية"),
    ("46 million", "صور أو مقاطع فيديو", "gta-2019", "المنهجية"),
    ("90", "البلدان الأعضاء", "gta-2019", "أهداف تقييم التهديد العالمي"),
    ("80%", "زيادة في التقارير", "gta-2019", "السیاق الاجتماعي البیئي"),
    ("288 million", "مستخدمي وسائل التواصل الاجتماعي النشطین", "gta-2019", "اتجاهات التكنولوجيا"),
    ("2.8 billion", "مستخدم", "sr-report-a-hrc-28-56", "الفقرة 22"),
]


@pytest.mark.parametrize("value,counts,doc_id,where", CHECKED)
def test_hand_checked_figures_count_what_the_document_says(index, value, counts, doc_id, where):
    hits = [f for f in index.select(doc_id=doc_id) if f.value == value and counts in f.counts]
    assert hits, [(f.value, f.counts) for f in index.select(doc_id=doc_id) if f.value == value]
    assert any(where in f.locator for f in hits)


def test_the_year_is_the_one_the_sentence_names_else_the_documents(index):
    sr = {f.value: f for f in index.select(doc_id="sr-report-a-hrc-28-56") if f.locator.split("، ")[0] == "الفقرة 22"}
    assert sr["2.8 billion"].year == 2013 and sr["40%"].counts == "سكان العالم" and sr["40%"].year == 2013
    gta = [f for f in index.select(doc_id="gta-2019") if f.value == "18.4 million"]
    assert gta[0].year == 2018  # "في عام 2018" with its footnote call glued on: "20183"


INFOGRAPHIC = {"18.4 million", "2/3", "13.3 million", "4.6 million", "94%", "39%", "46 million", "750,000", "90",
               "22", "26", "367 million", "9%", "122 million", "1 in 3", "80%", "100%", "33%", "+1.1%", "84 million",
               "+2%", "100 million", "+9.1%", "288 million", "+9%", "297 million", "+10%"}


def test_every_figure_of_the_infographic_pages_is_indexed_with_its_sentence(index):
    gta = index.select(doc_id="gta-2019")
    assert INFOGRAPHIC <= {f.value for f in gta}
    for f in gta:
        if f.value in INFOGRAPHIC:
            assert f.written.translate(str.maketrans("", "", "%+ ")) and f.counts and f.sentence


def test_search_and_filters_narrow_the_index(index):
    hits = index.select(query="مستخدمي", doc_id="gta-2019")
    everything = index.select(doc_id="gta-2019")
    assert 0 < len(hits) < len(everything) and any(f.value == "288 million" for f in hits)
    assert all("مستخدمي" in f.sentence or "مستخدمي" in f.counts for f in hits)
    topic = next(t for t in index.topics())
    assert all(f.topic == topic for f in index.select(topic=topic))
