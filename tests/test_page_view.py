"""The cited page: a PDF page as an image with its quote's lines highlighted, on PDFs the tests make."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import AR_LINE, AR_LINE_2, FONT, make_pdf
from fpdf import FPDF
from PIL import Image

from assistant.models import Citation
from assistant.page_view import cited_page, reduced, render_cited_page
from indexing.config import PageViewSettings, Settings

LINES = ["The Orvieto Compact requires each signatory to publish", "its hotline response times every quarter."]
QUOTE = "The Orvieto Compact requires each signatory to publish its hotline response times every quarter."
PAGE_2 = ["Chapter two opens here.", *LINES, "Other matters follow on this page."]
CFG = PageViewSettings()


def is_mark(pixel) -> bool:
    """The highlight over white paper (the configured colour), not white, not black text."""
    return all(abs(a - b) <= 8 for a, b in zip(pixel[:3], CFG.highlight))


def mark_share(image: Image.Image, box) -> float:
    region = image.crop(box).convert("RGB")
    pixels = [region.getpixel((x, y)) for y in range(region.height) for x in range(region.width)]
    return sum(map(is_mark, pixels)) / len(pixels)


def text_box(pdf: Path, page: int, text: str, view=None, scale: float = CFG.scale) -> tuple[int, int, int, int]:
    """Where pdfium's own search finds `text` on the page, in pixels of `view`'s image (of the whole page
    drawn at `scale` without one); independent of page_view's matching."""
    doc = pdfium.PdfDocument(str(pdf))
    p = doc[page - 1]
    tp = p.get_textpage()
    index, count = tp.search(text, match_case=True).get_next()
    boxes = [tp.get_charbox(i) for i in range(index, index + count)]
    height = p.get_size()[1]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
    doc.close()
    dx, dy = view.offset if view else (0, 0)
    return (int(left * scale) - dx, int((height - top) * scale) - dy, int(right * scale) - dx,
            int((height - bottom) * scale) - dy)


@pytest.fixture
def report(tmp_path):
    return make_pdf(tmp_path / "compact.pdf", [["Chapter one: scope."], PAGE_2, ["Annex."]])


def test_the_quote_on_page_two_is_highlighted_line_by_line_and_nothing_else(report, tmp_path):
    view = render_cited_page(report, 2, QUOTE, CFG, tmp_path / "pages")
    assert view.page == 2 and view.exact and view.status == "exact" and len(view.boxes) == 2
    image = Image.open(view.image)
    assert image.size == (view.width, view.height)
    for line in LINES:
        assert mark_share(image, text_box(report, 2, line, view)) > 0.5
    for other in ("Chapter two opens here.", "Other matters follow on this page."):
        assert mark_share(image, text_box(report, 2, other, view)) == 0
    # The image is page 2 as pdfium draws it, apart from the marks.
    plain = pdfium.PdfDocument(str(report))[1].render(scale=CFG.scale).to_pil().convert("RGB")
    spot = "Other matters follow on this page."
    assert image.convert("RGB").crop(text_box(report, 2, spot, view)).tobytes() == \
        plain.crop(text_box(report, 2, spot)).tobytes()


def test_the_image_is_the_printed_area_of_the_page_and_the_whole_page_when_asked(report, tmp_path):
    view = render_cited_page(report, 2, QUOTE, CFG, tmp_path / "p")
    whole = render_cited_page(report, 2, QUOTE, CFG.model_copy(update={"crop_to_content": False}), tmp_path / "p")
    assert whole.offset == (0, 0) and (whole.width, whole.height) == (893, 1263)  # A4 at 1.5 px per point
    assert view.width < whole.width and view.height < whole.height and view.offset > (0, 0)
    margin = int(CFG.crop_margin_pt * CFG.scale)
    left, top, _, _ = text_box(report, 2, "Chapter two opens here.")
    assert abs(view.offset[0] - (left - margin)) <= 3 and abs(view.offset[1] - (top - margin)) <= 6
    assert [(b.left + view.offset[0], b.top + view.offset[1]) for b in view.boxes] == \
        [(b.left, b.top) for b in whole.boxes]
    info = Image.open(view.image).info  # the file says what it shows
    assert (info["pa-page"], info["pa-scale"], info["pa-offset"]) == ("2", "1.5", f"{view.offset[0]},{view.offset[1]}")


