"""A trainer's notebook: citations and answers pinned during a conversation, in the trainer's order, with notes.

A notebook is plain data (no Chroma, no app): every item carries its own quotes and the reference fields a
handout needs, so a notebook saved to a file today still exports the same handout after the library changes.
Its JSON form (`to_dict` / `from_dict`) is what the browser keeps across reloads and what a saved file holds;
a file is read with every field checked, and a bad one is refused with what is wrong and where.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Literal

from indexing.language import Language, answer_language

from .models import Answer, Citation

SCHEMA = "policy-assistant/notebook"
VERSION = 1  # bump when a field changes meaning; `from_dict` reads every version up to this one
KINDS = ("citation", "answer")
ItemKind = Literal["citation", "answer"]


class NotebookError(ValueError):
    """A notebook change or file that cannot be taken, with the reason in words a trainer can act on."""


@dataclass(frozen=True)
class Source:
    """One verbatim quote and everything needed to find it again without the app."""

    doc_id: str
    title: str
    symbol: str
    label: str  # "OP 4", "para. 77" or ""
    locator: str  # as the asker's language writes it: label or heading path and ¶, then page
    page: int | None
    quote: str
    n: int = 1  # its number in the answer it came from (a pinned answer's text cites it as [n])
    start: int = 0
    end: int = 0
    chunk_id: str = ""
    file_name: str = ""
    added_by: str = ""
    added_at: str = ""

    @classmethod
    def of(cls, c: Citation) -> "Source":
        return cls(doc_id=c.doc_id, title=c.title, symbol=c.symbol, label=c.label, locator=c.locator, page=c.page,
                   quote=c.quote, n=c.n, start=c.start, end=c.end, chunk_id=c.chunk_id, file_name=c.file_name,
                   added_by=c.added_by, added_at=c.added_at)

    def citation(self, n: int | None = None) -> Citation:
        """As a `Citation`, so references are written by the one `ReferenceFormat` every output uses."""
        return Citation(n=self.n if n is None else n, doc_id=self.doc_id, file_name=self.file_name, title=self.title,
                        symbol=self.symbol, label=self.label, page=self.page, quote=self.quote, start=self.start,
                        end=self.end, chunk_id=self.chunk_id, locator=self.locator, added_by=self.added_by,
                        added_at=self.added_at)

    @property
    def key(self) -> tuple:
        return self.doc_id, self.start, self.end, self.quote


@dataclass(frozen=True)
class NotebookItem:
    """A pinned citation (its quote) or a pinned answer (its own words and the quotes it gives), with a note."""

    id: str
    kind: ItemKind
    question: str  # the question it answered
    language: Language  # the asker's: the language its locators are written in
    text: str  # a citation: its quote; an answer: its intro or a model's prose (markers [n] into `sources`)
    sources: tuple[Source, ...]  # a citation: its one source; an answer: every quote it gives
    note: str = ""
    pinned_at: str = ""

    @property
    def quote(self) -> str:
        """The pinned quote (a citation), or the answer's first quote."""
        return self.sources[0].quote if self.sources else ""

    @classmethod
    def of_citation(cls, answer: Answer, n: int) -> "NotebookItem":
        c = next((c for c in answer.citations if c.n == n), None)
        if c is None:
            raise NotebookError(f"The answer has no citation [{n}]; it cites {_numbers(answer)}.")
        source = Source.of(c)
        return cls(id=_item_id("citation", source.key), kind="citation", question=answer.question,
                   language=answer_language(answer.language), text=c.quote, sources=(source,), pinned_at=_now())

    @classmethod
    def of_answer(cls, answer: Answer) -> "NotebookItem":
        sources = tuple(Source.of(c) for c in answer.citations)
        text = (answer.prose or answer.intro).strip()
        return cls(id=_item_id("answer", (answer.question, text, *(s.key for s in sources))), kind="answer",
                   question=answer.question, language=answer_language(answer.language), text=text, sources=sources,
                   pinned_at=_now())


