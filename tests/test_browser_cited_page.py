"""The cited page in Debian's headless Chromium: after an answer, the side column's panel lists its citations
with their pages and shows the chosen one's page with the quote highlighted."""
from __future__ import annotations

import io

import httpx
import pypdfium2 as pdfium
import pytest
from conftest import CHROMEDRIVER, CHROMIUM, EDITOR_TOKEN, chromium, make_pdf
from gradio_client import Client, handle_file
from PIL import Image

LINES = ["The Tessaro Charter obliges every member hotline to keep", "its reports for no longer than ninety days."]
QUESTION = "How long may a member hotline keep its reports under the Tessaro Charter?"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed"),
]


@pytest.fixture
def browser():
    driver = chromium("--window-size=1280,900")
    yield driver
    driver.quit()


@pytest.fixture
def charter(app_server, tmp_path):
    client = Client(app_server[0].local_url, verbose=False)
    pdf = make_pdf(tmp_path / "tessaro charter.pdf", [["Preliminary matters."], ["Part two.", *LINES, "End of part two."]],
                   title="Tessaro Charter on hotline records")
    status, *_ = client.predict([handle_file(str(pdf))], EDITOR_TOKEN, api_name="/upload")
    assert "✓ tessaro_charter.pdf" in status, status
    yield pdf
    docs = {r[7]: r[8] for r in client.predict(api_name="/library")[-1]["data"]}
    client.predict(docs["tessaro_charter.pdf"], False, EDITOR_TOKEN, api_name="/remove")


def asked(browser, url: str):
    """The app opened in Chromium and asked the charter question, once its answer's citations show; the wait."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.get(url)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(QUESTION)
    box.send_keys(Keys.ENTER)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#chat .pa-msg details.pa-citation")))
    return wait


def loaded(driver, img) -> bool:
    """The image has arrived and been decoded (not merely given a src)."""
    return bool(img.get_attribute("src") and driver.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth", img))


def test_the_panel_shows_the_chosen_citations_page_with_its_quote_highlighted(app_server, browser, charter):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    demo, settings = app_server
    wait = asked(browser, demo.local_url)

    panel = browser.find_element(By.ID, "cited-page-panel")
    browser.execute_script("arguments[0].scrollIntoView()", panel)
    panel.find_element(By.CSS_SELECTOR, "button").click()
    pick = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#cited-page-pick input")))
    pick.click()
    options = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#cited-page-pick li"))
    wanted = [o for o in options if "Tessaro" in o.text and "p. 2" in o.text]
    assert wanted, [o.text for o in options]
    chosen = wanted[-1].text.strip().split(" ", 1)[0].lstrip("✓\n")  # "[2]"; the sentence follows the heading
    wanted[-1].click()

    def shown(driver):  # the chosen citation's page, not the one the panel opened on
        img = driver.find_elements(By.CSS_SELECTOR, "#cited-page img")
        note = driver.find_element(By.ID, "cited-page-note").text
        return note.startswith(chosen) and img and loaded(driver, img[0])

    wait.until(shown)
    note = browser.find_element(By.ID, "cited-page-note").text
    assert "Tessaro" in note and "p. 2" in note
    src = browser.find_element(By.CSS_SELECTOR, "#cited-page img").get_attribute("src")
    image = Image.open(io.BytesIO(httpx.get(src, timeout=10).content))

    cfg = settings.page_view
    dx, dy = (int(v) for v in image.info["pa-offset"].split(","))  # the page's printed area: where it starts
    image = image.convert("RGB")
    doc = pdfium.PdfDocument(str(charter))
    tp = doc[1].get_textpage()
    height = doc[1].get_size()[1]
    for line in LINES:  # under the highlight, where pdfium's own search finds each line of the sentence
        index, count = tp.search(line, match_case=True).get_next()
        boxes = [tp.get_charbox(i) for i in range(index, index + count)]
        area = (int(min(b[0] for b in boxes) * cfg.scale) - dx, int((height - max(b[3] for b in boxes)) * cfg.scale) - dy,
                int(max(b[2] for b in boxes) * cfg.scale) - dx, int((height - min(b[1] for b in boxes)) * cfg.scale) - dy)
        region = image.crop(area)
        pixels = [region.getpixel((x, y)) for y in range(region.height) for x in range(region.width)]
        share = sum(all(abs(a - b) <= 8 for a, b in zip(p, cfg.highlight)) for p in pixels) / len(pixels)
        assert share > 0.5, (line, share)


def test_clicking_a_citation_in_the_answer_opens_the_panel_on_that_citations_page(app_server, browser, charter):
    import re

    from selenium.webdriver.common.by import By

    wait = asked(browser, app_server[0].local_url)
    cited = wait.until(lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, "#chat .pa-msg details.pa-citation")
                                  if "ninety" in e.get_attribute("textContent")])
    n = re.search(r"\bpa-n-(\d+)\b", cited[0].get_attribute("class")).group(1)
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#chat .pa-cite a") if a.text.strip() == f"[{n}]")
    browser.execute_script("arguments[0].click()", link)  # the panel is closed until the click opens it

    def shown(driver):
        notes = driver.find_elements(By.ID, "cited-page-note")
        img = driver.find_elements(By.CSS_SELECTOR, "#cited-page img")
        return (notes and notes[0].text.startswith(f"[{n}]") and "p. 2" in notes[0].text and img
                and loaded(driver, img[0]))

    wait.until(shown)
    assert browser.find_element(By.CSS_SELECTOR, "#cited-page-pick input").get_attribute("value").startswith(f"[{n}]")
