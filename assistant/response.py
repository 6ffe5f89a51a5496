"""`Response`: an answer as it is produced. Iterate it for the text, then read `.answer`.

Every shell wants both the streamed text and the finished `Answer`; this is the one place that keeps the
one while forwarding the other (as simonw's `llm` does with its `Response`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .models import Answer


class Response:
    def __init__(self, events: Iterable[str | Answer]):
        self._events = iter(events)
        self._chunks: list[str] = []
        self._answer: Answer | None = None
        self._done = False

    def __iter__(self) -> Iterator[str]:
        """The text deltas as they come (again from memory once the answer is finished)."""
        if self._done:
            yield from self._chunks
            return
        for event in self._events:
            if isinstance(event, Answer):
                self._answer = event
            elif event:
                self._chunks.append(event)
                yield event
        self._done = True

    @property
    def answer(self) -> Answer:
        """The finished answer; waits for the rest of the text if it was not read."""
        if not self._done:
            for _ in self:
                pass
        if self._answer is None:
            raise RuntimeError("the answer stream ended without an Answer")
        return self._answer

    def text(self) -> str:
        """All the streamed text."""
        self.answer
        return "".join(self._chunks)
