"""An answer as Markdown: the chat's streamed text, the run record's `answer`, and the Markdown export.

Extractive answers: the intro, then per document its name in bold and its quotes as items, each with its
[n] marker and paragraph label. A generated answer is the model's own Markdown, markers already checked.
"""
from __future__ import annotations

import re
from datetime import datetime

from ..models import Answer, Citation
from .references import references, version_head

MARKER = re.compile(r"\[(\d{1,3})\]")  # a citation marker as answers carry it (`marker` writes it)
TITLE = {"en": "Policy assistant — questions and cited answers", "ar": "مساعد الوثائق — أسئلة وأجوبة موثقة"}


def marker(n: int) -> str:
    return f"[{n}]"


SOURCES = {"en": "Sources", "ar": "المصادر"}


def quote_item(c: Citation, language: str = "en") -> str:
    """`«quote» [n] (OP 4)`: one quote of an extractive answer, its label as the asker's language writes it."""
    return f"«{c.quote}» {marker(c.n)}{f' ({references(language).label(c.label)})' if c.label else ''}"


def aid_line(c: Citation) -> str:
    """The quote's reading aid as the line under its item (empty when the quote is in the asker's language)."""
    return f"  ↳ _{c.reading_aid}_" if c.reading_aid else ""


def force_lines(citations) -> list[str]:
    """One line per cited resolution paragraph (its verb and force), in the order the quotes come."""
    return list(dict.fromkeys(c.force_note for c in citations if c.force_note))


def body(answer: Answer) -> str:
    """The answer itself, without its question, notices or source list."""
    if answer.prose:
        return answer.prose
    lines = [answer.intro]
    if answer.groups:
        lines.append("")
    for group in answer.groups:
        lines.append(f"**{group.heading}**")
        for c in group.citations:
            lines.append(f"- {quote_item(c, answer.language)}")
            if c.reading_aid:
                lines.append(aid_line(c))
            lines += [f"  ↔ {version_head(p, answer.language)}: «{p.quote}»" for p in c.parallel]
        lines += [f"- ⚖ {note}" for note in force_lines(group.citations)]
        lines.append("")
    return "\n".join(lines).strip()


def message_markdown(answer: Answer) -> str:
    """What copying one chat message gives: the answer, its notice and its sources, as Markdown."""
    lines = [body(answer).strip()]
    if answer.notice:
        lines += ["", f"> {answer.notice}"]
    if answer.citations:
        lang = "ar" if answer.language == "ar" else "en"
        lines += ["", f"**{SOURCES[lang]}**", ""]
        lines += [f"- [{c.n}] {references(lang).full(c)}" for c in answer.citations]  # quotes are in the body
    return "\n".join(lines)


def answer_markdown(answer: Answer) -> str:
    """One exported answer: the question as a heading, the answer, its notice, its full sources."""
    lines = [f"## {answer.question.strip()}", "", body(answer).strip(), ""]
    if answer.notice:
        lines += [f"> {answer.notice}", ""]
    if answer.citations:
        lang = "ar" if answer.language == "ar" else "en"
        lines += [f"**{SOURCES[lang]}**", ""]
        lines += [f"- {references(lang).source_line(c)}" for c in answer.citations]
        lines.append("")
    return "\n".join(lines)


def conversation_markdown(answers: list[Answer]) -> str:
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    parts = [f"# {TITLE['en']}", "", f"_Exported {stamp}; quotes are verbatim from the documents._", ""]
    parts += [answer_markdown(a) for a in answers]
    return "\n".join(parts).rstrip() + "\n"
