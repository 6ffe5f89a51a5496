"""The Ask tab's filter chips: what each active filter value's chip says, and what removing one leaves."""
from __future__ import annotations

from app_ask import CHIP_CHARS, chip_values, without


def test_each_active_filter_value_is_one_chip_naming_its_filter():
    names = {"gta-2019": "Global Threat Assessment 2019", "ga": "A" * (CHIP_CHARS + 10)}
    chips = chip_values(["gta-2019", "ga"], ["report"], [2019], names.get)
    assert [(w, v) for w, v, _ in chips] == [("documents", "gta-2019"), ("documents", "ga"), ("kinds", "report"),
                                              ("years", "2019")]
    assert chips[0][2] == "Global Threat Assessment 2019"
    assert len(chips[1][2]) == CHIP_CHARS and chips[1][2].endswith("…")


def test_no_filter_no_chip():
    assert chip_values(None, [], (), str) == []


def test_removing_a_chip_takes_out_only_its_value():
    assert without(["a", "b", "c"], "b") == ["a", "c"]
    assert without([2019, 2022], "2019") == [2022]
    assert without(None, "x") == []
