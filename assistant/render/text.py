"""An answer for the terminal (`ask`): the answer, its notice, then each citation with its offsets."""
from __future__ import annotations

from ..models import Answer
from .markdown import body
from .references import references


def answer_lines(answer: Answer) -> list[str]:
    """Lines for a Rich console (the notice in yellow markup)."""
    lines = [body(answer)]
    notice = " ".join(n for n in answer.notices if n and n not in lines[0])  # an empty question's request once
    if notice:
        lines.append(f"[yellow]{notice}[/yellow]")
    ref = references(answer.language)
    lines += [f"[{c.n}] {ref.short(c)} — chars {c.start}-{c.end} of {c.file_name}" for c in answer.citations]
    return lines
