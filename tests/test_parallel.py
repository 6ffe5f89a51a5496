"""Language versions: a citation of one version shows the same place in the other, by number or by meaning.

The pair in tests/data/parallel was written for these tests: a numbered report and an unnumbered note, each
in Arabic and English, paragraph for paragraph; the report's versions are linked in the catalogue, the note's
share a symbol.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexing.config import Settings

DATA = Path(__file__).parent / "data" / "parallel"


def paragraphs(name: str) -> list[str]:
    """The body paragraphs of a test file (its title line left out)."""
    return [p.strip() for p in (DATA / name).read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    from assistant import Assistant

    root = tmp_path_factory.mktemp("parallel")
    shutil.copytree(DATA, root / "corpus")
    assistant = Assistant(Settings(corpus_dir=root / "corpus", data_dir=root / "data"))
    assert not assistant.index(show_progress=False).failed
    return assistant


def test_versions_are_linked_by_the_catalogue_both_ways_and_by_a_shared_symbol(versions):
    parallel = versions.parallel()
    assert parallel.partners("report-en") == ["report-ar"] and parallel.partners("report-ar") == ["report-en"]
    assert parallel.partners("note-ar") == ["note-en"]


def test_every_numbered_paragraph_is_matched_inside_the_paragraph_with_its_number(versions):
    parallel = versions.parallel()
    chunks = [c for c in versions.retriever.by_doc["report-ar"] if c.label]
    assert len(chunks) == 6
    english = paragraphs("report.en.txt")
    for c in chunks:
        got = parallel.match(c.text, c, "report-en")
        assert got.method == "label" and got.label == c.label and got.language == "en"
        assert got.quote in english[int(c.label.split()[-1]) - 1]


def test_unnumbered_paragraphs_are_aligned_by_meaning_with_their_translation(versions):
    parallel = versions.parallel()
    arabic, english = paragraphs("note.ar.txt"), paragraphs("note.en.txt")
    chunk_of = {p: next(c for c in versions.retriever.by_doc["note-ar"] if p in c.text) for p in arabic}
    right = 0
    for i, p in enumerate(arabic):
        got = parallel.match(p, chunk_of[p], "note-en")
        assert got is None or got.method == "meaning"
        right += bool(got and got.quote in english[i] and got.score >= 0.5)
    assert right / len(arabic) >= 0.9


def test_an_answer_citing_one_version_shows_the_other_verbatim_with_its_score(versions):
    answer = versions.ask("Did internet service providers agree to block abuse material within a deadline?")
    cited = [c for c in answer.citations if c.doc_id.startswith("report") and c.label == "para. 5"]
    assert cited, answer.citations
    other = cited[0].parallel[0]
    assert other.doc_id != cited[0].doc_id and other.label == "para. 5" and other.method == "label"
    doc = versions.retriever.by_id[other.chunk_id]
    assert doc.text[other.start - doc.start: other.end - doc.start] == other.quote  # verbatim, with offsets


def test_a_document_without_another_version_gets_no_parallel_text(library):
    answer = library.ask("What does the resolution ask internet service providers to do?")
    assert answer.citations and not any(c.parallel for c in answer.citations)


def test_every_output_shows_the_other_version_under_the_quote(versions, tmp_path):
    from docx import Document

    from assistant.render.docx import answers_docx
    from assistant.render.html import body_html
    from assistant.render.json import api_answer
    from assistant.render.markdown import body

    answer = versions.ask("What does the report recommend for victim support services?")
    c = next(c for c in answer.citations if c.parallel)
    p = c.parallel[0]
    assert f"«{p.quote}»" in body(answer)
    assert ("same paragraph number" if p.method == "label" else "aligned by meaning") in body(answer)
    assert 'class="pa-parallel"' in body_html(answer)
    record = next(r for r in api_answer(answer)["citations"] if r["n"] == c.n)
    assert record["parallel"][0]["quote"] == p.quote and record["parallel"][0]["score"] == p.score
    texts = [para.text for para in Document(str(answers_docx([answer], tmp_path / "a.docx"))).paragraphs]
    assert f"«{p.quote}»" in texts
