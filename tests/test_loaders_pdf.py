"""PDF loading: real PDFs made here, their pages and declared title, and the reasons bad ones are refused."""
from __future__ import annotations

import pytest
from fpdf import FPDF

from conftest import AR_LINE, ENGLISH_PAGES, make_pdf, squash

from indexing.loaders import LoadError, load_document


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


def test_generic_producer_pdf_title_is_ignored_for_first_line(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", [["Real Heading Of Report", "body text"]], title="Microsoft Word - A_HRC.docx")
    doc = load_document(path)
    assert doc.meta.title_en == "Real Heading Of Report"


def test_bilingual_pdf_keeps_english_and_arabic_pages(tmp_path):
    path = make_pdf(tmp_path / "bi.pdf", [[ENGLISH_PAGES[0]], [AR_LINE]], font=True)
    doc = load_document(path)
    assert ENGLISH_PAGES[0] in squash(doc.pages[0].text)
    assert AR_LINE in squash(doc.pages[1].text)
    assert set(doc.meta.languages) == {"ar", "en"}


def test_500_page_pdf_loads_every_page_with_default_limits(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [[f"Paragraph on page {n}."] for n in range(1, 501)])
    doc = load_document(path)
    assert len(doc.pages) == 500
    assert [p.number for p in doc.pages] == list(range(1, 501))
    assert "Paragraph on page 1." in doc.pages[0].text
    assert "Paragraph on page 250." in doc.pages[249].text
    assert "Paragraph on page 500." in doc.pages[499].text


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
