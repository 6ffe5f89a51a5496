"""Arabic as PDFs give it (visual order, presentation forms) repaired to logical base letters: real PDFs and strings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fpdf import FPDF

from conftest import AR_LINE, AR_LINE_2, FONT, make_pdf, squash

from indexing.loaders import load_document
from indexing.loaders.visual_order import fix_pdf_arabic


PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")


def make_glyph_pdf(path: Path, lines: list[str]) -> Path:
    """One page, each character drawn by its own text operator, left to right in string order.

    This is how many older producers place glyphs, and pypdf then extracts the characters exactly in the
    order drawn (whereas it reverses right-to-left runs inside one operator), so `lines` given in visual
    order come out of pypdf in visual order.
    """
    pdf = FPDF()
    pdf.add_font("dv", fname=str(FONT))
    pdf.set_font("dv", size=12)
    pdf.add_page()
    y = 20.0
    for line in lines:
        x = 15.0
        for ch in line:
            pdf.text(x, y, ch)
            x += pdf.get_string_width(ch)
        y += 10
    pdf.output(str(path))
    return path


_MIRROR = str.maketrans("()[]", ")(][")


def visual_order(line: str) -> str:
    """A logical right-to-left line as painted, left to right: the bidi algorithm's visual reordering."""
    from fpdf.bidi import BidiParagraph
    from fpdf.enums import TextDirection

    fragments = BidiParagraph(text=line, base_direction=TextDirection.RTL).get_bidi_fragments()
    return "".join(
        text[::-1].translate(_MIRROR) if direction == TextDirection.RTL else text
        for text, direction in reversed(fragments)
    )


def shaped_visual(line: str) -> str:
    """Presentation forms (contextual glyphs) in visual order, as old PDF producers store Arabic."""
    import arabic_reshaper

    return visual_order(arabic_reshaper.reshape(line))


def raw_pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return PdfReader(path).pages[0].extract_text()


# --------------------------------------------------------------------------------------------------
# Arabic PDFs
# --------------------------------------------------------------------------------------------------


def test_arabic_pdf_in_logical_order_loads_as_logical_arabic(tmp_path):
    # One text operator per line: the content stream holds logical order, which pypdf hands back
    # reversed (it reorders right-to-left runs); the loader must give the logical words.
    path = make_pdf(tmp_path / "ar.pdf", [[AR_LINE, AR_LINE_2]], font=True)
    doc = load_document(path)
    text = squash(doc.pages[0].text)
    assert AR_LINE in text
    assert AR_LINE_2 in text
    assert "الاستغلال الجنسي للأطفال" in text
    assert doc.meta.title_ar == AR_LINE
    assert doc.meta.title_en == ""
    assert doc.meta.languages == ("ar",)


def test_arabic_pdf_extracted_in_logical_order_is_left_alone(tmp_path):
    path = make_glyph_pdf(tmp_path / "ar.pdf", [AR_LINE, AR_LINE_2])
    assert raw_pdf_text(path).split("\n") == [AR_LINE, AR_LINE_2]  # pypdf already gives logical order
    doc = load_document(path)
    assert doc.pages[0].text.split("\n") == [AR_LINE, AR_LINE_2]


def test_arabic_pdf_in_visual_order_with_presentation_forms_is_repaired(tmp_path):
    lines = [AR_LINE, AR_LINE_2, "اعتمد القرار A/HRC/28/56 في عام 2015 (المادة 3)"]
    path = make_glyph_pdf(tmp_path / "old.pdf", [shaped_visual(line) for line in lines])
    raw = raw_pdf_text(path)
    assert PRESENTATION_FORMS.search(raw)  # the PDF really gives glyph forms ...
    assert "الاستغلال" not in raw  # ... in visual order
    doc = load_document(path)
    text = doc.pages[0].text
    assert not PRESENTATION_FORMS.search(text)
    assert text.split("\n") == lines
    assert "الاستغلال الجنسي للأطفال" in text
    assert doc.meta.title_ar == AR_LINE


def test_arabic_pdf_in_visual_order_with_base_letters_is_repaired(tmp_path):
    path = make_glyph_pdf(tmp_path / "old.pdf", [visual_order(AR_LINE), visual_order(AR_LINE_2)])
    assert raw_pdf_text(path).split("\n")[0] == AR_LINE[::-1]
    assert load_document(path).pages[0].text.split("\n") == [AR_LINE, AR_LINE_2]


def test_single_short_visual_line_with_presentation_forms_is_repaired(tmp_path):
    # No article or word-final letters to go by: the glyph shapes alone show the order.
    line = "بلغ عدد البلاغات في دول"
    path = make_glyph_pdf(tmp_path / "short.pdf", [shaped_visual(line)])
    assert load_document(path).pages[0].text == line


# --------------------------------------------------------------------------------------------------
# fix_pdf_arabic on strings
# --------------------------------------------------------------------------------------------------


LOGICAL_LINES = [
    AR_LINE,
    AR_LINE_2,
    "اعتمد القرار A/HRC/28/56 في عام 2015 (المادة 3)",
    "البروتوكول الاختياري (OPSC) لاتفاقية حقوق الطفل",
]


@pytest.mark.parametrize("line", LOGICAL_LINES)
def test_fix_pdf_arabic_leaves_logical_arabic_unchanged(line):
    assert fix_pdf_arabic(line) == line


def test_fix_pdf_arabic_leaves_a_logical_page_unchanged():
    page = "\n".join(LOGICAL_LINES + ["", "Resolution 28/56 (2015), para. 3", "الأمم المتحدة"])
    assert fix_pdf_arabic(page) == page


@pytest.mark.parametrize(
    "text",
    [
        "Member States shall protect children (see A/HRC/28/56, para. 12).",
        "Line one\n\n  indented line two\t[3]",
        "",
        "Footnote¹ x² 10% <b> «quoted»",
    ],
)
def test_fix_pdf_arabic_leaves_english_text_unchanged(text):
    assert fix_pdf_arabic(text) == text


@pytest.mark.parametrize("line", LOGICAL_LINES)
def test_fix_pdf_arabic_repairs_reversed_line_with_presentation_forms(line):
    broken = shaped_visual(line)
    assert PRESENTATION_FORMS.search(broken)
    fixed = fix_pdf_arabic(broken)
    assert fixed == line
    assert not PRESENTATION_FORMS.search(fixed)


def test_fix_pdf_arabic_repairs_a_visual_page_line_by_line():
    page = "\n".join(visual_order(line) for line in LOGICAL_LINES)
    assert fix_pdf_arabic(page) == "\n".join(LOGICAL_LINES)


def test_fix_pdf_arabic_folds_logical_presentation_forms_to_base_letters():
    import arabic_reshaper

    shaped = arabic_reshaper.reshape(AR_LINE)
    assert PRESENTATION_FORMS.search(shaped)
    assert fix_pdf_arabic(shaped) == AR_LINE
