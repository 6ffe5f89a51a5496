"""End to end in Debian's headless Chromium (selenium with the system chromedriver; nothing is downloaded)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import CHROMEDRIVER, CHROMIUM, chromium

from indexing.config import PROJECT_ROOT

QUESTION = "ما الذي يطلبه القرار من مقدمي خدمات الإنترنت بشأن الإبلاغ عن مواد الاعتداء الجنسي على الأطفال؟"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed"),
]


@pytest.fixture
def browser():
    driver = chromium("--window-size=1440,1000", "--lang=ar")
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


def ask(browser, url: str, question: str, wait_for: str = "#chat .pa-msg details.pa-citation"):
    """Open the app, ask one question, wait until its answer (or `wait_for`) is shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.get(url)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(question)
    box.send_keys(Keys.ENTER)
    return wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, wait_for)))


# The rendered box of a word of an element's text: which of two words the reader meets first on the line.
WORD_BOX = """
const [el, word] = arguments;
const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const i = node.data.indexOf(word);
  if (i >= 0) {
    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + word.length);
    const b = r.getBoundingClientRect(); return [b.left, b.right, b.top];
  }
}
return null;
"""


def test_a_quote_mixing_arabic_latin_and_numbers_reads_in_order_inside_an_english_answer(app_server, browser):
    import re

    from selenium.webdriver.common.by import By

    demo, _ = app_server
    ask(browser, demo.local_url, "How many child abuse URLs did the IWF find?")
    style = "return getComputedStyle(arguments[0]).direction"
    answer = browser.find_elements(By.CSS_SELECTOR, "#chat .pa-msg[lang=en]")[-1]
    assert browser.execute_script(style, answer) == "ltr"
    mixed = [q for q in answer.find_elements(By.CSS_SELECTOR, ".pa-quote")
             if re.search(r"[\u0600-\u06FF]", q.text) and re.search(r"[A-Za-z]{2}", q.text) and re.search(r"\d{2}", q.text)]
    assert mixed, "the answer quotes no line mixing Arabic, Latin and numbers"
    checked = 0
    for quote in mixed:
        assert browser.execute_script(style, quote) == "rtl"
        # Logical order: an Arabic word, then a number or Latin word after it. Right to left, on one line,
        # the later one stands to the left of the earlier (left-to-right layout puts it to the right).
        words = re.findall(r"[\u0621-\u064A]{3,}|[A-Za-z]{2,}|\d{2,}", quote.text)
        first = next(w for w in words if re.match(r"[\u0621-\u064A]", w))
        later = next((w for w in words[words.index(first) + 1:] if not re.match(r"[\u0621-\u064A]", w)), None)
        if later is None:
            continue
        a, b = browser.execute_script(WORD_BOX, quote, first), browser.execute_script(WORD_BOX, quote, later)
        if a and b and abs(a[2] - b[2]) < 3:  # the same line
            assert b[1] <= a[0] + 1, (first, later, a, b)
            checked += 1
    assert checked


def test_copy_message_and_copy_conversation_give_markdown_with_citations_never_html(app_server, browser):
    from selenium.webdriver.common.by import By

    demo, _ = app_server
    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": demo.local_url.rstrip("/"),
                                                         "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    ask(browser, demo.local_url, "What does the Special Rapporteur say about live streaming of child abuse?")
    read = "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e))"
    browser.find_elements(By.CSS_SELECTOR, "#chat button[aria-label='Copy message']")[-1].click()
    message = browser.execute_async_script(read)
    assert "<" not in message and "pa-msg" not in message
    assert "The documents say:" in message and "[1]" in message and "«" in message and "A/HRC/28/56" in message
    browser.find_element(By.CSS_SELECTOR, "#chat button[aria-label='Copy conversation']").click()
    conversation = browser.execute_async_script(read)
    assert "<" not in conversation and "user: What does the Special Rapporteur say" in conversation
    assert message in conversation
    # Screen readers read the same text, not the message's markup.
    bot = browser.find_elements(By.CSS_SELECTOR, "#chat [data-testid=bot]")[-1]
    assert "pa-msg" not in bot.get_attribute("aria-label") and "The documents say:" in bot.get_attribute("aria-label")


def test_a_citation_click_jumps_to_and_highlights_its_source(app_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    ask(browser, demo.local_url, "What does the Special Rapporteur say about live streaming of child abuse?")
    cite = browser.find_elements(By.CSS_SELECTOR, "#chat .pa-cite a")[-1]
    n = cite.text.strip("[]")
    cite.click()
    entry = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, "#sources .pa-source.pa-hit"))
    assert f"pa-n-{n}" in entry.get_attribute("class").split()
    mark = entry.find_element(By.CSS_SELECTOR, "mark.pa-hit")
    assert f"pa-n-{n}" in mark.get_attribute("class").split() and mark.is_displayed()
    # The entry is scrolled into view and has the focus.
    assert browser.execute_script("return document.activeElement === arguments[0]", entry)
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", entry)
    assert 0 <= top < browser.execute_script("return window.innerHeight")


