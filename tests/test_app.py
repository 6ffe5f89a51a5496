"""The Gradio app, started for real on a free localhost port and driven with `gradio_client`."""
from __future__ import annotations

import re

from conftest import CORPUS, EDITOR_TOKEN, make_pdf
from docx import Document
from gradio_client import Client, handle_file


AR_QUESTION = "ما الذي يطلبه القرار من مقدمي خدمات الإنترنت بشأن الإبلاغ عن مواد الاعتداء الجنسي على الأطفال؟"
EN_QUESTION = "What does the Special Rapporteur report say about live streaming of child sexual abuse?"
FACT = "The Lindenfeld Protocol requires every national hotline to acknowledge a report within 36 hours."


def chat(client: Client, question: str, docs=()):
    history, sources, box = client.predict(question, [], list(docs), [], [], api_name="/chat")
    return history[-1]["content"][0]["text"] if isinstance(history[-1]["content"], list) else history[-1]["content"], sources


def test_arabic_question_is_answered_right_to_left_with_citations_opening_onto_marked_passages(client):
    answer, sources = chat(client, AR_QUESTION)
    assert answer.startswith('<div class="pa-msg" dir="rtl" lang="ar"')
    assert 'class="pa-citation ' in answer and "<mark " in answer
    assert "<mark " in sources and 'dir="rtl"' in sources


def test_english_question_is_answered_left_to_right_and_finds_the_arabic_report(client):
    answer, sources = chat(client, EN_QUESTION)
    assert answer.startswith('<div class="pa-msg" dir="ltr" lang="en"')
    assert "A/HRC/28/56" in sources
    # The sources panel shows the neighbouring paragraphs, folded.
    assert 'class="pa-neighbour"' in sources


def test_an_answer_ready_at_once_reaches_the_chat_in_one_update(client):
    """Each streamed update resends the whole chat; an extractive answer has nothing to stream."""
    job = client.submit(EN_QUESTION, [], [], [], [], api_name="/chat")
    history, _, _ = job.result()
    updates = job.outputs()
    assert len(updates) == 1 and "pa-citation" in str(history[-1]["content"])


def test_ask_endpoint_returns_verbatim_quotes_with_their_references(client):
    result = client.predict(EN_QUESTION, None, api_name="/ask")
    assert not result["abstained"] and result["citations"]
    text = " ".join((CORPUS / "sr-report-a-hrc-28-56.ar.txt").read_text(encoding="utf-8").split())
    cited = [c for c in result["citations"] if c["doc_id"] == "sr-report-a-hrc-28-56"]
    assert cited and all(" ".join(c["quote"].split()) in text for c in cited)
    assert any(re.fullmatch(r"para\. \d+", c["paragraph"]) for c in cited)


def test_paragraph_lookup_lists_labels_and_reads_a_paragraph_whole(client):
    labels = client.predict("ga-resolution-2022", api_name="/labels")
    choices = [c[0] if isinstance(c, (list, tuple)) else c for c in labels["choices"]]
    assert "OP 1" in choices and "PP 1" in choices
    html = client.predict("ga-resolution-2022", "OP 1", api_name="/paragraph")
    assert "OP 1" in html and 'dir="rtl"' in html and "تشجع" in html


def test_paragraph_lookup_opens_on_the_shown_documents_paragraphs_footnotes_last(client):
    props = {c["props"].get("elem_id"): c["props"] for c in client.config["components"] if "props" in c}
    shown = props["paragraph-label"]
    values = [v for _, v in shown["choices"]]
    assert values and shown["value"] == values[0]  # the page opens with the list filled, not empty
    labels = client.predict("ga-resolution-2022", api_name="/labels")
    values = [c[1] if isinstance(c, (list, tuple)) else c for c in labels["choices"]]
    notes = [i for i, v in enumerate(values) if v.startswith("fn. ")]
    assert notes and min(notes) > max(i for i, v in enumerate(values) if not v.startswith("fn. "))
    assert ["Footnote · حاشية 1", "fn. 1"] in [list(c) for c in labels["choices"]]


