"""The terminal's answer: the Markdown, the notice, then each citation with its place in its file."""
from __future__ import annotations

from dataclasses import replace

from assistant.render.markdown import body
from assistant.render.text import answer_lines


def test_the_answer_comes_first_then_one_line_per_citation_with_its_offsets(answers):
    answer = replace(answers["op"], notices=())
    lines = answer_lines(answer)
    assert lines[0] == body(answer)
    assert len(lines) == 1 + len(answer.citations)
    c = answer.citations[0]
    assert lines[1] == f"[1] {c.symbol or c.title}, OP 3{', p. ' + str(c.page) if c.page else ''} — chars {c.start}-{c.end} of {c.file_name}"


def test_a_notice_is_shown_in_yellow_before_the_citations(answers):
    lines = answer_lines(replace(answers["op"], notices=("Cut short.",)))
    assert lines[1] == "[yellow]Cut short.[/yellow]"
