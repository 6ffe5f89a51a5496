"""Answers as a trainer takes them away in Word (.docx), each quote with its full reference.

Arabic paragraphs are marked right-to-left (w:bidi / w:rtl), so Word lays them out as a reader expects.
"""
from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement

from indexing.language import direction

from ..models import Answer
from .markdown import SOURCES, TITLE, force_lines, quote_item
from .references import references, version_head

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _rtl(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        rpr.append(OxmlElement("w:rtl"))


def _paragraph(doc, runs: list[tuple[str, bool]], style: str | None = None, rtl: bool | None = None):
    """A paragraph of (text, bold) runs, right-to-left when Arabic dominates (`indexing.language.direction`)
    unless `rtl` says which."""
    p = doc.add_paragraph(style=style)
    for piece, bold in runs:
        if piece:
            p.add_run(piece).bold = bold
    text = "".join(piece for piece, _ in runs)
    if rtl or (rtl is None and direction(text) == "rtl"):
        _rtl(p)
    return p


def _plain(text: str) -> list[tuple[str, bool]]:
    return [(text, False)]


def _markdown_runs(text: str) -> list[tuple[str, bool]]:
    """A model's `**bold**` becomes a bold run; everything else is plain text."""
    return [(piece, i % 2 == 1) for i, piece in enumerate(_BOLD.split(text))]


def _prose(doc, text: str) -> None:
    """A model's Markdown, line by line: `- ` items as bullets, the rest as paragraphs."""
    for line in text.strip().splitlines():
        line = line.strip()
        if line.startswith("- "):
            _paragraph(doc, _markdown_runs(line[2:]), "List Bullet")
        elif line:
            _paragraph(doc, _markdown_runs(line))


def _body(doc, answer: Answer) -> None:
    if answer.prose:
        _prose(doc, answer.prose)
        return
    if answer.intro.strip():
        _paragraph(doc, _plain(answer.intro.strip()))
    for group in answer.groups:
        _paragraph(doc, [(group.heading, True)])
        for c in group.citations:
            _paragraph(doc, _plain(quote_item(c, answer.language)), "List Bullet")
            if c.reading_aid:  # in the asker's direction, whatever script its terms are in
                aid = _paragraph(doc, _plain(c.reading_aid), rtl=answer.language == "ar")
                for run in aid.runs:
                    run.italic = True
            for p in c.parallel:
                _paragraph(doc, _plain(f"{version_head(p, answer.language)}:"), rtl=answer.language == "ar")
                _paragraph(doc, _plain(f"«{p.quote}»"))
        for note in force_lines(group.citations):
            _paragraph(doc, _plain(f"⚖ {note}"), rtl=answer.language == "ar")


def answers_docx(answers: list[Answer], path: Path) -> Path:
    doc = Document()
    doc.add_heading(TITLE["en"], level=1)
    for answer in answers:
        lang = "ar" if answer.language == "ar" else "en"
        ref = references(lang)
        _paragraph(doc, _plain(answer.question.strip()), "Heading 2")
        _body(doc, answer)
        if answer.notice:
            _paragraph(doc, _plain(answer.notice), "Intense Quote")
        if answer.citations:
            doc.add_heading(SOURCES[lang], level=3)
            for c in answer.citations:
                _paragraph(doc, _plain(ref.source_line(c)), "List Number")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
