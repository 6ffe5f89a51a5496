"""Recommendations by addressee as a Markdown handout and as the app's rows."""
from __future__ import annotations

from assistant.recommendations import GENERAL, Link, Recommendation
from assistant.render.recommendations import recommendation_rows, recommendations_markdown


def rec(label: str, addressee: str, links=()) -> Recommendation:
    return Recommendation("sr", label, label, f"Text of {label}\nover two lines", addressee, f"para. {label}", "S",
                          "sr#1", 0, tuple(links))


def test_markdown_has_one_section_per_addressee_general_last_with_scored_links():
    link = Link("res", "OP 6", 0.6471, "Encourages Member States to criminalize", "res#6")
    md = recommendations_markdown([rec("a", GENERAL), rec("b", "States", [link]), rec("c", "States")])
    assert md.index("## States (2)") < md.index(f"## {GENERAL} (1)")
    assert "- **b** (sr, para. b): Text of b over two lines" in md
    assert "  - ↔ OP 6 (res), score 0.65: Encourages Member States" in md


def test_rows_carry_the_addressee_label_locator_and_linked_paragraphs():
    link = Link("res", "OP 6", 0.6471, "x", "res#6")
    assert recommendation_rows([rec("b", "States", [link])]) == [
        ["States", "sr", "b", "para. b", "Text of b\nover two lines", "OP 6 0.65"]]
