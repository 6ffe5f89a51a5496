"""The chat's HTML: direction per block, numbered citations opening onto marked passages, nothing unescaped."""
from __future__ import annotations

from dataclasses import replace

from assistant.render.html import answer_html, body_html, paragraph_html, question_html, sources_html
from assistant.render.references import references


def test_an_arabic_answer_reads_right_to_left_and_an_english_one_left_to_right(library, answers):
    assert answer_html(answers["ar"], library.chunk).startswith('<div class="pa-msg" dir="rtl" lang="ar">')
    assert answer_html(answers["en"], library.chunk).startswith('<div class="pa-msg" dir="ltr" lang="en">')


def test_each_citation_opens_onto_its_passage_with_the_quote_marked(library, answers):
    html = answer_html(answers["en"], library.chunk)
    assert html.count('class="pa-citation"') == len(answers["en"].citations)
    for c in answers["en"].citations:
        assert f'<sup class="pa-cite">[{c.n}]</sup>' in html
        assert f"[{c.n}] " in html and references("en").beside_title(c) in html
    assert html.count("<mark>") == len(answers["en"].citations)


def test_each_documents_quotes_are_a_list_under_its_name(library, answers):
    html = body_html(answers["en"])
    assert html.startswith("<p>The documents say:</p>")
    assert html.count("<ul>") == len(answers["en"].groups)
    for g in answers["en"].groups:
        assert f"<p><strong>{g.heading}</strong></p><ul>" in html


def test_document_text_is_escaped_never_markup(library, answers):
    answer = answers["en"]
    c = replace(answer.citations[0], quote='<img src=x onerror=alert(1)> **not bold** [7]')
    group = replace(answer.groups[0], citations=(c,))
    html = body_html(replace(answer, groups=(group,), citations=(c,)))
    assert "<img" not in html and "&lt;img src=x" in html
    assert "<strong>not bold</strong>" not in html and "[7]</sup>" not in html


def test_a_generated_answers_markdown_becomes_paragraphs_items_bold_and_markers(answers):
    prose = "**Providers** must report [1].\n\n- They keep records [2]."
    html = body_html(replace(answers["en"], prose=prose))
    assert html == ('<p><strong>Providers</strong> must report <sup class="pa-cite">[1]</sup>.</p>'
                    '<ul><li>They keep records <sup class="pa-cite">[2]</sup>.</li></ul>')


def test_a_question_with_markup_is_shown_as_text():
    html = question_html('<b onmouseover="alert(1)">grooming</b>')
    assert "<b " not in html and "&lt;b onmouseover" in html


def test_the_sources_panel_shows_each_cited_passage_with_its_neighbours(library, answers):
    html = sources_html(answers["en"], library.chunk, library.neighbours)
    assert html.count('class="pa-source"') == len(answers["en"].citations)
    assert 'class="pa-neighbour"' in html


def test_an_abstention_shows_the_nearest_passages_not_sources(library, answers):
    html = sources_html(answers["none"], library.chunk, library.neighbours)
    assert "Nearest passages (not an answer)" in html and "<mark>" not in html


def test_a_paragraph_is_read_whole_under_its_documents_name(library):
    html = paragraph_html(library.paragraph("ga-resolution-2022", "OP 1"))
    assert "OP 1" in html and 'dir="rtl"' in html


def test_a_cited_paragraphs_force_note_is_one_line_under_its_documents_quotes(answers):
    answer = answers["op"]
    noted = replace(answer, groups=tuple(replace(g, citations=tuple(replace(c, force_note="OP 3 calls upon <b>")
                                                                    for c in g.citations)) for g in answer.groups))
    html = body_html(noted)
    assert html.count('class="pa-force"') == len(noted.groups) and "OP 3 calls upon &lt;b&gt;" in html
