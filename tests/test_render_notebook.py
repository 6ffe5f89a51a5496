"""The workshop handout from a notebook of real answers: Word (opened with python-docx) and Markdown."""
from __future__ import annotations

from datetime import date

from docx import Document

from assistant.notebook import Notebook, NotebookItem
from assistant.render.notebook import LABELS, handout_language, notebook_docx, notebook_markdown
from assistant.render.references import references

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAY = date(2026, 12, 2)


def notebook(answers) -> Notebook:
    """An English citation, an Arabic one (noted), then a whole English answer, the Arabic one moved first."""
    nb = Notebook()
    for item in (NotebookItem.of_citation(answers["en"], 1), NotebookItem.of_citation(answers["ar"], 1),
                 NotebookItem.of_answer(answers["op"])):
        nb = nb.add(item, 50)
    ar = nb.items[1].id
    return nb.annotate(ar, "نناقش هذه الفقرة في الجلسة الأولى").move(ar, -1)


def handout(answers, tmp_path) -> tuple[Notebook, Document]:
    nb = notebook(answers)
    return nb, Document(str(notebook_docx(nb, tmp_path / "handout.docx", DAY)))


def rtl(p) -> bool:
    """Right-to-left as Word reads it: w:bidi on the paragraph and w:rtl on every run."""
    ppr = p._p.pPr
    return (ppr is not None and ppr.find(f"{W}bidi") is not None
            and all(r._r.rPr is not None and r._r.rPr.find(f"{W}rtl") is not None for r in p.runs))


def test_the_handout_gives_the_items_in_the_notebooks_order(answers, tmp_path):
    nb, doc = handout(answers, tmp_path)
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    ar, en, op = nb.items
    # a citation is headed by where it is (symbol, or the title cut short, then its locator); an answer by its question
    for head, n, item in zip(heads, (1, 2), (ar, en)):
        s = item.sources[0]
        assert head.startswith(f"{n}. {s.symbol or s.title[:30]}") and head.endswith(s.locator)
    assert heads[2] == f"3. {answers['op'].question}" and len(heads) == 4  # the fourth: Sources
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert quotes == [f"«{ar.quote}»", f"«{en.quote}»"]


def test_an_arabic_quote_its_reference_and_note_are_right_to_left_and_english_text_is_not(answers, tmp_path):
    nb, doc = handout(answers, tmp_path)
    ar, en, _ = nb.items
    by_text = {p.text: p for p in doc.paragraphs}
    assert rtl(by_text[f"«{ar.quote}»"])
    assert rtl(next(p for t, p in by_text.items() if t.startswith(LABELS["ar"]["reference"] + ":")))
    assert rtl(next(p for t, p in by_text.items() if "نناقش هذه الفقرة" in t))
    english_ref = next(p for t, p in by_text.items() if t.startswith("Reference:") and en.sources[0].title in t)
    assert not rtl(english_ref) and not rtl(by_text[f"3. {answers['op'].question}"])


def test_every_quote_has_its_full_reference_title_locator_and_page(answers, tmp_path):
    nb, doc = handout(answers, tmp_path)
    texts = [p.text for p in doc.paragraphs]
    for item in nb.items:
        ref = references(item.language)
        for s in item.sources:
            full = f"{LABELS[item.language]['reference']}: {ref.full(s.citation())}"
            assert full in texts
            assert s.title in full and s.locator and s.locator in full
            if s.page:
                assert f"{ref.page} {s.page}" in full
    # a pinned answer's quotes come under its own words, each as a bullet with its number in the answer
    bullets = [t for t in texts if t.startswith("«") and t.endswith("]")]
    assert bullets == [f"«{c.quote}» [{c.n}]" for c in answers["op"].citations]


def test_the_handout_ends_with_the_list_of_sources_one_per_document(answers, tmp_path):
    nb, doc = handout(answers, tmp_path)
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 2" and p.text == "Sources")
    entries = [p for p in paragraphs[start + 1:] if p.style.name == "List Number"]
    assert len(entries) == len(paragraphs) - start - 1  # nothing after the list
    docs = list(dict.fromkeys(s.doc_id for item in nb.items for s in item.sources))
    assert len(entries) == len(docs)
    names = {s.doc_id: f"{s.title} ({s.symbol})" if s.symbol else s.title
             for item in nb.items for s in item.sources if item.language == "en"}
    for entry, doc_id in zip(entries, docs):
        assert entry.runs[0].bold and entry.runs[0].text == names[doc_id]  # the handout is English: English titles
    # the resolution is quoted by item 1 (PP, asked in Arabic) and item 3 (OP 3): both places, in English
    ar, _, op = nb.items
    assert ar.sources[0].doc_id == op.sources[0].doc_id == docs[0]
    labels = [references("en").label(s.label) for s in (ar.sources[0], op.sources[0])]
    assert f"{labels[0]} (item 1)" in entries[0].text and f"{labels[1]} (item 3)" in entries[0].text


def test_the_markdown_handout_has_the_same_order_references_notes_and_sources(answers):
    nb = notebook(answers)
    text = notebook_markdown(nb, DAY)
    assert text.startswith("# Workshop handout\n") and "Prepared 2026-12-02" in text
    ar, en, op = nb.items
    positions = [text.index(f"«{ar.quote}»"), text.index(f"«{en.quote}»"), text.index(f"## 3. {op.question}")]
    assert positions == sorted(positions)
    assert f"{LABELS['ar']['reference']}: {references('ar').full(ar.sources[0].citation())}" in text
    assert f"**{LABELS['ar']['note']}:** نناقش هذه الفقرة في الجلسة الأولى" in text
    sources = text[text.index("## Sources"):]
    assert sources.count("\n1. **") == 1 and "(item 1)" in sources and "(item 2)" in sources


def test_a_handout_mostly_in_arabic_has_arabic_headings_right_to_left(answers, tmp_path):
    nb = Notebook()
    for n in (1, 2):
        nb = nb.add(NotebookItem.of_citation(answers["ar"], n), 50)
    assert handout_language(nb) == "ar"
    doc = Document(str(notebook_docx(nb, tmp_path / "ar.docx", DAY)))
    head = next(p for p in doc.paragraphs if p.text == LABELS["ar"]["sources"])
    assert head.style.name == "Heading 2" and rtl(head)
    assert doc.paragraphs[0].text == LABELS["ar"]["title"] and rtl(doc.paragraphs[0])
    assert notebook_markdown(nb, DAY).startswith(f"# {LABELS['ar']['title']}")


def test_an_empty_notebook_exports_a_handout_that_says_so(tmp_path):
    doc = Document(str(notebook_docx(Notebook(), tmp_path / "empty.docx", DAY)))
    assert [p.text for p in doc.paragraphs][-1] == LABELS["en"]["empty"]
    assert LABELS["en"]["empty"] in notebook_markdown(Notebook(), DAY)
