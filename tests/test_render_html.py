"""The chat's HTML: direction per block, numbered citations opening onto marked passages, nothing unescaped."""
from __future__ import annotations

import re
from dataclasses import replace
from html import escape

from assistant.render.html import answer_html, body_html, marked_passage, paragraph_html, question_html, sources_html
from assistant.render.references import references


def test_an_arabic_answer_reads_right_to_left_and_an_english_one_left_to_right(library, answers):
    assert answer_html(answers["ar"], library.chunk).startswith('<div class="pa-msg" dir="rtl" lang="ar"')
    assert answer_html(answers["en"], library.chunk).startswith('<div class="pa-msg" dir="ltr" lang="en"')


def test_each_citation_opens_onto_its_passage_with_the_quote_marked(library, answers):
    answer = answers["en"]
    html = answer_html(answer, library.chunk, key="k1")
    assert len(re.findall(r'class="pa-citation[ "]', html)) == len({c.chunk_id for c in answer.citations})
    for c in answer.citations:
        assert re.search(rf'<a href="#pa-src-k1-\d+">\[{c.n}\]</a></sup>', html)
        assert f"[{c.n}] " in html and references("en").beside_title(c) in html
    assert html.count("<mark ") == len(answer.citations)


def test_each_documents_quotes_are_a_list_under_its_name(library, answers):
    html = body_html(answers["en"])
    assert html.startswith('<p dir="auto">The documents say:</p>')
    assert html.count("<ul>") == len(answers["en"].groups)
    for g in answers["en"].groups:
        assert f"<p><strong>{g.heading}</strong></p><ul>" in html


def test_document_text_is_escaped_never_markup(library, answers):
    answer = answers["en"]
    c = replace(answer.citations[0], quote='<img src=x onerror=alert(1)> **not bold** [7]')
    group = replace(answer.groups[0], citations=(c,))
    html = body_html(replace(answer, groups=(group,), citations=(c,)))
    assert "<img" not in html and "&lt;img src=x" in html
    assert "<strong>not bold</strong>" not in html and "[7]</a>" not in html


def test_a_generated_answers_markdown_becomes_paragraphs_items_bold_and_markers(answers):
    prose = "**Providers** must report [1].\n\n- They keep records [2]."
    html = body_html(replace(answers["en"], prose=prose), key="k")
    assert html == ('<p dir="auto"><strong>Providers</strong> must report <sup class="pa-cite">'
                    '<a href="#pa-src-k-1">[1]</a></sup>.</p>'
                    '<ul><li dir="auto">They keep records <sup class="pa-cite">'
                    '<a href="#pa-src-k-2">[2]</a></sup>.</li></ul>')


def test_a_question_with_markup_is_shown_as_text():
    html = question_html('<b onmouseover="alert(1)">grooming</b>')
    assert "<b " not in html and "&lt;b onmouseover" in html


def test_the_sources_panel_shows_each_cited_passage_with_its_neighbours(library, answers):
    html = sources_html(answers["en"], library.chunk, library.neighbours, key="k")
    assert len(re.findall(r'class="pa-source[ "]', html)) == len({c.chunk_id for c in answers["en"].citations})
    assert 'class="pa-neighbour"' in html
    for c in answers["en"].citations:  # every marker's target is an entry (its passage's first citation)
        first = next(x for x in answers["en"].citations if x.chunk_id == c.chunk_id)
        assert f'id="pa-src-k-{first.n}"' in html and re.search(rf'<mark class="[^"]*\bpa-n-{c.n}\b', html)


def test_two_quotes_of_one_passage_are_one_source_entry_with_both_marked(library, answers):
    answer = answers["en"]
    c = answer.citations[0]
    chunk = library.chunk(c.chunk_id)
    second = replace(c, n=len(answer.citations) + 1, start=chunk.start, end=chunk.start + 12, quote=chunk.text[:12])
    if c.start < second.end:  # keep the two quotes apart for this test
        second = replace(second, start=chunk.end - 12, end=chunk.end, quote=chunk.text[-12:])
    both = replace(answer, citations=(c, second))
    html = sources_html(both, library.chunk, library.neighbours, key="k")
    assert len(re.findall(r'class="pa-source[ "]', html)) == 1
    assert html.count("<blockquote") - html.count("pa-neighbour") == 1
    assert f'class="pa-source pa-n-{c.n} pa-n-{second.n}"' in html and html.count("<mark ") == 2
    assert f"[{c.n}] [{second.n}] " in html
    bubble = answer_html(both, library.chunk, key="k")
    assert bubble.count('class="pa-citation ') == 1 and bubble.count("<mark ") == 2


def test_overlapping_quotes_share_one_mark_naming_both(library, answers):
    c = answers["en"].citations[0]
    chunk = library.chunk(c.chunk_id)
    html = marked_passage(chunk, [(chunk.start, chunk.start + 20, 1), (chunk.start + 10, chunk.start + 30, 2)])
    assert html.count("<mark ") == 1 and '<mark class="pa-n-1 pa-n-2">' in html
    assert re.sub(r"<[^>]+>", "", html) == escape(chunk.text)


def test_an_abstention_shows_the_nearest_passages_not_sources_and_says_where_they_are(library, answers):
    html = sources_html(answers["none"], library.chunk, library.neighbours)
    assert "Nearest passages (not an answer)" in html and "<mark" not in html
    bubble = answer_html(answers["none"], library.chunk)
    assert "in the Sources panel" in bubble and "below" not in answers["none"].intro


def test_a_quote_mixing_arabic_latin_and_numbers_is_its_own_right_to_left_block_in_an_english_answer(answers):
    answer = answers["en"]
    mixed = "أفاد المركز الوطني NCMEC بتلقي 18.4 مليون بلاغ في عام 2018"
    c = replace(answer.citations[0], quote=mixed)
    html = body_html(replace(answer, groups=(replace(answer.groups[0], citations=(c,)),), citations=(c,)))
    assert f'<span class="pa-quote" dir="rtl" lang="ar">«{mixed}»</span>' in html


def test_a_paragraph_is_read_whole_under_its_documents_name(library):
    html = paragraph_html(library.paragraph("ga-resolution-2022", "OP 1"))
    assert "OP 1" in html and 'dir="rtl"' in html


def test_a_cited_paragraphs_force_note_is_one_line_under_its_documents_quotes(answers):
    answer = answers["op"]
    noted = replace(answer, groups=tuple(replace(g, citations=tuple(replace(c, force_note="OP 3 calls upon <b>")
                                                                    for c in g.citations)) for g in answer.groups))
    html = body_html(noted)
    assert html.count('class="pa-force"') == len(noted.groups) and "OP 3 calls upon &lt;b&gt;" in html


def test_an_abstention_under_filters_says_only_the_filtered_documents_were_searched(library, answers):
    bubble = answer_html(answers["none"], library.chunk, filtered="Qatar submission <b>")
    assert "Only Qatar submission &lt;b&gt; was searched" in bubble
    assert "was searched" not in answer_html(answers["none"], library.chunk)
    assert "was searched" not in answer_html(answers["en"], library.chunk, filtered="GTA")  # it answered
