"""A heading is known by its shape alone: short, unfinished as a sentence, no comma, no figures but numbering."""
from __future__ import annotations

import pytest

from indexing.headings import chapter_heading, looks_like_heading, numbered


@pytest.mark.parametrize("line", [
    "Methodology", "1. Scope of the review", "II. Recommendations", "أولاً- الولاية", "ثانياً: التوصيات",
    "المنهجية", "Recommendations:", "Global threats  04",
])
def test_short_unfinished_lines_are_headings(line):
    assert looks_like_heading(line)


@pytest.mark.parametrize("line", [
    "States shall protect children.",  # a sentence
    "In 2018, the Alliance published",  # a comma and a figure
    "the assessment found that",  # starts in lower case, ends on a word that needs more
    "تعمل الدول على حماية الأطفال من",  # ends on a preposition: a wrapped line
    "18.4 مليون",  # a figure of an infographic
    "Contact: someone@example.org",  # an address
    "This line goes on for many more words than any heading would ever have",
    "The following considerations apply to all of this:",  # a long line ending in a colon introduces a sentence
])
def test_sentences_wrapped_lines_and_figures_are_not(line):
    assert not looks_like_heading(line)


def test_numbering_before_or_after_the_heading_is_recognised():
    assert numbered("1. Scope") and numbered("أولاً- الولاية") and numbered("Global threats  04")
    assert not numbered("Methodology")
    assert chapter_heading("Global threats  04") and not chapter_heading("Methodology")
