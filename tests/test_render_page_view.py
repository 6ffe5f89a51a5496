"""The cited page panel's words: the list of citations and the line above the image, per language."""
from __future__ import annotations

from pathlib import Path

from assistant.models import Citation
from assistant.page_view import PageView
from assistant.render.page_view import caption, choice, choices, note


def cite(n: int, file_name: str, page: int | None, symbol: str = "") -> Citation:
    return Citation(n=n, doc_id="d", file_name=file_name, title="Orvieto Compact on hotline transparency",
                    symbol=symbol, label="", page=page, quote="q", start=0, end=1, chunk_id="c")


def test_each_citation_says_its_page_or_that_it_has_no_page_image():
    assert choice(cite(2, "orvieto.pdf", 7), "en") == "[2] Orvieto Compact on hotline transparency, p. 7"
    assert choice(cite(2, "orvieto.pdf", 7, symbol="A/HRC/28/56"), "ar") == "[2] A/HRC/28/56، ص 7"
    assert choice(cite(1, "qatar.txt", None), "en").endswith("(no page image)")
    assert choice(cite(1, "qatar.txt", None), "ar").endswith("(بلا صورة صفحة)")


def test_the_list_opens_on_the_first_citation_that_has_a_page_image():
    pairs, first = choices([cite(1, "a.txt", None), cite(2, "b.pdf", 3), cite(3, "c.pdf", 4)], "en")
    assert [v for _, v in pairs] == ["1", "2", "3"] and first == "2"
    assert choices([cite(1, "a.txt", None)], "en")[1] == "1"
    assert choices([], "en") == ([], None)


def test_the_caption_names_the_page_in_the_askers_language_and_says_what_is_approximate():
    view = PageView(2, Path("p.png"), 10, 10, (), True, "exact")
    assert caption(view, cite(1, "b.pdf", 2), "en") == "**[1] Orvieto Compact on hotline transparency**, p. 2"
    assert caption(view, cite(1, "b.pdf", 2), "ar") == "**[1] Orvieto Compact on hotline transparency**، ص 2"
    rough = PageView(2, Path("p.png"), 10, 10, (), False, "approximate")
    assert caption(rough, cite(1, "b.pdf", 2), "en").endswith("\n\n" + note(rough, "en"))
    assert "best match" in note(rough, "en") and "الأقرب" in note(rough, "ar")
    assert note(PageView(3, Path("p.png"), status="continues"), "en") == "The quote continues on page 4."


def test_a_source_without_an_image_says_why_in_the_askers_language():
    text = PageView(None, None, status="no_pages", detail=".txt")
    assert caption(text, cite(1, "a.txt", None), "en") == (
        "**[1] Orvieto Compact on hotline transparency**: this source is a text file; no page image.")
    assert note(text, "ar") == "هذا المصدر ملف نصي، فلا صورة لصفحاته."
    assert "Word document" in note(PageView(None, None, status="no_pages", detail=".docx"), "en")
    assert note(PageView(None, None, status="missing", detail="x.pdf"), "en") == "x.pdf is no longer in the library."
    assert note(PageView(9, None, status="bad_page", detail="3"), "en") == "this PDF has no page 9 (it has 3)."
