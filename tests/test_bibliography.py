"""Endnote noise (links, access dates) told from prose, and blanked without moving offsets."""
from __future__ import annotations

import pytest

from indexing.bibliography import bibliographic_share, endnote_share, is_bibliographic, without_bibliography
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


@pytest.mark.parametrize("sentence", [
    "org / ombudsperson-office@example.",
    "FAX: +41 22 555 01 02 TEL: +41 22 555 03 04 E-MAIL: office@example.org",
])
def test_a_letters_contact_lines_are_never_quoted(sentence):
    assert is_bibliographic(sentence, ENDNOTE)


def test_a_sentence_that_gives_an_address_in_passing_is_still_a_sentence():
    sentence = ("Replies should not exceed 2,000 words and should reach the office by 1 June 2025 at the address "
                "ombudsperson-office@example.")
    assert not is_bibliographic(sentence, ENDNOTE)


def test_an_endnotes_page_is_mostly_endnote_sentences_though_links_are_a_small_part_of_its_characters():
    page = ("Internet Watch Foundation, Annual Report 2018, Cambridge, published in the spring of that year for the "
            "members and partners of the foundation, available at: https://www.iwf.org.uk/report (accessed 12 March 2019). "
            "UNICEF, Children in a Digital World, The State of the World's Children, New York, a long report on "
            "children online, available at: https://www.unicef.org/sowc2017 (accessed 3 May 2019). "
            "Many children are exposed to risks online.")
    assert bibliographic_share(page) < 0.4
    assert endnote_share(page, ENDNOTE) > 0.7
    assert endnote_share("States should share hashes of known material. They should report it.", ENDNOTE) == 0.0
