"""End to end in Debian's headless Chromium (selenium with the system chromedriver; nothing is downloaded)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from indexing.config import PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
QUESTION = "ما الذي يطلبه القرار من مقدمي خدمات الإنترنت بشأن الإبلاغ عن مواد الاعتداء الجنسي على الأطفال؟"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed"),
]


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=ar"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_arabic_question_answers_right_to_left_and_a_citation_opens_its_passage(app_server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    wait = WebDriverWait(browser, 60)
    browser.get(demo.local_url)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(QUESTION)
    box.send_keys(Keys.ENTER)

    citation = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#chat .pa-msg details.pa-citation")))
    answer = browser.find_elements(By.CSS_SELECTOR, "#chat .pa-msg[lang=ar]")[-1]
    assert answer.get_attribute("dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", answer) == "rtl"

    passage = citation.find_element(By.CSS_SELECTOR, "blockquote.pa-passage")
    assert not passage.is_displayed()
    citation.find_element(By.TAG_NAME, "summary").click()
    wait.until(lambda _: citation.get_attribute("open") is not None)
    mark = passage.find_element(By.TAG_NAME, "mark")
    assert passage.is_displayed() and mark.is_displayed() and len(mark.text) > 20
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", passage) == "rtl"

    # The sources panel beside the chat carries the same quote, highlighted.
    panel_marks = browser.find_elements(By.CSS_SELECTOR, "#sources mark")
    assert panel_marks and panel_marks[0].text.strip()

    shot = tmp_path / "screenshot.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("PA_UPDATE_SCREENSHOT"):
        target = PROJECT_ROOT / "docs" / "screenshot.png"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(shot, target)


def test_english_question_over_arabic_passages_shows_each_quote_rtl_with_an_english_reading_aid(app_server, browser,
                                                                                                 tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    wait = WebDriverWait(browser, 60)
    browser.get(demo.local_url)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys("What does the Special Rapporteur say about live streaming of child abuse?")
    box.send_keys(Keys.ENTER)

    aid = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#chat .pa-msg[lang=en] .pa-aid")))
    style = "return getComputedStyle(arguments[0]).direction"
    assert browser.execute_script(style, aid) == "ltr" and "A/HRC/28/56" in aid.text
    item = aid.find_element(By.XPATH, "./ancestor::li[1]")
    quote = item.find_element(By.CSS_SELECTOR, ".pa-quote")
    assert browser.execute_script(style, quote) == "rtl"  # the Arabic quote keeps its own direction
    assert quote.location["y"] < aid.location["y"]  # the aid is under its quote
    assert "terms:" in aid.text or "figures:" in aid.text
    notice = browser.find_element(By.CSS_SELECTOR, "#chat .pa-msg[lang=en] .pa-notice")
    assert "Some sources are in Arabic" in notice.text
    browser.save_screenshot(str(tmp_path / "reading-aid.png"))
    if os.environ.get("PA_UPDATE_SCREENSHOT"):
        shutil.copy(tmp_path / "reading-aid.png", PROJECT_ROOT / "docs" / "reading-aid.png")
