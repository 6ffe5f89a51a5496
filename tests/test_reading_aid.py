"""Reading aids: the figures and terms of a quote in the other language, said in the asker's language."""
from __future__ import annotations

from assistant.glossary import Glossary, Term
from assistant.models import Answer, Citation, CitationGroup
from assistant.reading_aid import SOURCES_IN, ReadingAids, figures
from indexing.language import script_language
from indexing.models import DocumentMeta

GLOSSARY = Glossary([
    Term(("sexual exploitation of children", "sexual exploitation"), ("الاستغلال الجنسي للأطفال", "الاستغلال الجنسي")),
    Term(("livestreaming",), ("البث المباشر",)),
    Term(("sextortion",), ("الابتزاز الجنسي",)),
    Term(("children",), ("الأطفال",)),
])
META = DocumentMeta(doc_id="report", file_name="report.ar.txt", title_en="Annual report: a long subtitle",
                    title_ar="التقرير السنوي")


def cite(n: int, quote: str, label: str = "", page: int | None = None) -> Citation:
    return Citation(n=n, doc_id="report", file_name="report.ar.txt", title="Annual report: a long subtitle",
                    symbol="A/1/2", label=label, page=page, quote=quote, start=0, end=len(quote), chunk_id=f"c{n}")


def test_figures_are_written_with_latin_digits_and_their_percent_and_scale():
    got = [f.text for f in figures("ارتفعت البلاغات بنسبة ٤٥ في المائة إلى 2.3 مليون بلاغ في عام 2021، و%12 منها")]
    assert got == ["45%", "2.3 million", "2021", "12%"]


def test_item_numbers_footnote_calls_and_law_numbers_are_not_figures():
    assert figures("7 - تحث الدول على التعاون") == []
    assert [f.text for f in figures("صدر القانون رقم (14) لسنة 2014")] == ["2014"]
    assert figures("الأطفال8) في المنطقة") == []
    assert [f.is_year for f in figures("In 2019, 300 reports were made.")] == [True, False]


def test_terms_in_the_quote_are_given_in_the_askers_language_without_nested_repeats():
    aids = ReadingAids(GLOSSARY)
    terms = aids.terms("يشمل الاستغلال الجنسي للأطفال البث المباشر والابتزاز الجنسي", "ar", "en")
    assert terms == [("الاستغلال الجنسي للأطفال", "sexual exploitation of children"),
                     ("البث المباشر", "livestreaming"), ("الابتزاز الجنسي", "sextortion")]


def test_an_english_answer_gets_one_line_per_arabic_quote_and_one_notice():
    arabic = cite(1, "ازداد البث المباشر للاعتداء على الأطفال بنسبة 30 في المائة في عام 2020.", "para. 4", 3)
    english = cite(2, "Children were targeted through gaming platforms.")
    answer = Answer("How common is livestreaming?", "en", intro="The documents say:", citations=(arabic, english),
                    groups=(CitationGroup("report", "A/1/2", (arabic, english)),))
    out = ReadingAids(GLOSSARY).annotate(answer, {"report": META})
    aid = out.citations[0].reading_aid
    assert aid == ("Annual report, A/1/2, para. 4, p. 3 · figures: 30%, 2020 · "
                   "terms: البث المباشر — livestreaming, الأطفال — children")
    assert out.citations[1].reading_aid == ""  # already in the asker's language
    assert out.groups[0].citations[0].reading_aid == aid  # the groups carry the same citations
    assert out.notices == (SOURCES_IN["en"],)


def test_an_arabic_answer_gets_arabic_lines_under_english_quotes():
    quote = cite(1, "In 2019, livestreaming reports rose by 25%.")
    answer = Answer("كم زاد البث المباشر؟", "ar", citations=(quote,), groups=(CitationGroup("report", "A/1/2", (quote,)),))
    aid = ReadingAids(GLOSSARY).annotate(answer, {"report": META}).citations[0].reading_aid
    assert aid.startswith("التقرير السنوي، A/1/2")
    assert "أرقام: 2019، 25%" in aid and "مصطلحات: livestreaming — البث المباشر" in aid


def test_an_answer_all_in_the_askers_language_is_left_as_it_is():
    quote = cite(1, "Children were targeted through gaming platforms.")
    answer = Answer("Who is targeted?", "en", citations=(quote,))
    assert ReadingAids(GLOSSARY).annotate(answer) is answer


def test_english_questions_over_the_arabic_library_get_aids_with_terms_or_figures(library):
    """The real glossary on real answers: most Arabic quotes in English answers name a term or a figure."""
    questions = ["What do the documents say about sextortion of children?",
                 "How many countries have a national strategy?",
                 "What should internet service providers do about abuse material?"]
    quotes = [c for q in questions for c in library.ask(q).citations if script_language(c.quote) == "ar"]
    assert quotes and all(c.reading_aid for c in quotes)
    rich = [c for c in quotes if "terms:" in c.reading_aid or "figures:" in c.reading_aid]
    assert len(rich) >= 0.8 * len(quotes)


def test_annotating_twice_changes_nothing_more():
    quote = cite(1, "ازداد البث المباشر بنسبة 30 في المائة.")
    answer = Answer("How common is livestreaming?", "en", citations=(quote,))
    once = ReadingAids(GLOSSARY).annotate(answer)
    assert ReadingAids(GLOSSARY).annotate(once) == once
