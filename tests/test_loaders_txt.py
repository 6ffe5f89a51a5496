"""Text files in the encodings they come in: cp1256, UTF-16 and UTF-8 with BOMs, CRLF line ends."""
from __future__ import annotations

from conftest import AR_PARAGRAPH, squash

from indexing.loaders import load_document
from indexing.models import Page


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