# -- Issue 18: the resolution table and the trainer's notebook ------------------------------------------------
ALL = "all · الكل"
OPTION = "li[data-testid=dropdown-option]"


def texts(browser, css: str, attribute: str = "") -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.get_attribute(attribute) if attribute else e.text for e in browser.find_elements(By.CSS_SELECTOR, css)]


def choose(browser, wait, label: str, option: str) -> None:
    """Pick `option` in the Gradio dropdown labelled `label`, as a user does: open it, click the option."""
    from selenium.webdriver.common.by import By

    box = browser.find_element(By.CSS_SELECTOR, f"input[role=combobox][aria-label='{label}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    item = wait.until(lambda _: next((li for li in browser.find_elements(By.CSS_SELECTOR, OPTION)
                                      if li.get_attribute("aria-label") == option and li.is_displayed()), None))
    item.click()


def open_tab(browser, wait, name: str) -> None:
    from selenium.webdriver.common.by import By

    browser.execute_script("window.scrollTo(0, 0)")
    tab = wait.until(lambda _: next((b for b in browser.find_elements(By.CSS_SELECTOR, "button[role=tab]")
                                     if name in b.get_attribute("textContent")), None))
    tab.click()


def table_rows(browser) -> list[list[str]]:
    """The data rows the shown tab's table has on screen, cell by cell (Gradio draws rows as they scroll in);
    read in one script, so a table redrawn meanwhile is never half read."""
    return browser.execute_script("""
        const panel = [...document.querySelectorAll('[role=tabpanel]')].find(p => p.offsetParent !== null);
        return [...panel.querySelectorAll('[role=row]')].filter(r => r.getAttribute('aria-rowindex') !== '1')
            .map(r => [...r.querySelectorAll('td, [role=gridcell]')].map(c => c.innerText.trim()));""")


def test_the_resolution_table_shows_on_opening_and_filtering_by_force_leaves_only_that_force(app_server, browser):
    from gradio_client import Client
    from selenium.webdriver.support.ui import WebDriverWait

    from assistant.render.paragraph_table import COLUMNS

    demo, _ = app_server
    expected = Client(demo.local_url, verbose=False).predict("ga-resolution-2022", "directive", ALL, "",
                                                             api_name="/resolution")[0]["data"]
    assert expected, "the bundled resolution has directive paragraphs"
    wait = WebDriverWait(browser, 60)
    browser.get(demo.local_url)
    open_tab(browser, wait, "Resolution")
    # The first resolution is shown selected: its paragraphs are listed before any filter is touched.
    opened = wait.until(lambda _: table_rows(browser) or None)
    force = COLUMNS.index("force")
    assert len(opened) > len(expected) and any(r[force] != "directive" for r in opened)

    choose(browser, wait, "Force", "directive")
    shown = wait.until(lambda _: (rows := table_rows(browser)) and all(r[force] == "directive" for r in rows) and rows)
    label = COLUMNS.index("label")
    assert [r[label] for r in shown] == [r[label] for r in expected]
    assert all(r[force] == "directive" for r in shown)


