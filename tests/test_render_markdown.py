"""The Markdown of an answer: what the chat streams, the run record carries and the export writes."""
from __future__ import annotations

import re
from dataclasses import replace

from assistant.render.markdown import answer_markdown, body, conversation_markdown, message_markdown


def test_an_extractive_answer_is_its_intro_then_each_documents_quotes_under_its_name(answers):
    answer = answers["en"]
    lines = body(answer).splitlines()
    assert lines[0] == "The documents say:"
    heads = [line[2:-2] for line in lines if line.startswith("**")]
    assert heads == [g.heading for g in answer.groups]
    items = [line for line in lines if line.startswith("- ")]
    assert items == [f"- «{c.quote}» [{c.n}]" + (f" ({c.label})" if c.label else "")
                     for g in answer.groups for c in g.citations]


def test_markers_run_in_order_of_the_citations(answers):
    for answer in (answers["en"], answers["ar"]):
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", body(answer))]
        assert markers == [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_a_quote_of_a_numbered_paragraph_carries_its_label(answers):
    assert "(OP 3)" in body(answers["op"])


def test_an_abstention_is_its_plain_statement(answers):
    assert body(answers["none"]) == answers["none"].intro


def test_a_generated_answer_is_the_models_own_markdown(answers):
    prose = "Providers must report abuse material [1]."
    assert body(replace(answers["en"], prose=prose)) == prose


def test_the_export_gives_the_question_the_answer_its_notice_and_full_sources(answers):
    answer = replace(answers["en"], notices=("A notice.",))
    md = answer_markdown(answer)
    assert md.startswith(f"## {answer.question}\n\n{body(answer)}\n\n> A notice.\n\n**Sources**\n")
    c = answer.citations[0]
    assert f"- [1] {c.title}" in md and f"— «{c.quote}»\n" in md


def test_a_conversation_export_has_a_title_and_every_answer(answers):
    md = conversation_markdown([answers["en"], answers["ar"]])
    assert md.startswith("# Policy assistant") and md.endswith("\n")
    assert answers["en"].question in md and answers["ar"].question in md


def test_an_arabic_export_names_its_sources_in_arabic_with_arabic_locators(answers):
    answer = answers["ar"]
    text = answer_markdown(answer)
    assert "**المصادر**" in text and "**Sources**" not in text
    for c in answer.citations:
        assert c.locator in text
        if c.label.startswith("OP "):
            assert f"الفقرة {c.label.split()[1]} من المنطوق" in c.locator


def test_a_copied_message_is_the_answer_then_one_line_per_source_without_repeating_the_quotes(answers):
    answer = answers["en"]
    text = message_markdown(answer)
    assert text.startswith(body(answer)) and "<" not in text
    sources = text.split("**Sources**", 1)[1].strip().splitlines()
    assert [line.split("]")[0] for line in sources] == [f"- [{c.n}" for c in answer.citations]
    assert all("«" not in line for line in sources)
