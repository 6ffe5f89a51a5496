"""Conversation state, so that a follow-up ("and paragraph 5?", "ماذا عن التوصيات؟") keeps its subject.

A question is read with the previous one only when it refers back: it opens with "and / what about /
و / ماذا عن", it points with a pronoun ("it", "these", "هذه", "فيها"), or it has no subject of its own
("why?", "and in 2019?"). Length says nothing: "What is sextortion?" is short and stands alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexing.language import normalize

_OPENS_BACK = re.compile(
    r"^\s*(?:and|also|what about|how about|what else|and what|then|same|as well)\b"
    r"|^\s*(?:ماذا عن|وماذا|وما|وهل|وكيف|وكم|ومن|واين|ومتى|ولماذا|وشو|وايش|وبالنسبه|ثم|ايضا|طيب|وال\S+)",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"\b(?:it|its|they|them|this|these|those|that one|that paragraph|that report|that document"
    r"|the same|the above|mentioned above|previous answer|you said)\b"
    r"|(?<![\u0621-\u064A])(?:هذا|هذه|ذلك|تلك|هؤلاء|هذي|هاد|هادا|هاي|فيها|عنها|منها|فيه|عنه|منه"
    r"|فيهم|عنهم|منهم|السابق|السابقه|المذكور|المذكوره|نفسه|نفسها)(?![\u0621-\u064A])",
    re.IGNORECASE,
)
# Words that ask without naming a subject: a question made only of these (and numbers) has elided its subject.
_EMPTY_WORDS = set(normalize(
    "what why how when where who which whom whose is are was were do does did can could should would will "
    "the a an of in on for to about and or so ok okay more else please pls explain detail details say says "
    "tell me more example examples paragraph para section page number year one other part "
    "ما ماذا لماذا ليش ليه كيف متى اين وين فين من مين هل كم قديش شو ايش وش اي أي في على عن الى إلى من "
    "و او أو ثم لو ممكن اشرح وضح المزيد اكثر أكثر مثال امثلة أمثلة فقرة الفقرة قسم صفحة سنة عام يعني"
).split())
_WORD = re.compile(r"[^\W\d_]+")


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
    """The question refers back to the previous turn (see the module's docstring)."""
    text = normalize(question)
    if _OPENS_BACK.search(text) or _POINTS_BACK.search(text):
        return True
    return not any(w not in _EMPTY_WORDS for w in _WORD.findall(text))


def context_for(question: str, previous: Turn | None) -> tuple[str, tuple[str, ...]]:
    """The topic to carry over and the documents to prefer, given the previous turn."""
    if previous is None or not is_follow_up(question):
        return "", ()
    return previous.retrieval_question, previous.doc_ids