def test_pinned_citations_export_as_a_word_handout_in_the_notebooks_order(app_server, browser, tmp_path):
    from docx import Document
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    wait = WebDriverWait(browser, 60)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    ask(browser, demo.local_url, QUESTION)
    chat_quotes = texts(browser, "#chat .pa-msg .pa-quote", "textContent")

    status = browser.find_element(By.ID, "pin-status")
    wait.until(lambda _: texts(browser, "#pin-pick input", "value")[0].startswith("[1]"))
    browser.find_element(By.ID, "pin-citation").click()
    wait.until(lambda _: "item 1" in status.text)
    pick = browser.find_element(By.CSS_SELECTOR, "#pin-pick input")
    pick.click()
    second = wait.until(lambda _: next((li for li in browser.find_elements(By.CSS_SELECTOR, f"#pin-pick {OPTION}")
                                        if li.get_attribute("aria-label").startswith("[2]")), None))
    second.click()
    browser.find_element(By.ID, "pin-citation").click()
    wait.until(lambda _: "item 2" in status.text)

    # The Notebook tab lists both; the second is moved up, so the handout must give it first.
    open_tab(browser, wait, "Notebook")
    pinned = wait.until(lambda _: len(q := texts(browser, "#notebook .pa-nb-quote")) == 2 and q)
    assert pinned == chat_quotes[:2]
    # the item last pinned is the one chosen
    assert browser.find_element(By.CSS_SELECTOR, "#notebook-item input").get_attribute("value").startswith("2.")
    browser.find_element(By.ID, "notebook-up").click()
    wait.until(lambda _: texts(browser, "#notebook .pa-nb-quote") == pinned[::-1])

    # The notebook survives a reload.
    browser.refresh()
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    open_tab(browser, wait, "Notebook")
    wait.until(lambda _: texts(browser, "#notebook .pa-nb-quote") == pinned[::-1])

    page_refs = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#notebook .pa-nb-item .pa-meta")
                 if m.text.startswith("المرجع:")]
    browser.find_element(By.ID, "notebook-export").click()
    link = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#notebook-handout a")))
    link.click()
    path = tmp_path / "handout.docx"
    WebDriverWait(browser, 30).until(lambda _: path.exists() and path.stat().st_size > 0)

    doc = Document(str(path))
    quotes = [p for p in doc.paragraphs if p.style.name == "Quote"]
    assert [p.text for p in quotes] == pinned[::-1]  # the order of the notebook, not of pinning
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for p in quotes:  # Arabic quotes, right-to-left as Word reads it
        assert p._p.pPr.find(f"{w}bidi") is not None and all(r._r.rPr.find(f"{w}rtl") is not None for r in p.runs)
    lines = [p.text for p in doc.paragraphs]
    refs = [i for i, t in enumerate(lines) if t.startswith("المرجع:")]
    at = [i for i, p in enumerate(doc.paragraphs) if p.style.name == "Quote"]
    assert len(refs) == 2 and at[0] < refs[0] < at[1] < refs[1]  # each quote followed by its reference
    # the full reference (document title, paragraph; the page where the source has pages) the tab showed for each
    assert [lines[i] for i in refs] == page_refs and all("الفقرة" in r for r in page_refs)
    sources = lines.index("المصادر")
    assert sources > refs[1] and doc.paragraphs[sources + 1].style.name == "List Number"


