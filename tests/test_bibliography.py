"""Endnote noise (links, access dates) told from prose, and blanked without moving offsets."""
from __future__ import annotations

import pytest

from indexing.bibliography import bibliographic_share, is_bibliographic, without_bibliography
from indexing.config import AnswerSettings

ENDNOTE = AnswerSettings().endnote_share


@pytest.mark.parametrize("sentence", [
    "Available at: https://www.europol.europa.eu/iocta-report (accessed 12 March 2019).",
    "متاح على الموقع www.unicef.org/reports تمت الزيارة في 3 أيار/مايو 2019",
    "org/child-model-national-response uk/government/publications",
])
def test_endnote_links_and_access_dates_are_bibliographic(sentence):
    assert is_bibliographic(sentence, ENDNOTE)


@pytest.mark.parametrize("sentence", [
    "See the report of the Special Rapporteur (A/HRC/28/56) on the sale of children.",
    "States and/or industry should share hashes of known material.",
    "تحث الدول الأعضاء على تعزيز التعاون الدولي لمكافحة الاستغلال الجنسي للأطفال.",
])
def test_prose_and_un_symbols_are_not_bibliographic(sentence):
    assert not is_bibliographic(sentence, ENDNOTE) and bibliographic_share(sentence) < 0.05


def test_blanking_endnotes_keeps_the_text_length_so_offsets_hold():
    text = "Grooming is rising. See https://example.org/a-long-report-name for details."
    blank = without_bibliography(text)
    assert len(blank) == len(text) and "example" not in blank and blank.startswith("Grooming is rising.")