def test_a_preamble_paragraph_reads_as_text_with_its_footnotes_apart(client):
    html = client.predict("ga-resolution-2022", "PP 3", api_name="/paragraph")
    assert "*" not in html and "<em>Treaty Series</em>" in html
    assert html.index("الجماعات الإجرامية المنظمة") < html.index("Footnotes · الحواشي")


def test_upload_indexes_a_new_pdf_and_removal_takes_it_out_of_answers(client, tmp_path):
    pdf = make_pdf(tmp_path / "lindenfeld protocol (draft).pdf", [[FACT], ["Annex: contact points."]],
                   title="Lindenfeld Protocol on hotlines")
    status, *_ = client.predict([handle_file(str(pdf))], EDITOR_TOKEN, api_name="/upload")
    assert "✓ lindenfeld_protocol_draft.pdf" in status
    result = client.predict("Under the Lindenfeld Protocol, how quickly must hotlines acknowledge a report?", None,
                            api_name="/ask")
    assert any("36 hours" in c["quote"] for c in result["citations"])
    doc_id = next(c["doc_id"] for c in result["citations"] if "36 hours" in c["quote"])

    status, *_ = client.predict(doc_id, False, EDITOR_TOKEN, api_name="/remove")
    assert status.startswith(f"Removed {doc_id} to the trash")
    result = client.predict("Under the Lindenfeld Protocol, how quickly must hotlines acknowledge a report?", None,
                            api_name="/ask")
    assert not any("36 hours" in c["quote"] for c in result["citations"])