def test_an_active_filter_shows_as_a_chip_above_the_chat_and_removing_it_clears_the_filter(app_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    wait = WebDriverWait(browser, 30)
    browser.get(demo.local_url)
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    assert not browser.find_elements(By.CSS_SELECTOR, "#filter-chips button")
    # "Ask about it" in the paragraph look-up sets the Documents filter to the paragraph's document.
    lookup = wait.until(ec.element_to_be_clickable((By.XPATH, "//button[contains(., 'Paragraph look-up')]")))
    lookup.click()
    wait.until(ec.element_to_be_clickable((By.XPATH, "//button[normalize-space()='Ask about it']"))).click()
    chip = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#filter-chips button.pa-chip")))
    assert chip.text.startswith("Document: ") and chip.text.endswith("✕")
    chat = browser.find_element(By.ID, "chat")
    assert chip.location["y"] < chat.location["y"]  # above the answer
    chip.click()
    wait.until(lambda b: not b.find_elements(By.CSS_SELECTOR, "#filter-chips button"))
    # The filter itself is cleared: its dropdown holds no value any more.
    browser.find_element(By.XPATH, "//button[contains(., 'Filters')]").click()
    docs = wait.until(ec.visibility_of_element_located((By.ID, "filter-docs")))
    assert "Strengthening" not in docs.text and not docs.find_elements(By.CSS_SELECTOR, ".token")


def test_the_question_box_has_a_name_and_follows_the_typed_texts_direction(app_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    browser.get(demo.local_url)
    box = WebDriverWait(browser, 30).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    assert box.accessible_name == "Your question"
    style = "return getComputedStyle(arguments[0]).direction"
    box.send_keys("ما الذي يطلبه القرار")
    assert box.get_attribute("dir") == "auto" and browser.execute_script(style, box) == "rtl"
    box.clear()
    box.send_keys("What does OP 4 say?")
    assert browser.execute_script(style, box) == "ltr"
    unnamed = [el.get_attribute("outerHTML")[:120] for el in browser.find_elements(By.CSS_SELECTOR, "input, textarea, select")
               if el.is_displayed() and not el.accessible_name.strip()]
    assert not unnamed  # every input the Ask tab shows has an accessible name


def test_a_reload_keeps_the_conversation_and_a_new_one_lists_it_among_past_conversations(app_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    wait = WebDriverWait(browser, 60)
    ask(browser, demo.local_url, "What does the Special Rapporteur say about live streaming of child abuse?")
    before = browser.find_elements(By.CSS_SELECTOR, "#chat .pa-msg .pa-quote")[0].text
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "#past-conversations input").get_attribute("value"))
    browser.refresh()
    # The answer is shown again from the browser's storage, its sources panel too.
    quote = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#chat .pa-msg .pa-quote")))
    assert quote.text == before and browser.find_elements(By.CSS_SELECTOR, "#sources .pa-source mark")
    assert "live streaming" in browser.find_element(By.CSS_SELECTOR, "#chat [data-testid=user]").text

    browser.find_element(By.XPATH, "//button[contains(., 'New conversation')]").click()
    wait.until(lambda b: not b.find_elements(By.CSS_SELECTOR, "#chat .pa-msg"))
    pick = browser.find_element(By.CSS_SELECTOR, "#past-conversations input")
    pick.click()
    option = wait.until(lambda b: next((li for li in b.find_elements(By.CSS_SELECTOR, "li[data-testid=dropdown-option]")
                                        if "live streaming" in li.get_attribute("aria-label")), None))
    option.click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#chat .pa-msg .pa-quote"))
    assert browser.find_elements(By.CSS_SELECTOR, "#chat .pa-msg .pa-quote")[0].text == before


def test_on_a_phone_the_answer_comes_first_and_the_sources_below_it(app_server, tmp_path):
    from selenium.webdriver.common.by import By

    phone = chromium("--window-size=390,844")
    try:
        demo, _ = app_server
        from selenium.webdriver.support import expected_conditions as ec
        from selenium.webdriver.support.ui import WebDriverWait

        phone.get(demo.local_url)
        chat = WebDriverWait(phone, 30).until(ec.visibility_of_element_located((By.ID, "chat")))
        empty = chat.size["height"]
        assert empty < 400  # no tall empty chat filling the first screen
        ask(phone, demo.local_url, "What does the Special Rapporteur say about live streaming of child abuse?")
        answer = phone.find_elements(By.CSS_SELECTOR, "#chat .pa-msg .pa-quote")[0]
        sources = phone.find_element(By.ID, "sources")
        assert answer.location["y"] < sources.location["y"]
        assert sources.location["x"] < 60  # under the chat, not beside it
        toggle = phone.find_element(By.CSS_SELECTOR, ".pa-panel .label-wrap")  # the sources fold away
        phone.execute_script("arguments[0].click()", toggle)
        assert not any(e.is_displayed() for e in phone.find_elements(By.CSS_SELECTOR, "#sources .pa-source"))
        # Every tab is reachable: the ones that do not fit are one tap away under the labelled "More tabs".
        phone.execute_script("window.scrollTo(0, 0)")
        tabs = [t.text for t in phone.find_elements(By.CSS_SELECTOR, "[role=tab]")]
        if "Glossary" not in tabs:
            phone.find_element(By.CSS_SELECTOR, "button[aria-label='More tabs']").click()
            next(b for b in phone.find_elements(By.CSS_SELECTOR, ".overflow-dropdown button") if b.text == "Glossary").click()
        else:
            next(t for t in phone.find_elements(By.CSS_SELECTOR, "[role=tab]") if t.text == "Glossary").click()
        WebDriverWait(phone, 10).until(lambda p: any(e.is_displayed() and "English" in e.text
                                                     for e in p.find_elements(By.CSS_SELECTOR, "[role=columnheader], th")))
    finally:
        phone.quit()


def test_the_arabic_interface_sets_the_pages_language_and_direction_and_labels_in_arabic_only(app_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    demo, _ = app_server
    wait = WebDriverWait(browser, 30)
    browser.get(demo.local_url)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    html = "return [document.documentElement.lang, document.documentElement.dir]"
    wait.until(lambda b: b.execute_script(html) == ["en", "ltr"])
    assert box.accessible_name == "Your question"
    assert browser.find_element(By.ID, "send").text == "Ask"
    next(e for e in browser.find_elements(By.CSS_SELECTOR, "#ui-lang label") if "العربية" in e.text).click()
    wait.until(lambda b: b.execute_script(html) == ["ar", "rtl"])
    wait.until(lambda b: b.find_element(By.ID, "send").text == "اسأل")
    assert browser.find_element(By.CSS_SELECTOR, "#question textarea").accessible_name == "سؤالك"
    tabs = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "[role=tab]")]
    assert "اسأل" in tabs and not any("Ask" in t for t in tabs)
    words = "label, button, .label-wrap span, [data-testid=block-info]"
    both = [e.text for e in browser.find_elements(By.CSS_SELECTOR, words) if " · " in e.text and e.is_displayed()
            and not e.find_elements(By.XPATH, "ancestor::*[@id='ui-lang']")]
    assert not both, both  # every panel and button, the notebook's pin row and the cited page too, in one language
    browser.refresh()  # the choice is kept
    wait.until(lambda b: b.execute_script(html) == ["ar", "rtl"] and b.find_element(By.ID, "send").text == "اسأل")
