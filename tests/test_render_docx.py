"""The Word export: the question, the answer's structure as Word paragraphs, full sources, Arabic right-to-left."""
from __future__ import annotations

from docx import Document

from assistant.render.docx import answers_docx
from assistant.render.references import references


def paragraphs(answers, tmp_path):
    return Document(str(answers_docx(answers, tmp_path / "out.docx"))).paragraphs


def test_each_answer_is_its_question_intro_documents_and_numbered_sources(answers, tmp_path):
    answer = answers["en"]
    got = [(p.style.name, p.text) for p in paragraphs([answer], tmp_path)]
    assert got[1] == ("Heading 2", answer.question)
    assert got[2] == ("Normal", "The documents say:")
    for g in answer.groups:
        assert ("Normal", g.heading) in got
    quotes = [t for s, t in got if s == "List Bullet"]
    assert len(quotes) == len(answer.citations) and all("«" in q for q in quotes)
    assert [t for s, t in got if s == "List Number"] == [references("en").source_line(c) for c in answer.citations]


def test_a_documents_name_is_bold(answers, tmp_path):
    heads = {g.heading for g in answers["en"].groups}
    bold = [p for p in paragraphs([answers["en"]], tmp_path) if p.text in heads]
    assert bold and all(run.bold for p in bold for run in p.runs)


def test_arabic_paragraphs_are_right_to_left_and_english_ones_are_not(answers, tmp_path):
    got = paragraphs([answers["ar"], answers["en"]], tmp_path)
    ar = next(p for p in got if p.text == answers["ar"].question)
    en = next(p for p in got if p.text == answers["en"].question)
    assert ar._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
    assert en._p.pPr is None or en._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is None


def test_an_abstention_is_its_statement_without_sources(answers, tmp_path):
    got = [(p.style.name, p.text) for p in paragraphs([answers["none"]], tmp_path)]
    assert ("Normal", answers["none"].intro) in got and not any(s == "List Number" for s, _ in got)
