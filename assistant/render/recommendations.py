"""Recommendations by addressee as a Markdown handout: one section per addressee, each item with its
document, label, locator and the resolution paragraphs linked to it (with their scores)."""
from __future__ import annotations

from ..recommendations import Recommendation, by_addressee


def recommendations_markdown(recommendations: list[Recommendation], title: str = "Recommendations by addressee") -> str:
    lines = [f"# {title}", ""]
    for group, items in by_addressee(recommendations).items():
        lines += [f"## {group} ({len(items)})", ""]
        for r in items:
            lines.append(f"- **{r.label}** ({r.doc_id}, {r.locator}): {' '.join(r.text.split())}")
            for k in r.links:
                lines.append(f"  - ↔ {k.label} ({k.doc_id}), score {k.score:.2f}: {' '.join(k.text.split())[:200]}")
        lines.append("")
    return "\n".join(lines)


def recommendation_rows(recommendations: list[Recommendation]) -> list[list[str]]:
    """Rows for the app's table: addressee, document, label, locator, text, linked paragraphs with scores."""
    return [[r.addressee, r.doc_id, r.label, r.locator, r.text,
             "; ".join(f"{k.label} {k.score:.2f}" for k in r.links)] for r in recommendations]
