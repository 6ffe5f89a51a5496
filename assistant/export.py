"""Answers as a trainer takes them away: Markdown and Word (.docx), each quote with its full reference.

Arabic paragraphs in the .docx are marked right-to-left (w:bidi / w:rtl), so Word lays them out as a reader
expects; Markdown carries no direction and is left to the editor it is pasted into.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement

from .models import Answer, Citation

_ARABIC = re.compile(r"[\u0600-\u06FF]")
TITLE = {"en": "Policy assistant — questions and cited answers", "ar": "مساعد الوثائق — أسئلة وأجوبة موثقة"}


def citation_line(c: Citation) -> str:
    """`[n] Title (SYMBOL), OP 4, p. 3 — «quote»`: everything needed to find the quote again."""
    where = ", ".join(x for x in (c.label if c.label != "heading" else "", f"p. {c.page}" if c.page else "") if x)
    head = f"{c.title} ({c.symbol})" if c.symbol else c.title
    return f"[{c.n}] {head}{', ' + where if where else ''} — «{c.quote}»"


def answer_markdown(answer: Answer) -> str:
    lines = [f"## {answer.question.strip()}", "", answer.text.strip(), ""]
    if answer.notice:
        lines += [f"> {answer.notice}", ""]
    if answer.citations:
        lines += ["**Sources**", ""]
        lines += [f"- {citation_line(c)}" for c in answer.citations]
        lines.append("")
    return "\n".join(lines)


def conversation_markdown(answers: list[Answer]) -> str:
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    parts = [f"# {TITLE['en']}", "", f"_Exported {stamp}; quotes are verbatim from the documents._", ""]
    parts += [answer_markdown(a) for a in answers]
    return "\n".join(parts).rstrip() + "\n"


def _rtl(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        rpr.append(OxmlElement("w:rtl"))


def _paragraph(doc, text: str, style: str | None = None):
    p = doc.add_paragraph(style=style)
    _add_runs(p, text)
    if _ARABIC.search(text) and len(_ARABIC.findall(text)) * 2 > len(re.findall(r"[A-Za-z]", text)):
        _rtl(p)
    return p


def _add_runs(p, text: str) -> None:
    """`**bold**` becomes a bold run; everything else is plain text."""
    for i, piece in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        if piece:
            run = p.add_run(piece)
            run.bold = i % 2 == 1


def answers_docx(answers: list[Answer], path: Path) -> Path:
    doc = Document()
    doc.add_heading(TITLE["en"], level=1)
    for answer in answers:
        _paragraph(doc, answer.question.strip(), "Heading 2")
        for line in answer.text.strip().splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("- "):
                _paragraph(doc, line[2:], "List Bullet")
            else:
                _paragraph(doc, line)
        if answer.notice:
            _paragraph(doc, answer.notice, "Intense Quote")
        if answer.citations:
            doc.add_heading("Sources", level=3)
            for c in answer.citations:
                _paragraph(doc, citation_line(c), "List Number")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
