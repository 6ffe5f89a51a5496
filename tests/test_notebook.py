"""The trainer's notebook as data: pinning from real answers, order, notes, removal, and its JSON file form."""
from __future__ import annotations

import json

import pytest

from assistant.notebook import SCHEMA, VERSION, Notebook, NotebookError, NotebookItem

MAX = 50


def pinned(answers, *picks) -> Notebook:
    """A notebook of (answer key, citation number or None for the whole answer) picks, in that order."""
    nb = Notebook()
    for key, n in picks:
        answer = answers[key]
        nb = nb.add(NotebookItem.of_answer(answer) if n is None else NotebookItem.of_citation(answer, n), MAX)
    return nb


def test_a_pinned_citation_keeps_its_verbatim_quote_and_every_reference_field(answers):
    answer = answers["ar"]
    c = answer.citations[0]
    item = NotebookItem.of_citation(answer, c.n)
    assert item.kind == "citation" and item.language == "ar" and item.question == answer.question
    assert item.text == item.quote == c.quote
    (s,) = item.sources
    assert (s.doc_id, s.title, s.symbol, s.label, s.locator, s.page, s.start, s.end, s.chunk_id) == (
        c.doc_id, c.title, c.symbol, c.label, c.locator, c.page, c.start, c.end, c.chunk_id)


def test_a_pinned_answer_keeps_its_own_words_and_all_its_quotes_in_order(answers):
    answer = answers["en"]
    item = NotebookItem.of_answer(answer)
    assert item.kind == "answer" and item.text == answer.intro.strip()
    assert [s.quote for s in item.sources] == [c.quote for c in answer.citations]
    assert [s.n for s in item.sources] == [c.n for c in answer.citations]


def test_pinning_a_number_the_answer_does_not_cite_says_which_it_cites(answers):
    with pytest.raises(NotebookError, match=r"no citation \[99\]; it cites \[1\]"):
        NotebookItem.of_citation(answers["en"], 99)


def test_the_same_citation_pinned_twice_is_refused_and_the_notebook_unchanged(answers):
    nb = pinned(answers, ("en", 1))
    with pytest.raises(NotebookError, match="Already in the notebook, as item 1"):
        nb.add(NotebookItem.of_citation(answers["en"], 1), MAX)
    assert len(nb) == 1


def test_a_full_notebook_refuses_another_item(answers):
    nb = pinned(answers, ("en", 1), ("en", 2))
    with pytest.raises(NotebookError, match=r"full \(2 items\)"):
        nb.add(NotebookItem.of_citation(answers["ar"], 1), 2)


def test_moving_an_item_up_or_down_reorders_and_stops_at_either_end(answers):
    nb = pinned(answers, ("en", 1), ("ar", 1), ("op", None))
    a, b, c = (item.id for item in nb.items)
    assert [i.id for i in nb.move(c, -1).items] == [a, c, b]
    assert [i.id for i in nb.move(a, +1).items] == [b, a, c]
    assert [i.id for i in nb.move(a, -1).items] == [a, b, c]  # already first
    assert [i.id for i in nb.move(c, +5).items] == [a, b, c]  # already last
    assert [i.id for i in nb.items] == [a, b, c]  # every change is a new notebook


def test_a_note_and_a_removal_change_only_their_item(answers):
    nb = pinned(answers, ("en", 1), ("ar", 1))
    first, second = nb.items
    noted = nb.annotate(second.id, "  اقرأ هذه الفقرة بصوت عالٍ  ")
    assert noted.items[1].note == "اقرأ هذه الفقرة بصوت عالٍ" and noted.items[0] == first
    assert noted.remove(first.id).items == (noted.items[1],)


def test_an_item_that_is_gone_is_a_clear_error(answers):
    nb = pinned(answers, ("en", 1))
    for change in (lambda: nb.remove("c-000"), lambda: nb.move("c-000", 1), lambda: nb.annotate("c-000", "x")):
        with pytest.raises(NotebookError, match="No item 'c-000' in the notebook"):
            change()


def test_the_json_form_round_trips_arabic_notes_order_and_references(answers):
    nb = pinned(answers, ("ar", 1), ("en", None), ("op", 1))
    nb = nb.annotate(nb.items[0].id, "ملاحظة: للنقاش في الجلسة الثانية").move(nb.items[2].id, -2)
    text = nb.to_json()
    assert "ملاحظة" in text  # written as Arabic, not \u escapes: a trainer can read the file
    data = json.loads(text)
    assert data["schema"] == SCHEMA and data["version"] == VERSION
    assert Notebook.from_json(text) == nb
    assert Notebook.of(data) == nb


def test_what_a_browser_kept_before_any_pin_is_an_empty_notebook():
    assert Notebook.of(None) == Notebook() == Notebook.of({})


def good_file(answers) -> dict:
    return pinned(answers, ("ar", 1), ("en", None)).to_dict()


def broken(answers, change) -> dict:
    data = good_file(answers)
    change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(schema="something-else"), "Not a notebook file: its 'schema' is 'something-else'"),
    (lambda d: d.update(version=VERSION + 1), "written by a newer version of the app"),
    (lambda d: d.update(version="1"), "'version' must be a whole number"),
    (lambda d: d.update(items={"a": 1}), "'items' must be a list, not an object"),
    (lambda d: d["items"].append("a quote"), "Item 3 must be an object, not text"),
    (lambda d: d["items"][1].update(kind="slide"), "Item 2: 'kind' must be 'citation' or 'answer', not 'slide'"),
    (lambda d: d["items"][0].update(language="fr"), "Item 1: 'language' must be 'ar' or 'en'"),
    (lambda d: d["items"][0]["sources"].append(d["items"][0]["sources"][0]),
     "Item 1: a pinned citation has exactly one source, not 2"),
    (lambda d: d["items"][0]["sources"][0].pop("quote"), "Item 1, source 1: 'quote' is missing"),
    (lambda d: d["items"][1]["sources"][0].update(page="12"),
     "Item 2, source 1: 'page' must be a whole number, not text"),
    (lambda d: d["items"][0].update(id=""), "Item 1: 'id' must be non-empty text"),
    (lambda d: d["items"].append(d["items"][0]), "Item 3 repeats item 1"),
])
def test_a_bad_file_is_refused_saying_what_is_wrong_and_where(answers, change, message):
    with pytest.raises(NotebookError) as err:
        Notebook.from_dict(broken(answers, change))
    assert message in str(err.value)


def test_a_file_that_is_not_json_or_not_an_object_is_refused():
    with pytest.raises(NotebookError, match="not valid JSON"):
        Notebook.from_json("{items: ")
    with pytest.raises(NotebookError, match="expected a JSON object, found a list"):
        Notebook.from_json("[1, 2]")