def test_the_quotes_own_full_stop_is_marked_with_it(report, tmp_path):
    view = render_cited_page(report, 2, QUOTE, CFG, tmp_path / "pages")
    last = max(view.boxes, key=lambda b: b.top)
    assert last.right >= text_box(report, 2, "quarter.", view)[2]


def test_a_quote_as_the_cleaner_gives_it_is_found_in_the_pages_own_text(tmp_path):
    """Joined lines, other spacing, superscript footnote digits, Arabic marks: compared without them."""
    pdf = make_pdf(tmp_path / "n.pdf", [["Member States shall protect children 1 from harm."]])
    view = render_cited_page(pdf, 1, "Member  States shall\nprotect children¹ from harm", CFG, tmp_path / "p")
    assert view.exact and len(view.boxes) == 1
    assert reduced("الأطفالُ ـ") == reduced("الأطفال") and reduced("ﺍﻟﻄﻔﻞ") == "الطفل" and reduced("¹") == "1"


def glyph_pdf(path: Path, lines: list[str]) -> Path:
    """One page, each character drawn on its own, left to right in the order given (as older producers do)."""
    pdf = FPDF()
    pdf.add_font("dv", fname=str(FONT))
    pdf.set_font("dv", size=12)
    pdf.add_page()
    for y, line in zip((20.0, 30.0, 40.0), lines):
        x = 15.0
        for ch in line:
            pdf.text(x, y, ch)
            x += pdf.get_string_width(ch)
    pdf.output(str(path))
    return path


def page_text(pdf: Path) -> str:
    return pdfium.PdfDocument(str(pdf))[0].get_textpage().get_text_range()


def test_arabic_painted_glyph_by_glyph_in_visual_order_is_marked_on_its_line(tmp_path):
    pdf = glyph_pdf(tmp_path / "visual.pdf", [AR_LINE[::-1], AR_LINE_2[::-1]])  # right to left, as painted
    assert AR_LINE_2 in page_text(pdf)
    view = render_cited_page(pdf, 1, AR_LINE_2, CFG, tmp_path / "p")
    assert view.exact and len(view.boxes) == 1
    image = Image.open(view.image)
    assert mark_share(image, text_box(pdf, 1, AR_LINE_2, view)) > 0.3
    assert mark_share(image, text_box(pdf, 1, AR_LINE, view)) == 0


def test_an_arabic_text_layer_read_backwards_is_matched_line_by_line_reversed(tmp_path):
    """fpdf2 writes an Arabic cell's glyphs in visual order: pdfium reads each of its lines backwards."""
    pdf = make_pdf(tmp_path / "ar.pdf", [[AR_LINE, AR_LINE_2]], font=True)
    read = page_text(pdf)
    assert AR_LINE_2 not in read and AR_LINE_2[::-1] in read  # the text layer really is backwards
    view = render_cited_page(pdf, 1, AR_LINE_2, CFG, tmp_path / "p")
    assert view.exact and len(view.boxes) == 1
    image = Image.open(view.image)
    assert mark_share(image, text_box(pdf, 1, AR_LINE_2[::-1], view)) > 0.3
    assert mark_share(image, text_box(pdf, 1, AR_LINE[::-1], view)) == 0


def test_shaped_arabic_with_lam_alef_ligatures_is_matched_letter_for_letter(tmp_path):
    """As word processors write Arabic (harfbuzz shaping): one glyph for lam-alef, which pdfium reads alef first."""
    lines = ["يلزم الميثاق كل دولة موقعة بنشر", "أوقات استجابة خطها الساخن كل ثلاثة أشهر.", "وتتناول الفقرات التالية مسائل أخرى.",
             "الفصل الأول: النطاق والتعاريف."]
    pdf = FPDF()
    pdf.add_font("dv", fname=str(FONT))
    pdf.set_font("dv", size=14)
    pdf.set_text_shaping(True)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT", align="R")
    path = tmp_path / "shaped.pdf"
    pdf.output(str(path))
    assert "ثالثة" in page_text(path)  # the ligature's letters as pdfium orders them
    view = render_cited_page(path, 1, " ".join(lines[:2]), CFG, tmp_path / "p")
    assert view.exact and view.status == "exact" and len(view.boxes) == 2
    assert mark_share(Image.open(view.image), text_box(path, 1, lines[2], view)) == 0
    # A short line with a colon: pdfium cuts it into runs and lists them left to right; read as drawn, it is found.
    assert lines[3] not in page_text(path).replace("\r\n", "")
    heading = render_cited_page(path, 1, lines[3], CFG, tmp_path / "p")
    assert heading.exact and len(heading.boxes) == 1 and heading.boxes[0].top > view.boxes[-1].bottom


