"""Paragraph look-up: paragraphs before footnotes, and a paragraph's text without its Markdown marks."""
from __future__ import annotations

from assistant.render.lookup import is_footnote, lookup_html, lookup_list, plain_text, reading, text_html


def test_footnotes_are_listed_after_every_paragraph_and_named_as_footnotes(library):
    labels = library.labels("ga-resolution-2022")
    assert any(is_footnote(lab) for lab in labels)  # the resolution has footnotes, indexed between its paragraphs
    found = lookup_list(labels)
    assert found.paragraphs[0] == "PP 1" and "OP 1" in found.paragraphs
    assert not any(is_footnote(p) for p in found.paragraphs) and all(is_footnote(f) for f in found.footnotes)
    assert [p for p in labels if not is_footnote(p)] == list(found.paragraphs)  # reading order kept
    shown = found.choices()
    assert [value for _, value in shown] == [*found.paragraphs, *found.footnotes]
    assert shown[len(found.paragraphs)] == ("Footnote · حاشية 1", "fn. 1")
    assert found.first == "PP 1"


def test_a_document_without_labels_has_nothing_to_open_on():
    assert lookup_list([]).first is None and lookup_list([]).choices() == []
    assert lookup_list(["fn. 3"]).first == "fn. 3"


def test_markdown_emphasis_is_read_not_shown():
    assert plain_text("United Nations, *Treaty Series*, vol. 1577") == "United Nations, Treaty Series, vol. 1577"
    assert plain_text("**وإن تسلّم** بأهمية") == "وإن تسلّم بأهمية"
    assert plain_text("a __strong__ and _light_ word") == "a strong and light word"
    # Not emphasis: an operator between spaces, marks inside a word, an escaped star.
    assert plain_text("2 * 3 * 4") == "2 * 3 * 4"
    assert plain_text("child_abuse_material") == "child_abuse_material"
    assert plain_text(r"a \*literal\* star") == "a *literal* star"


def test_emphasis_becomes_html_and_everything_else_is_escaped():
    assert text_html("United Nations, *Treaty Series*") == "United Nations, <em>Treaty Series</em>"
    assert text_html("**bold** <b>") == "<strong>bold</strong> &lt;b&gt;"
    assert text_html("*<img src=x onerror=alert(1)>*") == "<em>&lt;img src=x onerror=alert(1)&gt;</em>"


def test_a_footnote_with_an_italic_title_is_rendered_as_text(library):
    chunks = library.paragraph("ga-resolution-2022", "fn. 1")
    assert chunks and "*Treaty Series*" in chunks[0].text  # the index keeps the source's marks (quotes are slices)
    html = lookup_html(chunks)
    assert "<em>Treaty Series</em>" in html and "*" not in html
    assert "fn. 1" in html


def test_a_paragraph_is_read_whole_in_its_own_direction(library):
    html = lookup_html(library.paragraph("ga-resolution-2022", "OP 1"))
    assert "OP 1" in html and 'dir="rtl" lang="ar"' in html and "تشجع" in html
    assert lookup_html([]) == '<p class="pa-meta">No such paragraph in this document.</p>'


def test_footnotes_a_page_break_left_inside_a_paragraph_follow_it_apart(library):
    [pp3] = library.paragraph("ga-resolution-2022", "PP 3")
    assert "*Treaty Series*" in pp3.text  # the slice runs over the foot of the page, footnotes and all
    read = reading(pp3, library.footnotes("ga-resolution-2022"))
    assert [n.label for n in read.footnotes] == ["fn. 1", "fn. 2"]
    assert "United Nations" not in read.text and "المرجع نفسه" not in read.text
    assert "الجماعات الإجرامية المنظمة، بما فيها العصابات" in read.text  # the sentence is whole again
    html = lookup_html([pp3], library.footnotes("ga-resolution-2022"))
    assert "*" not in html and "Footnotes · الحواشي" in html
    assert html.index("الجماعات الإجرامية المنظمة") < html.index("Footnotes") < html.index("<em>Treaty Series</em>")
