"""The notebook's endpoints on the real app (gradio_client): pin from a real answer, reorder, note, export, save, load.

The notebook is the browser's (`gr.BrowserState`): an API caller passes its JSON form in and gets the new one back.
"""
from __future__ import annotations

import json

from docx import Document
from gradio_client import Client, handle_file

from assistant.notebook import SCHEMA, Notebook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
QUESTION = "ما الذي يطلبه القرار من مقدمي خدمات الإنترنت بشأن الإبلاغ عن مواد الاعتداء الجنسي على الأطفال؟"


def ask(client: Client, question: str = QUESTION) -> None:
    client.predict(question, [], [], [], [], api_name="/chat")


def pin(client: Client, n, notebook: dict) -> tuple[dict, str]:
    state, status, _html, _items, _note = client.predict(str(n), notebook, api_name="/pin")
    return state, status


def rtl(p) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(f"{W}bidi") is not None and all(
        r._r.rPr is not None and r._r.rPr.find(f"{W}rtl") is not None for r in p.runs)


def test_two_pinned_citations_export_as_a_word_handout_in_the_order_pinned(client):
    ask(client)
    notebook, status = pin(client, 2, {})
    assert "item 1" in status
    notebook, status = pin(client, 1, notebook)
    assert "item 2" in status and notebook["schema"] == SCHEMA
    quotes = [item["sources"][0]["quote"] for item in notebook["items"]]
    assert len(quotes) == 2 and quotes[0] != quotes[1]

    path = client.predict("Word (.docx)", "Session 2: reporting duties", notebook, api_name="/notebook_export")
    doc = Document(path)
    assert doc.paragraphs[0].text == "Session 2: reporting duties"
    shown = [p for p in doc.paragraphs if p.style.name == "Quote"]
    assert [p.text for p in shown] == [f"«{q}»" for q in quotes]
    assert all(rtl(p) for p in shown)  # the resolution is quoted in Arabic
    texts = [p.text for p in doc.paragraphs]
    for item in notebook["items"]:
        s = item["sources"][0]
        assert any(t.startswith("المرجع:") and s["title"] in t and s["locator"] in t for t in texts)
    sources = texts.index("المصادر")
    assert sources > texts.index(shown[-1].text) and len(texts) > sources + 1


def test_the_markdown_handout_gives_the_same_items(client):
    ask(client)
    notebook, _ = pin(client, 1, {})
    state, _, _, _, _ = client.predict(notebook, api_name="/pin_answer")
    path = client.predict("Markdown", "", state, api_name="/notebook_export")
    text = open(path, encoding="utf-8").read()
    assert text.index(notebook["items"][0]["sources"][0]["quote"]) < text.index(f"## 2. {QUESTION}")
    assert "## المصادر" in text


def test_pinning_the_same_citation_twice_says_so_and_changes_nothing(client):
    ask(client)
    notebook, _ = pin(client, 1, {})
    again, status = pin(client, 1, notebook)
    assert again == notebook and "Already in the notebook, as item 1" in status


def test_pinning_before_any_question_asks_for_one(client):
    state, status = pin(client, 1, {})
    assert state == {} and "Ask a question first" in status


def test_items_move_take_a_note_and_go(client):
    ask(client)
    notebook = {}
    for n in (1, 2, 3):
        notebook, _ = pin(client, n, notebook)
    first, second, third = (item["id"] for item in notebook["items"])
    notebook, *_ = client.predict(third, notebook, api_name="/notebook_up")
    assert [i["id"] for i in notebook["items"]] == [first, third, second]
    notebook, *_ = client.predict(first, notebook, api_name="/notebook_down")
    assert [i["id"] for i in notebook["items"]] == [third, first, second]
    notebook, status, html, _, note = client.predict(first, "اقرأها مع المشاركين", notebook, api_name="/notebook_note")
    assert note == "اقرأها مع المشاركين" and "اقرأها مع المشاركين" in html
    assert Notebook.from_dict(notebook).items[1].note == "اقرأها مع المشاركين"
    notebook, status, *_ = client.predict(third, notebook, api_name="/notebook_remove")
    assert [i["id"] for i in notebook["items"]] == [first, second] and "2 item(s) left" in status


def test_a_saved_notebook_loads_back_and_a_bad_file_is_refused_leaving_the_notebook(client, tmp_path):
    ask(client)
    notebook, _ = pin(client, 1, {})
    saved = client.predict("Training day", notebook, api_name="/notebook_save")
    data = json.loads(open(saved, encoding="utf-8").read())
    assert data["title"] == "Training day" and data["items"] == notebook["items"]

    loaded, status, html, _, _, title = client.predict(handle_file(saved), {}, api_name="/notebook_load")
    assert loaded["items"] == notebook["items"] and title == "Training day" and "1 item(s)" in status

    bad = tmp_path / "bad.json"
    data["items"][0]["kind"] = "slide"
    bad.write_text(json.dumps(data), encoding="utf-8")
    kept, status, *_ = client.predict(handle_file(str(bad)), notebook, api_name="/notebook_load")
    assert kept == notebook and "Item 1: 'kind' must be 'citation' or 'answer', not 'slide'" in status


def test_a_citation_of_an_earlier_answer_in_the_conversation_can_be_pinned(client):
    ask(client)
    second = "What does the Special Rapporteur recommend to the private sector?"
    ask(client, second)
    notebook, status = pin(client, "1:1", {})  # the conversation's first answer, its citation [1]
    assert "item 1" in status, status
    assert notebook["items"][0]["question"] == QUESTION
    notebook, status = pin(client, 1, notebook)  # a plain number: the last answer's
    assert notebook["items"][1]["question"] == second
    _, status = pin(client, "9:1", notebook)
    assert "Choose one of the conversation's citations" in status
