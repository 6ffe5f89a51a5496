"""One reference formatter per language: document, paragraph label and page."""
from __future__ import annotations

from dataclasses import replace

from assistant.render.references import references


def test_each_language_writes_the_label_and_page_its_own_way(answers):
    c = replace(answers["op"].citations[0], page=12, locator="")  # the bundled corpus is text files, without pages
    assert references("en").locator(c) == ["OP 3", "p. 12"]
    assert references("ar").locator(c) == ["الفقرة 3 من المنطوق", "ص 12"]
    assert references("en").locator(replace(c, page=None)) == ["OP 3"]


def test_a_reference_names_the_symbol_and_the_paragraph_where_they_are_known(answers):
    c = replace(answers["op"].citations[0], symbol="A/C.3/77/L.1")
    assert references("en").beside_title(c).startswith("A/C.3/77/L.1, OP 3")
    assert references("en").full(c).startswith(f"{c.title} (A/C.3/77/L.1), OP 3")
    assert references("en").full(replace(c, symbol="")).startswith(f"{c.title}, OP 3")


def test_a_heading_has_no_paragraph_label_but_its_place_in_its_reference(library):
    heading = next(c for c in library.retriever.by_doc["ga-resolution-2022"] if c.is_heading)
    assert references("en").beside_title(heading) == ", ".join(
        x for x in (heading.symbol, f"passage {heading.ordinal + 1}") if x)


def test_without_a_symbol_the_short_reference_falls_back_to_the_title(answers):
    c = replace(answers["op"].citations[0], symbol="A/C.3/77/L.1")
    assert references("en").short(c).startswith("A/C.3/77/L.1, OP 3")
    untitled = replace(c, symbol="")
    assert references("en").short(untitled).startswith(f"{c.title}, OP 3")
    assert references("en").beside_title(untitled).startswith("OP 3")


def test_a_source_line_holds_everything_needed_to_find_the_quote_again(answers):
    c = answers["op"].citations[0]
    assert references("en").source_line(c) == f"[{c.n}] {references('en').full(c)} — «{c.quote}»"


def test_stored_labels_are_written_in_each_languages_words():
    en, ar = references("en"), references("ar")
    assert [en.label(x) for x in ("OP 4", "PP 7", "para. 48")] == ["OP 4", "PP 7", "para. 48"]
    assert [ar.label(x) for x in ("OP 4", "PP 7", "para. 48")] == [
        "الفقرة 4 من المنطوق", "الفقرة 7 من الديباجة", "الفقرة 48"]


def test_an_unlabelled_passage_is_located_by_heading_path_and_paragraph_and_its_page():
    from indexing.models import Chunk, Place

    chunk = Chunk(chunk_id="d#00003", doc_id="d", text="x" * 300, search_text="", start=1000, end=1300, ordinal=3,
                  section="Section 3", page=4, page_starts=((1200, 5),),
                  places=(Place(1000, "Section 3", 3), Place(1100, "Section 3 > Livestreaming", 4)))
    assert references("en").locate(chunk, 1000) == "Section 3, ¶ 3, p. 4"
    assert references("en").locate(chunk, 1150) == "Section 3 › Livestreaming, ¶ 4, p. 4"
    assert references("ar").locate(chunk, 1250) == "Section 3 › Livestreaming، الفقرة 4، ص 5"
    bare = Chunk(chunk_id="d#00000", doc_id="d", text="y", search_text="", start=0, end=1, ordinal=0)
    assert references("en").locate(bare) == "passage 1" and references("ar").locate(bare) == "المقطع 1"


def test_a_user_added_document_is_cited_as_added_by_whom_and_when_in_every_reference(answers):
    from assistant.render.markdown import answer_markdown

    c = replace(answers["op"].citations[0], added_by="editor-1", added_at="2026-12-02T04:00:00Z")
    assert references("en").beside_title(c).endswith("added by editor-1, 2026-12-02")
    assert references("ar").beside_title(c).endswith("أضافها editor-1، 2026-12-02")
    assert "added by editor-1, 2026-12-02" in references("en").source_line(c)
    assert "added by" not in references("en").full(answers["op"].citations[0])  # the bundled corpus: no mark
    marked = answers["en"].with_citations({c.n: replace(c, added_by="editor-1", added_at="2026-12-02T04:00:00Z")
                                            for c in answers["en"].citations[:1]})
    assert "added by editor-1" in answer_markdown(marked)


def test_a_heading_longer_than_a_line_is_cited_by_its_opening_words():
    from indexing.models import Chunk, Place

    question = "2. What practical recommendations would you make to States, the technology industry and online " \
               "service providers to prevent the sexual exploitation of children?"
    chunk = Chunk(chunk_id="d#00004", doc_id="d", text="z" * 100, search_text="", start=0, end=100, ordinal=4,
                  section=f"{question} > In States:", places=(Place(0, f"{question} > In States:", 2),))
    where = references("en").locate(chunk, 0)
    assert where.startswith("2. What practical recommendations would you make to States, the…") and len(where) < 110
    assert where.endswith("› In States:, ¶ 2")


def test_a_long_heading_without_spaces_is_cut_at_the_line_length_not_to_one_character():
    from assistant.render.references import SECTION_PART_CHARS, section_path

    shown = section_path("x" * 200)
    assert shown == "x" * SECTION_PART_CHARS + "…"
