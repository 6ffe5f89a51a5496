"""Conversations kept in the browser (the app's `gr.BrowserState`): answers and follow-up turns as JSON.

Nothing is kept on the server. An answer is stored as its structure, not its HTML, so the page renders it
again as today's app does and its export still works after a reload; passages are stored by chunk id
(their text is the library's) and a passage the library no longer has is left out. Records written by an
older app (fields since added or dropped) still load: unknown keys are ignored, missing ones take defaults.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Callable

from indexing.models import Chunk

from .models import Answer, Citation, CitationGroup, ParallelText, Passage
from .sessions import Session, Turn


def _make(cls, data: dict, **nested):
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in (data or {}).items() if k in names}
    kwargs.update({k: v for k, v in nested.items() if k in names})
    for f in fields(cls):  # JSON lists back to the tuples the frozen dataclasses carry
        if isinstance(kwargs.get(f.name), list) and f.name not in nested:
            kwargs[f.name] = tuple(kwargs[f.name])
    return cls(**kwargs)


def _citation(d: dict) -> Citation:
    return _make(Citation, d, parallel=tuple(_make(ParallelText, p) for p in d.get("parallel", ())))


def answer_record(answer: Answer) -> dict:
    """The answer as JSON-ready data (passages by chunk id and score)."""
    record = asdict(answer)
    record["passages"] = [{"chunk_id": p.chunk.chunk_id, "score": p.score, "why": list(p.why), "dense": p.dense}
                          for p in answer.passages]
    return record


def answer_of(record: dict, chunk_of: Callable[[str], Chunk | None]) -> Answer:
    """The answer back from its record; passages whose chunk the library no longer has are left out."""
    passages = []
    for p in record.get("passages", ()):
        chunk = chunk_of(p.get("chunk_id", ""))
        if chunk is not None:
            passages.append(Passage(chunk, float(p.get("score", 0.0)), tuple(p.get("why", ())), float(p.get("dense", 0.0))))
    groups = tuple(_make(CitationGroup, g, citations=tuple(_citation(c) for c in g.get("citations", ())))
                   for g in record.get("groups", ()))
    return _make(Answer, record, groups=groups, citations=tuple(_citation(c) for c in record.get("citations", ())),
                 passages=tuple(passages), timings=dict(record.get("timings") or {}))


@dataclass
class Kept:
    """One conversation as the browser keeps it."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    title: str = ""
    updated: float = 0.0
    answers: list[dict] = field(default_factory=list)
    turns: list[dict] = field(default_factory=list)

    def session(self) -> Session:
        return Session([_make(Turn, t) for t in self.turns])


def kept_list(data: Any) -> list[Kept]:
    """The conversations a browser holds, newest first; anything unreadable is dropped, not raised."""
    out = []
    for item in (data or {}).get("conversations", []) if isinstance(data, dict) else []:
        try:
            out.append(_make(Kept, item))
        except TypeError:
            continue
    return sorted(out, key=lambda k: k.updated, reverse=True)


def keep(data: Any, conv_id: str, answers: list[Answer], session: Session, max_conversations: int,
         max_answers: int, title_chars: int = 60) -> dict:
    """The browser's data with this conversation saved (as the newest), at most `max_conversations` kept."""
    if not answers:
        return {"conversations": [asdict(k) for k in kept_list(data)]}
    title = " ".join(answers[0].question.split())
    title = title if len(title) <= title_chars else title[:title_chars - 1].rstrip() + "…"
    mine = Kept(conv_id, title, time.time(), [answer_record(a) for a in answers[-max_answers:]],
                [asdict(t) for t in session.turns])
    others = [k for k in kept_list(data) if k.id != conv_id]
    return {"conversations": [asdict(k) for k in [mine, *others][:max_conversations]]}


def forget(data: Any, conv_id: str) -> dict:
    return {"conversations": [asdict(k) for k in kept_list(data) if k.id != conv_id]}
