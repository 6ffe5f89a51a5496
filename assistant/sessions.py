"""Conversation state, so that a follow-up ("and paragraph 5?", "ماذا عن التوصيات؟") keeps its subject."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|what else|and what|then|same|its|their|it|this|that|those|these)\b"
    r"|^\s*(و|ماذا عن|وماذا|وما|وهل|وكيف|وكم|ثم|أيضا|ايضا)",
    re.IGNORECASE,
)


@dataclass
class Turn:
    question: str
    retrieval_question: str
    doc_ids: tuple[str, ...]
    answer_text: str = ""


@dataclass
class Session:
    turns: list[Turn] = field(default_factory=list)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def add(self, turn: Turn) -> None:
        self.turns.append(turn)
        del self.turns[:-20]


def is_follow_up(question: str) -> bool:
    """Short questions and ones that open with "and / what about / و / ماذا عن" lean on the previous turn."""
    words = question.split()
    return bool(_FOLLOW_UP.search(question)) or len(words) <= 4


def context_for(question: str, previous: Turn | None) -> tuple[str, tuple[str, ...]]:
    """The topic to carry over and the documents to prefer, given the previous turn."""
    if previous is None or not is_follow_up(question):
        return "", ()
    return previous.retrieval_question, previous.doc_ids
