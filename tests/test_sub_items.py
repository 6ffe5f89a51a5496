"""A paragraph's lettered sub-items: quoted all together, or the answer says how many it leaves out."""
from __future__ import annotations

from assistant.models import Passage
from assistant.sentence_picker import Sentence
from assistant.sub_items import complete, item_spans, left_out_notice
from indexing.models import Chunk

TEXT = ("12. The Ombudsperson calls on States to take the following steps:\n\n"
        "(a) Adopt a law on online abuse;\n\n(b) Train the police in digital forensics;\n\n"
        "(c) Fund helplines for children.\n\n13. Next paragraph.")
AR = "12- تدعو أمينة المظالم الدول إلى ما يلي:\n\n(أ) اعتماد قانون؛\n\n(ب) تدريب الشرطة؛\n\n(هـ) تمويل خطوط المساعدة."


def chunk(text: str = TEXT) -> Passage:
    return Passage(Chunk("d#1", "d", text, text, 0, len(text), 0, label="para. 12"), score=1.0)


def sentence(p: Passage, piece: str) -> Sentence:
    start = p.chunk.text.index(piece)
    return Sentence(p, start, start + len(piece), 1.0)


def test_sub_items_run_from_their_marker_to_the_next_in_both_scripts():
    assert [TEXT[s:e] for s, e in item_spans(TEXT)] == [
        "(a) Adopt a law on online abuse;", "(b) Train the police in digital forensics;",
        "(c) Fund helplines for children."]
    assert [AR[s:e][:4] for s, e in item_spans(AR)] == ["(أ) ", "(ب) ", "(هـ)"]


def test_quoting_one_sub_item_brings_the_others_verbatim():
    p = chunk()
    out, partial = complete([sentence(p, "(b) Train the police in digital forensics;")], limit=10)
    assert sorted(s.text for s in out) == [TEXT[s:e] for s, e in item_spans(TEXT)] and not partial
    assert all(p.chunk.text[s.start: s.end] == s.text for s in out)


def test_quoting_the_line_that_introduces_them_brings_them_too():
    p = chunk()
    out, _ = complete([sentence(p, "12. The Ombudsperson calls on States to take the following steps:")], 10)
    assert len(out) == 4


def test_a_sentence_elsewhere_in_the_passage_brings_nothing():
    p = chunk()
    out, partial = complete([sentence(p, "13. Next paragraph.")], 10)
    assert len(out) == 1 and not partial


def test_too_many_sub_items_are_not_all_quoted_but_the_answer_says_how_many_are():
    p = chunk()
    out, partial = complete([sentence(p, "(a) Adopt a law on online abuse;")], limit=2)
    assert len(out) == 1
    assert left_out_notice(partial[0], "en") == "para. 12 has 3 sub-items; this answer quotes 1."
    assert "3" in left_out_notice(partial[0], "ar") and "para. 12" in left_out_notice(partial[0], "ar")


def test_a_lead_in_line_without_marked_items_brings_the_sentences_it_introduces():
    text = ("Five priorities follow from the review. We call on governments and partners to:\n"
            "Invest in comprehensive national responses. Accelerate global cooperation between governments "
            "and companies. Use data and evidence.")
    p = chunk(text)
    lead = sentence(p, "We call on governments and partners to:")
    out, partial = complete([lead], 10, follow=2)
    assert [s.text for s in out[1:]] == ["Invest in comprehensive national responses.",
                                        "Accelerate global cooperation between governments and companies."]
    assert not partial
    assert len(complete([lead], 10, follow=0)[0]) == 1
    assert len(complete([sentence(p, "Five priorities follow from the review.")], 10, follow=2)[0]) == 1
