"""The Ask tab's own pieces beside the chat: the active filters as removable chips above the answer.

A filter set in the Filters accordion (or by "Ask about it") otherwise hides in a closed panel, and a filter
that leaves out the document a question names reads as a bare "the documents do not answer". Each chip
names one filter value; its button removes that value (the filter's dropdown is the one source of truth).
"""
from __future__ import annotations

from collections.abc import Callable

import gradio as gr

CSS = """
#filter-chips { flex-direction: row !important; flex-wrap: wrap !important; align-items: center; gap: .4em; }
#filter-chips > * { flex: 0 1 auto !important; width: auto !important; min-width: 0 !important; }
#filter-chips .pa-chips-label p { margin: 0; font-size: .9em; opacity: .85; }
#filter-chips button.pa-chip { border-radius: 999px; white-space: normal; max-width: 100%; }
"""
CHIP_CHARS = 48  # a chip names a document by its symbol, else by its title cut to this length

CHIP_WORDS = {
    "en": {"label": "Filters on:", "documents": "Document", "kinds": "Kind", "years": "Year", "remove": "Remove filter"},
    "ar": {"label": "عوامل التصفية المفعّلة:", "documents": "الوثيقة", "kinds": "النوع", "years": "السنة",
           "remove": "إزالة عامل التصفية"},
}


def chip_values(doc_ids, kinds, years, doc_name: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """Each active filter value as (filter, value, what the chip says)."""
    def cut(text: str) -> str:
        return text if len(text) <= CHIP_CHARS else text[:CHIP_CHARS - 1].rstrip() + "…"

    out = [("documents", d, cut(doc_name(d))) for d in doc_ids or ()]
    out += [("kinds", k, str(k)) for k in kinds or ()]
    out += [("years", str(y), str(y)) for y in years or ()]
    return out


def without(values, value: str) -> list:
    """The filter's values with one taken out."""
    return [v for v in values or () if str(v) != str(value)]


def filter_chips(f_docs: gr.Dropdown, f_kinds: gr.Dropdown, f_years: gr.Dropdown, doc_name: Callable[[str], str],
                 lang: gr.Component | None = None) -> None:
    """Render the chips where this is called (above the chat); they follow the three filters (and the
    interface language, when given)."""
    boxes = {"documents": f_docs, "kinds": f_kinds, "years": f_years}

    @gr.render(inputs=[f_docs, f_kinds, f_years, *([lang] if lang is not None else [])])
    def chips(doc_ids, kinds, years, language="en"):
        values = chip_values(doc_ids, kinds, years, doc_name)
        if not values:
            return
        words = CHIP_WORDS["ar" if language == "ar" else "en"]
        with gr.Row(elem_id="filter-chips"):
            gr.Markdown(words["label"], elem_classes=["pa-chips-label"])
            for which, value, shown in values:
                chip = gr.Button(f"{words[which]}: {shown} ✕", size="sm", elem_classes=["pa-chip"],
                                 elem_id=f"chip-{which}-{value}")
                box = boxes[which]
                chip.click(lambda current, v=value: without(current, v), box, box, api_name=False)