def test_a_quote_not_found_letter_for_letter_marks_the_best_matching_line_and_says_so(report, tmp_path):
    view = render_cited_page(report, 2, "The Orvieto Compact requires every signatory to publish", CFG, tmp_path / "p")
    assert not view.exact and view.status == "approximate" and len(view.boxes) == 1
    assert mark_share(Image.open(view.image), text_box(report, 2, LINES[0], view)) > 0.5


def test_a_quote_that_runs_on_to_the_next_page_is_marked_to_the_foot_of_its_page(tmp_path):
    pdf = make_pdf(tmp_path / "run.pdf", [["Intro.", "States agree that every hotline shall"], ["answer within a day."]])
    view = render_cited_page(pdf, 1, "States agree that every hotline shall answer within a day.", CFG, tmp_path / "p")
    assert view.exact and view.status == "continues" and len(view.boxes) == 1


def test_a_quote_absent_from_the_page_shows_the_page_unmarked(report, tmp_path):
    view = render_cited_page(report, 1, "Nothing like this sentence is printed anywhere", CFG, tmp_path / "p")
    assert view.image and not view.boxes and not view.exact and view.status == "not_found"


def test_the_same_quote_drawn_again_reuses_its_image(report, tmp_path):
    first = render_cited_page(report, 2, QUOTE, CFG, tmp_path / "p")
    stamp = first.image.stat().st_mtime_ns
    again = render_cited_page(report, 2, QUOTE, CFG, tmp_path / "p")
    assert again == first and again.image.stat().st_mtime_ns == stamp
    other = render_cited_page(report, 2, QUOTE, CFG.model_copy(update={"scale": 1.0}), tmp_path / "p")
    assert other.image != first.image and other.width < first.width


def test_drawn_pages_past_the_kept_number_are_removed_oldest_first(report, tmp_path):
    cfg = CFG.model_copy(update={"kept_images": 2})
    first = render_cited_page(report, 2, QUOTE, cfg, tmp_path / "p")
    second = render_cited_page(report, 1, "Chapter one: scope.", cfg, tmp_path / "p")
    third = render_cited_page(report, 3, "Annex.", cfg, tmp_path / "p")
    assert not first.image.exists() and second.image.exists() and third.image.exists()
    assert render_cited_page(report, 2, QUOTE, cfg, tmp_path / "p").image.exists()  # drawn again when asked


def citation(file_name: str, page: int | None, quote: str = QUOTE) -> Citation:
    return Citation(n=2, doc_id="d", file_name=file_name, title="The Orvieto Compact", symbol="", label="",
                    page=page, quote=quote, start=0, end=len(quote), chunk_id="c")


def test_a_citation_of_a_pdf_opens_on_its_page_and_a_text_source_says_it_has_none(report, tmp_path):
    settings = Settings(corpus_dir=report.parent, data_dir=tmp_path / "data")
    view = cited_page(citation("compact.pdf", 2), settings)
    assert view.page == 2 and view.exact and view.image.parent == settings.data_dir / "exports" / "pages"
    text = cited_page(citation("qatar-submission-2024.txt", 3), settings)
    assert text.image is None and (text.status, text.detail) == ("no_pages", ".txt")
    gone = cited_page(citation("gone.pdf", 1), settings)
    assert gone.image is None and (gone.status, gone.detail) == ("missing", "gone.pdf")
    short = cited_page(citation("compact.pdf", 9), settings)
    assert short.image is None and (short.status, short.detail) == ("bad_page", "3")
    assert cited_page(citation("compact.pdf", None), settings).status == "no_page"
