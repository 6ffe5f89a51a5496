"""One reference formatter per language: document, paragraph label and page."""
from __future__ import annotations

from dataclasses import replace

from assistant.render.references import references


def test_each_language_writes_the_page_its_own_way(answers):
    c = replace(answers["op"].citations[0], page=12)  # the bundled corpus is text files, without pages
    assert references("en").locator(c) == ["OP 3", "p. 12"]
    assert references("ar").locator(c) == ["OP 3", "ص 12"]
    assert references("en").locator(replace(c, page=None)) == ["OP 3"]


def test_a_reference_names_the_symbol_and_the_paragraph_where_they_are_known(answers):
    c = replace(answers["op"].citations[0], symbol="A/C.3/77/L.1")
    assert references("en").beside_title(c).startswith("A/C.3/77/L.1, OP 3")
    assert references("en").full(c).startswith(f"{c.title} (A/C.3/77/L.1), OP 3")
    assert references("en").full(replace(c, symbol="")).startswith(f"{c.title}, OP 3")


def test_a_heading_has_no_paragraph_label_in_its_reference(library):
    heading = next(c for c in library.retriever.by_doc["ga-resolution-2022"] if c.is_heading)
    assert references("en").beside_title(heading) == ", ".join(
        x for x in (heading.symbol, f"p. {heading.page}" if heading.page else "") if x)


def test_without_a_symbol_the_short_reference_falls_back_to_the_title(answers):
    c = replace(answers["op"].citations[0], symbol="A/C.3/77/L.1")
    assert references("en").short(c).startswith("A/C.3/77/L.1, OP 3")
    untitled = replace(c, symbol="")
    assert references("en").short(untitled).startswith(f"{c.title}, OP 3")
    assert references("en").beside_title(untitled).startswith("OP 3")


def test_a_source_line_holds_everything_needed_to_find_the_quote_again(answers):
    c = answers["op"].citations[0]
    assert references("en").source_line(c) == f"[{c.n}] {references('en').full(c)} — «{c.quote}»"
