"""JSON outputs: the evaluation run record (its format is the shared scorer's) and the app's `ask` endpoint."""
from __future__ import annotations

import json

from assistant.render.json import api_answer, run_record
from assistant.render.markdown import body
from assistant.reading_aid import SOURCES_IN
from indexing.language import script_language


def test_a_run_record_carries_the_answers_markdown_its_quotes_and_passages(answers):
    answer = answers["en"]
    record = run_record(answer, "q1")
    assert list(record) == ["id", "answer", "abstained", "citations", "passages", "latency_ms"]
    assert record["id"] == "q1" and record["answer"] == body(answer) and record["abstained"] is False
    assert [{k: r[k] for k in ("doc", "quote", "paragraph", "locator")} for r in record["citations"]] == [
        {"doc": c.file_name, "quote": c.quote, "paragraph": c.label, "locator": c.locator}
        for c in answer.citations]
    assert all(c["locator"] for c in record["citations"])
    arabic = [r for r in record["citations"] if script_language(r["quote"]) == "ar"]
    assert arabic and all(r["reading_aid"] for r in arabic)  # an English question over Arabic quotes
    assert [p["text"] for p in record["passages"]] == [p.chunk.text for p in answer.passages]
    json.dumps(record, ensure_ascii=False)


def test_an_abstention_record_has_no_citations_but_the_nearest_passages(answers):
    record = run_record(answers["none"], "q2")
    assert record["abstained"] is True and record["citations"] == [] and record["passages"]


def test_the_ask_endpoint_gives_each_citation_with_its_reference_parts(answers):
    answer = answers["op"]
    got = api_answer(answer)
    assert got["answer"] == body(answer) and got["language"] == "en"
    assert got["notice"] == SOURCES_IN["en"]  # the resolution is Arabic: said once, in English
    first = got["citations"][0]
    assert first["paragraph"] == "OP 3" and first["quote"] == answer.citations[0].quote and first["n"] == 1
