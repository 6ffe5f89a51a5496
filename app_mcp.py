"""The app's tools: ask, read a paragraph, look a term up, list the library — as JSON, for MCP and API clients.

Gradio serves every documented endpoint as an MCP tool (`launch(mcp_server=True)`, at /gradio_api/mcp/),
named after its function and described by its docstring. These four are the documented surface; the UI's
own event listeners stay callable (the page and `gradio_client` use them) but undocumented, so an MCP
client sees these tools and not the chat's HTML or the library's upload and remove buttons.
Each tool returns JSON text (Gradio hands a tool's return value to MCP as text) with the same verbatim
citations the app shows. The assistant decides; these functions only format.
"""
from __future__ import annotations

import json

import gradio as gr

from assistant.core import Assistant
from assistant.models import Filters
from assistant.render.json import api_answer
from assistant.render.lookup import lookup_list, plain_text, reading

TOOL_API_NAMES = ("ask_documents", "lookup_paragraph", "search_glossary", "list_documents")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def tool_functions(assistant: Assistant) -> list:
    """The four tools over one assistant; their names and docstrings are what MCP clients read."""

    def ask(question: str, documents: list[str] | None = None) -> str:
        """Answer a question (Arabic or English) from the policy documents on child sexual exploitation online.

        Every sentence of the answer is a verbatim quote; `abstained` is true when the documents do not answer.

        Args:
            question: the question, in Arabic or English.
            documents: optional document ids (from list_documents) to restrict the search to.

        Returns:
            JSON: answer, language, abstained, notice, and citations (doc_id, doc, title, symbol, paragraph, page, quote, start, end).
        """
        return _json(api_answer(assistant.ask(question, filters=Filters(tuple(documents or ())))))

    def lookup_paragraph(document: str, paragraph: str) -> str:
        """Read one numbered paragraph of a document whole, e.g. "OP 4" of a resolution or "para. 77" of a report.

        Args:
            document: the document id (from list_documents).
            paragraph: the paragraph label, e.g. "OP 4", "PP 12", "para. 77".

        Returns:
            JSON: doc_id, title, symbol, paragraph and its passages (text verbatim with its start and end offsets; reading: the text as read, without Markdown emphasis or the footnotes a page break left inside it, which follow as footnotes; page); when the label is unknown, an error, the labels of the document's paragraphs and, apart, of its footnotes ("fn. 1").
        """
        record = assistant.store.documents().get(document)
        chunks = assistant.paragraph(document, paragraph)
        found = lookup_list(assistant.labels(document) if record else [])
        notes = assistant.footnotes(document)

        def passage(c) -> dict:
            read = reading(c, notes)
            return {"text": c.text, "reading": plain_text(read.text), "page": c.page, "start": c.start, "end": c.end,
                    "footnotes": [{"label": n.label, "reading": plain_text(n.text)} for n in read.footnotes]}

        result = {"doc_id": document, "title": record.title if record else "", "symbol": record.symbol if record else "",
                  "paragraph": paragraph, "passages": [passage(c) for c in chunks]}
        if not chunks:
            result["error"] = f"no paragraph {paragraph!r} in {document!r}" if record else f"no document {document!r}"
            result["labels"], result["footnotes"] = list(found.paragraphs), list(found.footnotes)
        return _json(result)

    def search_glossary(term: str) -> str:
        """Look a term up in the bilingual (English/Arabic) glossary of the documents' vocabulary.

        Args:
            term: an English or Arabic term, or part of one.

        Returns:
            JSON list of entries: en (English forms), ar (Arabic forms), note.
        """
        terms = assistant.glossary.lookup(term or "")
        return _json([{"en": list(t.en), "ar": list(t.ar), "note": t.note} for t in terms])

    def list_documents() -> str:
        """List the documents in the library, with the ids the other tools take.

        Returns:
            JSON list: doc_id, title, symbol, kind, year, file, passages, labelled paragraphs.
        """
        return _json([{"doc_id": r.doc_id, "title": r.title, "symbol": r.symbol, "kind": r.kind, "year": r.year,
                       "file": r.file_name, "passages": r.chunks, "labelled": r.labelled}
                      for r in assistant.documents()])

    return [ask, lookup_paragraph, search_glossary, list_documents]


def add_tools(demo: gr.Blocks, assistant: Assistant) -> None:
    """Register the tools on a built app and make them its only documented endpoints (before launch)."""
    with demo:  # inside the context: leaving it rebuilds the config the page and clients read
        for fn, api_name in zip(tool_functions(assistant), TOOL_API_NAMES):
            gr.api(fn, api_name=api_name)
        for block_fn in demo.fns.values():
            if block_fn.api_name not in TOOL_API_NAMES and block_fn.api_visibility == "public":
                block_fn.api_visibility = "undocumented"