@dataclass(frozen=True)
class Notebook:
    """Items in the trainer's order. Every change returns a new notebook (the old one is the undo)."""

    items: tuple[NotebookItem, ...] = ()
    title: str = ""

    def __len__(self) -> int:
        return len(self.items)

    def index(self, item_id: str) -> int:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                return i
        raise NotebookError(f"No item {item_id!r} in the notebook (it may have been removed).")

    def has(self, item_id: str) -> bool:
        return any(item.id == item_id for item in self.items)

    def add(self, item: NotebookItem, max_items: int) -> "Notebook":
        """The item at the end; pinning what is already pinned is refused (the notebook holds it once)."""
        if self.has(item.id):
            raise NotebookError(f"Already in the notebook, as item {self.index(item.id) + 1}.")
        if len(self.items) >= max_items:
            raise NotebookError(f"The notebook is full ({max_items} items): export it, or remove some items.")
        return replace(self, items=(*self.items, item))

    def move(self, item_id: str, by: int) -> "Notebook":
        """The item `by` places later (negative: earlier), stopping at either end."""
        i = self.index(item_id)
        j = max(0, min(len(self.items) - 1, i + by))
        items = list(self.items)
        items.insert(j, items.pop(i))
        return replace(self, items=tuple(items))

    def remove(self, item_id: str) -> "Notebook":
        i = self.index(item_id)
        return replace(self, items=self.items[:i] + self.items[i + 1:])

    def annotate(self, item_id: str, note: str) -> "Notebook":
        i = self.index(item_id)
        items = list(self.items)
        items[i] = replace(items[i], note=(note or "").strip())
        return replace(self, items=tuple(items))

    # -- JSON form ---------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "version": VERSION, "title": self.title,
                "items": [_item_dict(item) for item in self.items]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Any) -> "Notebook":
        """A notebook from its JSON form, every field checked; `NotebookError` says what is wrong and where."""
        if not isinstance(data, dict):
            raise NotebookError(f"Not a notebook: expected a JSON object, found {_kind_of(data)}.")
        if data.get("schema") != SCHEMA:
            raise NotebookError(f"Not a notebook file: its 'schema' is {data.get('schema')!r}, not {SCHEMA!r}.")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise NotebookError(f"The notebook's 'version' must be a whole number from 1, not {version!r}.")
        if version > VERSION:
            raise NotebookError(f"This notebook was written by a newer version of the app (format {version}; "
                                f"this one reads up to {VERSION}).")
        items = data.get("items")
        if not isinstance(items, list):
            raise NotebookError(f"The notebook's 'items' must be a list, not {_kind_of(items)}.")
        parsed = tuple(_item(raw, i + 1) for i, raw in enumerate(items))
        seen: dict[str, int] = {}
        for i, item in enumerate(parsed, 1):
            if item.id in seen:
                raise NotebookError(f"Item {i} repeats item {seen[item.id]} (same id {item.id!r}).")
            seen[item.id] = i
        return cls(items=parsed, title=_text(data, "title", "the notebook", required=False))

    @classmethod
    def from_json(cls, text: str | bytes) -> "Notebook":
        try:
            data = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise NotebookError(f"Not a notebook file: it is not valid JSON ({exc}).") from None
        return cls.from_dict(data)

    @classmethod
    def of(cls, data: Any) -> "Notebook":
        """The notebook a browser kept (its JSON form), or an empty one when it kept nothing yet."""
        if not data:
            return cls()
        return data if isinstance(data, Notebook) else cls.from_dict(data)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _item_id(kind: str, key: tuple) -> str:
    """Stable for the same quote or answer, so pinning twice is seen as the same item."""
    return f"{kind[0]}-" + hashlib.sha1(repr((kind, key)).encode("utf-8")).hexdigest()[:12]


def _numbers(answer: Answer) -> str:
    return ", ".join(f"[{c.n}]" for c in answer.citations) or "nothing"


def _item_dict(item: NotebookItem) -> dict[str, Any]:
    return {"id": item.id, "kind": item.kind, "question": item.question, "language": item.language,
            "text": item.text, "note": item.note, "pinned_at": item.pinned_at,
            "sources": [_source_dict(s) for s in item.sources]}


def _source_dict(s: Source) -> dict[str, Any]:
    return {name: getattr(s, name) for name in _SOURCE_FIELDS}


# name -> (types, required). Optional fields take their dataclass default when absent.
_SOURCE_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "doc_id": ((str,), True), "title": ((str,), True), "symbol": ((str,), False), "label": ((str,), False),
    "locator": ((str,), False), "page": ((int, type(None)), False), "quote": ((str,), True), "n": ((int,), False),
    "start": ((int,), False), "end": ((int,), False), "chunk_id": ((str,), False), "file_name": ((str,), False),
    "added_by": ((str,), False), "added_at": ((str,), False),
}


def _kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "nothing"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def _text(data: dict, name: str, where: str, required: bool = True) -> str:
    value = data.get(name, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise NotebookError(f"{where.capitalize()}: '{name}' must be {'non-empty ' if required else ''}text, "
                            f"not {_kind_of(value)}.")
    return value


def _item(raw: Any, i: int) -> NotebookItem:
    where = f"item {i}"
    if not isinstance(raw, dict):
        raise NotebookError(f"Item {i} must be an object, not {_kind_of(raw)}.")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise NotebookError(f"Item {i}: 'kind' must be 'citation' or 'answer', not {kind!r}.")
    language = raw.get("language")
    if language not in ("ar", "en"):
        raise NotebookError(f"Item {i}: 'language' must be 'ar' or 'en', not {language!r}.")
    sources = raw.get("sources")
    if not isinstance(sources, list):
        raise NotebookError(f"Item {i}: 'sources' must be a list, not {_kind_of(sources)}.")
    parsed = tuple(_source(s, f"{where}, source {j + 1}") for j, s in enumerate(sources))
    if kind == "citation" and len(parsed) != 1:
        raise NotebookError(f"Item {i}: a pinned citation has exactly one source, not {len(parsed)}.")
    return NotebookItem(id=_text(raw, "id", where), kind=kind, question=_text(raw, "question", where, required=False),
                        language=language, text=_text(raw, "text", where, required=kind == "citation"),
                        sources=parsed, note=_text(raw, "note", where, required=False),
                        pinned_at=_text(raw, "pinned_at", where, required=False))


def _source(raw: Any, where: str) -> Source:
    if not isinstance(raw, dict):
        raise NotebookError(f"{where.capitalize()} must be an object, not {_kind_of(raw)}.")
    values: dict[str, Any] = {}
    for name, (types, required) in _SOURCE_FIELDS.items():
        if name not in raw:
            if required:
                raise NotebookError(f"{where.capitalize()}: '{name}' is missing.")
            continue
        value = raw[name]
        if not isinstance(value, types) or isinstance(value, bool):
            wanted = "a whole number" if int in types else "text"
            raise NotebookError(f"{where.capitalize()}: '{name}' must be {wanted}, not {_kind_of(value)}.")
        values[name] = value
    for name in ("doc_id", "quote"):
        if not values[name].strip():
            raise NotebookError(f"{where.capitalize()}: '{name}' must not be empty.")
    return Source(**values)


__all__ = ["Notebook", "NotebookError", "NotebookItem", "Source", "SCHEMA", "VERSION"]
