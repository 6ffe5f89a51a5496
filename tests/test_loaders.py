"""Loading library files: real PDFs, DOCX and text files made here, and the reasons bad ones are refused."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fpdf import FPDF

from conftest import FONT, make_pdf

from indexing.loaders import SUPPORTED_SUFFIXES, LoadError, fix_pdf_arabic, load_document, meta_from_file
from indexing.models import DocumentMeta, Page

PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
AR_LINE = "الاستغلال الجنسي للأطفال على الإنترنت"
AR_LINE_2 = "تعزيز التعاون الدولي لحماية الأطفال"


def squash(text: str) -> str:
    return " ".join(text.split())


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
# English PDF
# --------------------------------------------------------------------------------------------------

ENGLISH_PAGES = [
    "Member States shall protect children from online exploitation.",
    "The Special Rapporteur recommends stronger reporting duties.",
    "Internet providers must remove abusive material promptly.",
]


def test_english_pdf_has_numbered_pages_with_their_text_and_pdf_title(tmp_path):
    path = make_pdf(tmp_path / "report.pdf", [[s] for s in ENGLISH_PAGES], title="Online Child Protection Report")
    doc = load_document(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    for page, sentence in zip(doc.pages, ENGLISH_PAGES):
        assert sentence in squash(page.text)
    assert doc.meta.title_en == "Online Child Protection Report"
    assert doc.meta.title_ar == ""
    assert doc.meta.languages == ("en",)
    assert doc.meta.file_name == "report.pdf"
    assert doc.meta.doc_id == "report"
    assert len(doc.content_hash) == 64


def test_catalogue_meta_wins_over_pdf_title(tmp_path):
    path = make_pdf(tmp_path / "report.pdf", [[ENGLISH_PAGES[0]]], title="Title From PDF")
    meta = DocumentMeta(doc_id="cat-id", file_name="report.pdf", title_en="Catalogue Title")
    doc = load_document(path, meta)
    assert doc.meta is meta
    assert doc.meta.title == "Catalogue Title"


def test_generic_producer_pdf_title_is_ignored_for_first_line(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", [["Real Heading Of Report", "body text"]], title="Microsoft Word - A_HRC.docx")
    doc = load_document(path)
    assert doc.meta.title_en == "Real Heading Of Report"


# --------------------------------------------------------------------------------------------------
# Refusals
# --------------------------------------------------------------------------------------------------


def test_encrypted_pdf_is_refused_as_password_protected(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [[ENGLISH_PAGES[0]]])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(LoadError) as info:
        load_document(locked)
    assert "encrypted" in info.value.reason.lower()
    assert "password" in info.value.reason.lower() or "decrypt" in info.value.reason.lower()
    assert info.value.path == locked


@pytest.mark.parametrize("suffix", [".pdf", ".txt", ".md", ".docx"])
def test_zero_byte_file_is_refused_as_empty(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "empty" in info.value.reason.lower()


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "noext"])
def test_unsupported_type_is_refused_naming_the_type(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"some content")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "unsupported file type" in info.value.reason
    suffix = Path(name).suffix or "(none)"
    assert suffix in info.value.reason
    assert suffix not in SUPPORTED_SUFFIXES


def test_corrupt_pdf_of_random_bytes_is_refused(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "corrupt or unreadable PDF" in info.value.reason


def test_truncated_pdf_is_refused_as_corrupt(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", [[s] for s in ENGLISH_PAGES]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "corrupt or unreadable PDF" in info.value.reason


def test_corrupt_docx_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "corrupt or unreadable DOCX" in info.value.reason


def test_pdf_with_only_a_drawing_is_refused_as_scanned(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    path = tmp_path / "drawing.pdf"
    pdf.output(str(path))
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "no text layer" in info.value.reason
    assert "scanned" in info.value.reason


def test_pdf_with_only_an_image_is_refused_as_scanned(tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).text((20, 80), "SCANNED PAGE TEXT", fill="black")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "no text layer (scanned PDF?)" == info.value.reason


def test_file_over_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"policy text line\n" * 70_000)  # 1.19 MB
    with pytest.raises(LoadError) as info:
        load_document(path, max_file_mb=1)
    assert "too large" in info.value.reason
    assert "1.2 MB > 1 MB" in info.value.reason
    assert load_document(path, max_file_mb=2).pages[0].text.startswith("policy text line")


def test_pdf_over_page_limit_is_refused(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [[f"Page {n} text."] for n in range(1, 6)])
    with pytest.raises(LoadError) as info:
        load_document(path, max_pages=4)
    assert "too many pages (5 > 4)" in info.value.reason
    assert len(load_document(path, max_pages=5).pages) == 5


def test_500_page_pdf_loads_every_page_with_default_limits(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [[f"Paragraph on page {n}."] for n in range(1, 501)])
    doc = load_document(path)
    assert len(doc.pages) == 500
    assert [p.number for p in doc.pages] == list(range(1, 501))
    assert "Paragraph on page 1." in doc.pages[0].text
    assert "Paragraph on page 250." in doc.pages[249].text
    assert "Paragraph on page 500." in doc.pages[499].text


def test_missing_file_is_refused_as_not_found(tmp_path):
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "gone.pdf")
    assert info.value.reason == "file not found"


def test_whitespace_only_text_file_is_refused_as_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t \n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "empty" in info.value.reason


def test_load_error_keeps_path_and_reason_when_pickled(tmp_path):
    import pickle

    error = pickle.loads(pickle.dumps(LoadError(tmp_path / "x.pdf", "encrypted PDF (password protected)")))
    assert error.reason == "encrypted PDF (password protected)"
    assert error.path == tmp_path / "x.pdf"
    assert str(error) == "x.pdf: encrypted PDF (password protected)"


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


def test_bilingual_pdf_keeps_english_and_arabic_pages(tmp_path):
    path = make_pdf(tmp_path / "bi.pdf", [[ENGLISH_PAGES[0]], [AR_LINE]], font=True)
    doc = load_document(path)
    assert ENGLISH_PAGES[0] in squash(doc.pages[0].text)
    assert AR_LINE in squash(doc.pages[1].text)
    assert set(doc.meta.languages) == {"ar", "en"}


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


# --------------------------------------------------------------------------------------------------
# Text files
# --------------------------------------------------------------------------------------------------

AR_PARAGRAPH = "الاستغلال الجنسي للأطفال على الإنترنت جريمة.\nتلتزم الدول الأعضاء بحماية الأطفال، وتعزيز التعاون الدولي؟"


def test_cp1256_text_file_is_decoded_as_arabic(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(AR_PARAGRAPH.replace("\n", "\r\n").encode("cp1256"))
    doc = load_document(path)
    assert doc.pages == (Page(None, AR_PARAGRAPH),)
    assert doc.meta.languages == ("ar",)


def test_utf16_text_file_with_bom_is_decoded(tmp_path):
    text = "Policy title\n" + AR_PARAGRAPH
    for encoding in ("utf-16", "utf-16-be"):
        path = tmp_path / f"wide-{encoding}.txt"
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        doc = load_document(path)
        assert squash(doc.pages[0].text) == squash(text)
        assert "\ufeff" not in doc.pages[0].text


def test_utf8_text_file_with_bom_and_crlf_is_decoded(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + AR_PARAGRAPH.replace("\n", "\r\n").encode("utf-8"))
    assert load_document(path).pages[0].text == AR_PARAGRAPH


def test_markdown_title_comes_from_first_heading(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("Draft, not for circulation\n\n# Some Title\n\nBody paragraph.\n\n## Section\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title_en == "Some Title"
    assert doc.meta.doc_id == "notes"
    assert doc.pages[0].number is None
    assert "Body paragraph." in doc.pages[0].text


def test_markdown_arabic_heading_becomes_arabic_title(tmp_path):
    path = tmp_path / "ملاحظات.md"
    path.write_text(f"# {AR_LINE} #\n\nنص الفقرة.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title_ar == AR_LINE
    assert doc.meta.title_en == ""
    assert doc.meta.doc_id == "ملاحظات"


def test_text_file_without_catalogue_gets_title_from_first_line(tmp_path):
    path = tmp_path / "qatar_submission.txt"
    path.write_text("\n\nSubmission of the State of Qatar\n\nFirst paragraph of the submission.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title == "Submission of the State of Qatar"
    assert doc.meta.doc_id == "qatar-submission"
    assert doc.meta.file_name == "qatar_submission.txt"


def test_text_file_with_overlong_first_line_falls_back_to_file_name(tmp_path):
    path = tmp_path / "long-line.txt"
    path.write_text("word " * 100 + "\nsecond line\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title_en == ""
    assert doc.meta.title == "long-line.txt"


def test_meta_from_file_describes_pages():
    pages = [Page(1, "Annual Report 2023\nSome English text " + AR_LINE)]
    meta = meta_from_file(Path("/x/Annual Report.PDF"), pages, title="Untitled", year=2023)
    assert meta.title_en == "Annual Report 2023"  # a generic title is ignored
    assert meta.year == 2023
    assert meta.doc_id == "annual-report"
    assert set(meta.languages) == {"ar", "en"}
    assert meta_from_file(Path("x.md"), [Page(None, "")]).title == "x.md"


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_cells_are_loaded_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("National Child Online Protection Plan", level=0)
    document.add_paragraph("First paragraph before the table.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Measure"
    table.cell(0, 1).text = "Owner"
    table.cell(1, 0).text = "Hotline"
    table.cell(1, 1).text = "وزارة الداخلية"
    document.add_paragraph("")
    document.add_paragraph("Last paragraph after the table.")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    doc = load_document(path)
    assert len(doc.pages) == 1 and doc.pages[0].number is None
    text = doc.pages[0].text
    expected = [
        "National Child Online Protection Plan",
        "First paragraph before the table.",
        "Measure | Owner",
        "Hotline | وزارة الداخلية",
        "Last paragraph after the table.",
    ]
    positions = [text.find(part) for part in expected]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions)
    assert doc.meta.title_en == "National Child Online Protection Plan"


def test_docx_core_title_wins_over_heading(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Core Properties Title"
    document.add_heading("Heading Text", level=1)
    document.add_paragraph("Body.")
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert load_document(path).meta.title_en == "Core Properties Title"


# --------------------------------------------------------------------------------------------------
# Indexing a library with bad files in it
# --------------------------------------------------------------------------------------------------


def test_index_library_reports_bad_files_and_indexes_the_rest(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from indexing.config import Settings
    from indexing.pipeline import index_library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "Child Online Protection Note\n\n"
        + " ".join(ENGLISH_PAGES) + "\n\n" + AR_PARAGRAPH + "\n",
        encoding="utf-8",
    )
    writer = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "plain.pdf", [[ENGLISH_PAGES[0]]])))
    writer.encrypt("secret")
    with (corpus / "locked.pdf").open("wb") as fh:
        writer.write(fh)
    (corpus / "empty.md").write_bytes(b"")

    report = index_library(Settings(corpus_dir=corpus, data_dir=tmp_path / "data"), show_progress=False)

    by_name = {d.file_name: d for d in report.documents}
    assert set(by_name) == {"good.txt", "locked.pdf", "empty.md"}
    assert by_name["good.txt"].status == "indexed"
    assert by_name["good.txt"].chunks >= 1
    assert by_name["good.txt"].doc_id == "good"
    failed = {d.file_name: d.error for d in report.failed}
    assert set(failed) == {"locked.pdf", "empty.md"}
    assert "encrypted" in failed["locked.pdf"]
    assert "empty" in failed["empty.md"]
    assert report.total_chunks == by_name["good.txt"].chunks
