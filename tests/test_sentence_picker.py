"""Picking the answer's sentences: greedy by what each adds, fragments carried on, endnotes never quoted."""
from __future__ import annotations

from assistant.models import Passage
from assistant.sentence_picker import SentencePicker
from indexing.models import Chunk


def passage(text: str) -> Passage:
    return Passage(Chunk("d#1", "d", text, text, 0, len(text), 0), score=1.0)


def test_a_fragment_left_by_a_pdf_line_cut_is_quoted_with_the_sentence_that_carries_it_on():
    text = ("The report defines social validation as live-streaming . 3 of sexual performances by children on webcams "
            "to collect likes and validation from viewers.\nDeception is when a child is tricked by an adult.")
    picked = SentencePicker().pick("What does social validation mean?", "", [passage(text)], max_sentences=1, per_passage=3)
    assert picked[0].text.startswith("The report defines social validation")
    assert picked[0].text.endswith("validation from viewers.")  # carried on, but not across the line break
    assert text[picked[0].start: picked[0].end] == picked[0].text


def test_a_question_about_figures_prefers_the_sentence_holding_a_number():
    text = ("The hotline reports on child abuse material every year. "
            "The hotline received 4,500 reports on child abuse material in 2023.")
    figures = SentencePicker().pick("How many reports did the hotline receive?", "", [passage(text)], 1, 2)
    assert "4,500" in figures[0].text


def test_a_two_part_question_gets_a_sentence_for_each_part():
    text = ("Hotlines remove abuse material quickly. Hotlines remove abuse material from servers. "
            "Police training on encryption is lacking.")
    picked = SentencePicker().pick("How do hotlines remove abuse material and what about police training?", "",
                                   [passage(text)], 2, 3)
    assert any("training" in s.text for s in picked)
