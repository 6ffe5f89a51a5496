"""The app's cited page (`/cited_page`), against the real server: an uploaded PDF's quote shown on its page,
highlighted; a text source says it has no page image."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import EDITOR_TOKEN, make_pdf
from gradio_client import Client, handle_file
from PIL import Image

LINES = ["The Orvieto Compact requires each signatory to publish", "its hotline response times every quarter."]
QUESTION = "What does the Orvieto Compact require each signatory to publish?"
TITLE = "Orvieto Compact on hotline transparency"


@pytest.fixture
def compact(client, tmp_path):
    """The PDF, uploaded by the editor (the sentence on page 2), and removed again afterwards."""
    pdf = make_pdf(tmp_path / "orvieto compact.pdf",
                   [["Chapter one: scope and definitions."], ["Chapter two.", *LINES, "Other matters follow."]],
                   title=TITLE)
    status, *_ = client.predict([handle_file(str(pdf))], EDITOR_TOKEN, api_name="/upload")
    assert "✓ orvieto_compact.pdf" in status, status
    yield pdf
    docs = {r[7]: r[8] for r in client.predict(api_name="/library")[-1]["data"]}
    client.predict(docs["orvieto_compact.pdf"], False, EDITOR_TOKEN, api_name="/remove")


def pages(client: Client, question: str) -> list[tuple[str | None, str]]:
    """Ask in the chat, then open the cited page of each of the answer's citations in turn."""
    client.predict(question, [], [], [], [], api_name="/chat")
    out = []
    for n in range(1, 9):
        image, note = client.predict(str(n), api_name="/cited_page")
        if note.startswith("Ask a question"):
            break
        out.append((image, note))
    return out


def line_box(pdf, page: int, text: str, scale: float, offset=(0, 0)) -> tuple[int, int, int, int]:
    """Where pdfium's own text search finds `text` on the page, in pixels of an image whose top left is at
    `offset` on the whole page drawn at `scale`."""
    doc = pdfium.PdfDocument(str(pdf))
    tp = doc[page - 1].get_textpage()
    index, count = tp.search(text, match_case=True).get_next()
    boxes = [tp.get_charbox(i) for i in range(index, index + count)]
    height = doc[page - 1].get_size()[1]
    dx, dy = offset
    return (int(min(b[0] for b in boxes) * scale) - dx, int((height - max(b[3] for b in boxes)) * scale) - dy,
            int(max(b[2] for b in boxes) * scale) - dx, int((height - min(b[1] for b in boxes)) * scale) - dy)


def offset(image: Image.Image) -> tuple[int, int]:
    """Where the image (the page's printed area) sits on the whole page, as its file says."""
    x, y = image.info["pa-offset"].split(",")
    return int(x), int(y)


def marked(image: Image.Image, box, colour) -> float:
    region = image.convert("RGB").crop(box)
    pixels = [region.getpixel((x, y)) for y in range(region.height) for x in range(region.width)]
    return sum(all(abs(a - b) <= 8 for a, b in zip(p, colour)) for p in pixels) / len(pixels)


def test_a_cited_pdf_sentence_is_shown_highlighted_on_its_page(client, app_server, compact):
    cfg = app_server[1].page_view
    found = [(Image.open(image), note) for image, note in pages(client, QUESTION) if TITLE in note]
    assert found, "the answer quotes the uploaded PDF"
    assert all("p. 2" in note and "best match" not in note for _, note in found)

    def covers(image) -> bool:  # the sentence's two lines are under the highlight
        return all(marked(image, line_box(compact, 2, line, cfg.scale, offset(image)), cfg.highlight) > 0.5
                   for line in LINES)

    image = next((image for image, _ in found if covers(image)), None)
    assert image is not None, "one citation shows the sentence highlighted"
    # Page 2, not page 1: its unmarked line is exactly as pdfium draws page 2.
    page_2 = pdfium.PdfDocument(str(compact))[1].render(scale=cfg.scale).to_pil().convert("RGB")
    spot = "Other matters follow."
    shown = line_box(compact, 2, spot, cfg.scale, offset(image))
    assert image.convert("RGB").crop(shown).tobytes() == page_2.crop(line_box(compact, 2, spot, cfg.scale)).tobytes()
    assert marked(image, shown, cfg.highlight) == 0


def test_a_cited_text_file_says_it_has_no_page_image(client):
    shown = pages(client, "What does the resolution ask internet service providers to do about reporting abuse material?")
    assert shown
    for image, note in shown:
        assert image is None and "this source is a text file; no page image" in note.lower()


def test_the_cited_page_before_any_answer_asks_for_one(client):
    image, note = client.predict("1", api_name="/cited_page")
    assert image is None and note.startswith("Ask a question")
