"""The paragraph table read against a hand-checked list of the bundled resolution, and on an English text."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from assistant.glossary import Glossary
from assistant.paragraph_table import DraftingLexicon, ParagraphTable, force_note
from indexing.chunking import chunk_document
from indexing.cleaning import clean_document
from indexing.config import Settings
from indexing.models import Chunk
from indexing.language import normalize

from conftest import CORPUS, source_doc

CHECKED = Path(__file__).parent / "data" / "resolution_checked.toml"


@pytest.fixture(scope="module")
def table() -> ParagraphTable:
    settings = Settings(corpus_dir=CORPUS)
    return ParagraphTable(DraftingLexicon.load(settings.drafting_verbs_path), Glossary.load(settings.glossary_path),
                          settings.answer.addressee_window, settings.answer.topic_min_chars)


@pytest.fixture(scope="module")
def resolution_rows(table):
    text = (CORPUS / "ga-resolution-2022.ar.txt").read_text(encoding="utf-8")
    chunks = chunk_document(clean_document(source_doc(text, "ga-resolution-2022.ar.txt", kind="resolution")))
    return {r.label: r for r in table.rows(chunks)}


def checked() -> list[dict]:
    return tomllib.loads(CHECKED.read_text(encoding="utf-8"))["paragraph"]


def test_every_operative_paragraph_has_the_checked_verb_and_force(resolution_rows):
    ops = [p for p in checked() if p["label"].startswith("OP")]
    assert len(ops) == 22 and len([r for r in resolution_rows if r.startswith("OP")]) == 22
    wrong = [(p["label"], resolution_rows[p["label"]].verb, resolution_rows[p["label"]].force) for p in ops
             if normalize(resolution_rows[p["label"]].verb) != normalize(p["verb"])
             or resolution_rows[p["label"]].verb_en != p["verb_en"] or resolution_rows[p["label"]].force != p["force"]]
    assert not wrong


def test_addressees_match_the_checked_list_for_nine_operative_paragraphs_in_ten(resolution_rows):
    ops = [p for p in checked() if p["label"].startswith("OP")]
    right = [p["label"] for p in ops if set(resolution_rows[p["label"]].addressees) == set(p["addressees"])]
    assert len(right) >= 0.9 * len(ops), sorted(set(p["label"] for p in ops) - set(right))


def test_checked_preambular_paragraphs_are_statements_with_their_verbs(resolution_rows):
    pps = [p for p in checked() if p["label"].startswith("PP")]
    assert len(pps) == 10
    for p in pps:
        row = resolution_rows[p["label"]]
        assert (normalize(row.verb), row.verb_en, row.force, row.addressees) == (
            normalize(p["verb"]), p["verb_en"], "statement", ()), p["label"]


def test_rows_keep_the_paragraph_text_verbatim_in_reading_order(resolution_rows):
    labels = list(resolution_rows)
    assert labels[0] == "PP 1" and labels[-1] == "OP 22"
    assert resolution_rows["OP 6"].text.startswith("6 - تشجع الدول الأعضاء")
    assert resolution_rows["OP 19"].verb_ar == "تطلب"
    assert all(r.topic for r in resolution_rows.values())


def _chunk(label: str, text: str, n: int) -> Chunk:
    return Chunk(chunk_id=f"en-{n}", doc_id="en-res", text=text, search_text=text, start=0, end=len(text),
                 ordinal=n, label=label, language="en")


def test_an_english_resolution_reads_with_the_same_lexicon(table):
    paragraphs = [
        ("PP 1", "Recalling its resolution 74/174 of 18 December 2019,"),
        ("PP 2", "Deeply concerned about the growing threat of self-generated material,"),
        ("PP 3", "Noting with concern the links between sexual exploitation and trafficking,"),
        ("OP 1", "1. Urges Member States to criminalize all forms of sexual exploitation of children;"),
        ("OP 2", "2. Also encourages Member States, civil society and the private sector to cooperate;"),
        ("OP 3", "3. Requests the Secretary-General to report to the General Assembly at its next session, "
                 "and invites Member States and other donors to provide extrabudgetary resources;"),
        ("OP 4", "4. Decides to remain seized of the matter."),
        ("OP 5", "5. Calls upon States parties to the Optional Protocol to implement it;"),
    ]
    rows = {r.label: r for r in table.rows([_chunk(l, t, i) for i, (l, t) in enumerate(paragraphs)])}
    got = {label: (r.verb, r.verb_en, r.force, r.addressees) for label, r in rows.items()}
    assert got == {
        "PP 1": ("Recalling", "recalls", "statement", ()),
        "PP 2": ("Deeply concerned", "expresses concern", "statement", ()),
        "PP 3": ("Noting with concern", "notes with concern", "statement", ()),
        "OP 1": ("Urges", "urges", "exhortation", ("Member States",)),
        "OP 2": ("encourages", "encourages", "recommendation", ("Member States", "civil society", "private sector")),
        "OP 3": ("Requests", "requests", "directive", ("Secretary-General", "Member States", "donors")),
        "OP 4": ("Decides", "decides", "directive", ()),
        "OP 5": ("Calls upon", "calls upon", "exhortation", ("States parties",)),
    }
    assert rows["OP 1"].verb_ar == ""


def test_a_paragraph_without_a_known_verb_has_no_force(table):
    [row] = table.rows([_chunk("OP 1", "1. Something else entirely;", 0)])
    assert (row.verb, row.force, row.addressees) == ("", "", ())


def test_force_note_names_verb_and_force_in_the_askers_language(table):
    written, verb, _ = table.verb_and_addressees("6 - تشجع الدول الأعضاء على اعتماد تدابير")
    assert force_note("OP 6", written, verb, "en") == "OP 6 encourages (تشجع): a recommendation, not a requirement"
    assert force_note("الفقرة 6 من المنطوق", written, verb, "ar") == \
        "الفقرة 6 من المنطوق: تشجع (encourages) — توصية، لا إلزام"