def test_upload_reports_each_bad_file_by_name_and_reason(client, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    status, *_ = client.predict([handle_file(str(tmp_path / n)) for n in ("empty.txt", "sheet.xlsx", "broken.pdf")],
                                EDITOR_TOKEN, api_name="/upload")
    assert "✗ empty.txt" in status and "✗ sheet.xlsx: unsupported file type .xlsx" in status
    assert "✗ broken.pdf" in status


def test_export_gives_markdown_and_word_with_the_citations(client, tmp_path):
    answer, _ = chat(client, AR_QUESTION)
    md_path = client.predict("conversation", "Markdown", api_name="/export")
    md = open(md_path, encoding="utf-8").read()
    assert AR_QUESTION in md and "**المصادر**" in md and re.search(r"\[1\] .+ — «.+»", md)  # Arabic answer, Arabic heading
    docx_path = client.predict("last answer", "Word (.docx)", api_name="/export")
    text = "\n".join(p.text for p in Document(docx_path).paragraphs)
    assert AR_QUESTION in text and "«" in text


def test_html_in_a_question_is_shown_as_text_never_run(client):
    answer, _ = chat(client, '<script>alert("x")</script><img src=x onerror=alert(1)> What is grooming?')
    history, _, _ = client.predict('<b onmouseover="alert(1)">grooming</b>', [], [], [], [], api_name="/chat")
    user = history[0]["content"][0]["text"] if isinstance(history[0]["content"], list) else history[0]["content"]
    assert "<b " not in user and "&lt;b onmouseover" in user
    assert "<script" not in answer and "<img" not in answer


def test_empty_question_gets_a_clear_request_not_an_error(client):
    answer, _ = chat(client, "   ")
    assert "Please type a question" in answer


def test_filters_restrict_the_answer_to_the_chosen_document(client):
    _, sources = chat(client, "What do the documents say about victims' support?", docs=["qatar-submission-2024"])
    titles = set(re.findall(r"<strong>[\[(]\d+[\])] ([^<]+)</strong>", sources))
    assert titles and all("Qatar" in t for t in titles)


def test_gradio_summarises_its_queue_every_n_events_not_after_every_answer(app_server):
    demo, settings = app_server
    assert demo._queue.ANAYLTICS_CACHE_FREQUENCY == settings.app.queue_stats_every > 1


def test_translate_without_a_language_model_says_so_and_still_shows_the_original(client):
    chat(client, EN_QUESTION)
    html = client.predict("1", api_name="/translate")
    assert 'class="pa-translation"' in html and 'dir="rtl"' in html  # the Arabic original, verbatim
    assert "needs a language model" in html and "pa-mt" not in html


def test_an_english_answer_over_arabic_quotes_carries_a_reading_aid_under_each(client):
    answer, _ = chat(client, EN_QUESTION)
    aids = re.findall(r'<div class="pa-aid" dir="ltr" lang="en">(.*?)</div>', answer)
    assert aids and all("A/HRC/28/56" in a for a in aids)
    assert "Some sources are in Arabic" in answer


def test_the_resolution_tab_filters_its_paragraphs_and_exports_them(client):
    rows, addressees = client.predict("ga-resolution-2022", "all · الكل", "all · الكل", "", api_name="/resolution")
    table = {r[0]: r for r in rows["data"]}
    assert len([l for l in table if l.startswith("OP")]) == 22 and table["OP 6"][1:4] == ["تشجع", "encourages", "recommendation"]
    rows, _ = client.predict("ga-resolution-2022", "directive", "UNODC", "", api_name="/resolution")
    assert [r[0] for r in rows["data"]] == ["OP 19", "OP 21"]
    csv_path = client.predict("ga-resolution-2022", "CSV", "recommendation", "donors", "", api_name="/resolution_export")
    assert open(csv_path, encoding="utf-8").read().splitlines()[1].startswith("OP 22,تدعو,invites,recommendation,")
    md_path = client.predict("ga-resolution-2022", "Markdown", "all · الكل", "all · الكل", "", api_name="/resolution_export")
    assert "| OP 19 | تطلب | requests | directive | UNODC |" in open(md_path, encoding="utf-8").read()
    docx_path = client.predict("ga-resolution-2022", "Word (.docx)", "statement", "all · الكل", "", api_name="/resolution_export")
    assert len(Document(docx_path).tables[0].rows) == 1 + 30 + 2  # the preamble's 30 and OP 17, 18


def test_the_figures_tab_searches_filters_and_exports_csv_and_xlsx(client):
    import zipfile

    rows = client.predict("", "gta-2019", "all · الكل", api_name="/figures")["data"]
    assert len(rows) >= 100 and {r[3] for r in rows} == {"gta-2019"}
    hit = client.predict("مستخدمي", "gta-2019", "all · الكل", api_name="/figures")["data"]
    assert 0 < len(hit) < len(rows) and "288 million" in {r[0] for r in hit}
    csv_path = client.predict("مستخدمي", "gta-2019", "all · الكل", "CSV", api_name="/figures_export")
    lines = open(csv_path, encoding="utf-8").read().splitlines()
    assert lines[0].startswith("value,unit,counts,doc_id,locator,year") and len(lines) >= len(hit) + 1
    xlsx_path = client.predict("مستخدمي", "gta-2019", "all · الكل", "XLSX", api_name="/figures_export")
    with zipfile.ZipFile(xlsx_path) as z:
        assert "288 million" in z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_the_recommendations_tab_groups_by_addressee_with_linked_resolution_paragraphs(client):
    rows = client.predict("sr-report-a-hrc-28-56", "all · الكل", api_name="/recommendations")["data"]
    by_label = {r[2]: r for r in rows}
    assert by_label["para. 87 (أ)"][0] == "States" and by_label["para. 88 (أ)"][0] == "International community"
    assert re.search(r"OP \d+ 0\.\d\d", by_label["para. 87 (أ)"][5])
    md_path = client.predict("sr-report-a-hrc-28-56", api_name="/recommendations_export")
    text = open(md_path, encoding="utf-8").read()
    assert "## States (10)" in text and "**para. 87 (أ)**" in text and "score 0." in text


def test_a_follow_up_read_with_the_previous_question_can_be_asked_on_its_own(client):
    client.predict("What does the Special Rapporteur report say about child sex tourism?", [], [], [], [],
                   api_name="/chat")
    history, _, _ = client.predict("and what does paragraph 5 add?", [], [], [], [], api_name="/chat")

    def text(message) -> str:
        content = message["content"]
        return " ".join(c.get("text", "") for c in content) if isinstance(content, list) else str(content)

    assert "previous question" in text(history[-1])
    again, _, _ = client.predict(history, [], [], [], api_name="/ask_alone")
    assert len(again) == len(history) + 2
    assert "and what does paragraph 5 add?" in text(again[-2])
    assert "previous question" not in text(again[-1])
