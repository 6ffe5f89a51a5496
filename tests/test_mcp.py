"""The app's MCP tools, driven by the real `mcp` client over streamable HTTP against the running app."""
from __future__ import annotations

import json

import anyio
import pytest
from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client

TOOLS = {"ask", "lookup_paragraph", "search_glossary", "list_documents"}
EN_QUESTION = "What does the resolution ask internet service providers to do about reporting abuse material?"


def verbatim(library, doc_id: str, text: str, start: int, end: int) -> bool:
    """`text` is the slice [start, end) of the document's indexed (cleaned) text, as its chunks hold it."""
    return any(c.start <= start and end <= c.end and c.text[start - c.start:end - c.start] == text
               for c in library.retriever.by_doc[doc_id])


@pytest.fixture
def mcp_call(app_server):
    """Run one MCP session against the app: list its tools, then make the calls given; JSON results back."""
    demo, _ = app_server
    url = demo.local_url.rstrip("/") + "/gradio_api/mcp/"

    def run(*calls: tuple[str, dict]):
        async def session():
            async with streamablehttp_client(url) as (read, write, _):
                async with ClientSession(read, write) as s:
                    await s.initialize()
                    tools = await s.list_tools()
                    results = []
                    for name, args in calls:
                        result = await s.call_tool(name, args)
                        assert not result.isError, result.content
                        results.append(json.loads(result.content[0].text))
                    return tools.tools, results

        return anyio.run(session)

    return run


def test_the_app_offers_exactly_its_four_tools_with_their_descriptions(mcp_call):
    tools, _ = mcp_call()
    by_name = {t.name: t for t in tools}
    assert set(by_name) == TOOLS  # not the chat's HTML, nor upload or remove
    assert "verbatim" in by_name["ask"].description
    assert set(by_name["lookup_paragraph"].inputSchema["properties"]) == {"document", "paragraph"}


def test_ask_returns_structured_citations_quoting_the_indexed_corpus_verbatim(mcp_call, library):
    _, [answer] = mcp_call(("ask", {"question": EN_QUESTION}))
    assert not answer["abstained"] and answer["language"] == "en" and answer["citations"]
    for c in answer["citations"]:
        assert {"doc_id", "doc", "title", "paragraph", "page", "quote"} <= set(c)
        assert c["title"] and c["doc"].startswith(c["doc_id"].split("-")[0])
        assert verbatim(library, c["doc_id"], c["quote"], c["start"], c["end"])
        assert f"[{c['n']}]" in answer["answer"]
    assert any(c["doc_id"] == "ga-resolution-2022" and c["paragraph"].startswith("OP ") for c in answer["citations"])


def test_list_documents_then_look_up_a_paragraph_by_its_label(mcp_call, library):
    _, [docs, found, missing] = mcp_call(
        ("list_documents", {}),
        ("lookup_paragraph", {"document": "ga-resolution-2022", "paragraph": "OP 1"}),
        ("lookup_paragraph", {"document": "ga-resolution-2022", "paragraph": "OP 999"}),
    )
    ids = {d["doc_id"]: d for d in docs}
    assert {"ga-resolution-2022", "sr-report-a-hrc-28-56", "qatar-submission-2024"} <= set(ids)
    assert ids["ga-resolution-2022"]["labelled"] > 0
    assert found["paragraph"] == "OP 1" and found["passages"] and "error" not in found
    assert all(verbatim(library, "ga-resolution-2022", p["text"], p["start"], p["end"]) for p in found["passages"])
    assert "تشجع" in found["passages"][0]["text"]
    assert not missing["passages"] and "OP 999" in missing["error"] and "OP 1" in missing["labels"]


def test_a_looked_up_paragraph_reads_without_markup_and_its_footnotes_come_apart(mcp_call):
    _, [pp3, missing] = mcp_call(("lookup_paragraph", {"document": "ga-resolution-2022", "paragraph": "PP 3"}),
                                 ("lookup_paragraph", {"document": "ga-resolution-2022", "paragraph": "PP 999"}))
    [passage] = pp3["passages"]
    assert "*Treaty Series*" in passage["text"]  # verbatim, as the offsets say
    assert "*" not in passage["reading"] and "United Nations" not in passage["reading"]
    assert [n["label"] for n in passage["footnotes"]] == ["fn. 1", "fn. 2"]
    assert "Treaty Series" in passage["footnotes"][0]["reading"] and "*" not in passage["footnotes"][0]["reading"]
    assert "PP 1" in missing["labels"] and not any(x.startswith("fn.") for x in missing["labels"])
    assert missing["footnotes"][0] == "fn. 1"


def test_search_glossary_gives_both_languages_forms(mcp_call):
    _, [english, arabic] = mcp_call(("search_glossary", {"term": "grooming"}),
                                    ("search_glossary", {"term": "الابتزاز"}))
    assert "grooming" in english[0]["en"] and english[0]["ar"]
    assert any("sextortion" in t["en"] for t in arabic)


def test_ask_restricted_to_documents_cites_only_those_documents(mcp_call, library):
    _, [one, other] = mcp_call(("ask", {"question": EN_QUESTION, "documents": ["ga-resolution-2022"]}),
                               ("ask", {"question": "What do hotlines do with the reports they receive?",
                                        "documents": ["sr-report-a-hrc-28-56"]}))
    for answer, doc_id in ((one, "ga-resolution-2022"), (other, "sr-report-a-hrc-28-56")):
        assert not answer["abstained"] and answer["citations"], answer
        assert {c["doc_id"] for c in answer["citations"]} == {doc_id}
        assert all(verbatim(library, doc_id, c["quote"], c["start"], c["end"]) for c in answer["citations"])
