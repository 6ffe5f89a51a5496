"""Arabic text as PDFs give it: visual order and presentation forms turned back into logical base letters.

Many producers store Arabic in *visual* order (each line's letters right to left, as painted) and/or as
presentation forms (the contextual glyph shapes, U+FB50–U+FDFF and U+FE70–U+FEFF). `fix_pdf_arabic`
turns such text back into logical order and base letters, and leaves text that is already logical alone.
"""
from __future__ import annotations

import re
import unicodedata

from ..language import ARABIC_EXTENDED, ARABIC_LETTERS, ARABIC_MARKS, ARABIC_PRESENTATION

_PRESENTATION_FORM = re.compile(f"[{ARABIC_PRESENTATION}]")
_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«", "<": ">", ">": "<"}
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_NUMBER_SEPARATORS = frozenset(",.:/\u060C\u066B\u066C")  # a single one of these between digits keeps a number whole
_AR_WORD = re.compile(f"[{ARABIC_LETTERS}{ARABIC_MARKS}\u0670{ARABIC_EXTENDED}]+")
_AR_MARKS = re.compile(f"[{ARABIC_MARKS}\u0670\u0640]")
_ARTICLE = re.compile(r"^(?:[وفبك]?ال|لل)")
_WORD_FINAL = "ةىء"  # taa marbuta, alef maqsura, lone hamza: word-final in logical order, never initial


def fix_pdf_arabic(text: str) -> str:
    """Logical-order base-letter text from what a PDF gave; text already in logical order comes back as is.

    Each line is scored as it stands and reversed (`_visual_to_logical`) by how Arabic its words look
    (`_orientation_score`) and, for presentation forms, by where the initial and final glyphs sit
    (`_shape_score`); a line is reversed only when the reversed reading is clearly better, or,
    for lines without clear evidence, when the rest of the page was clearly stored in visual order.
    Presentation forms become base letters after any reversal, so lam-alef ligatures land the right
    way round.
    """
    lines = text.split("\n")
    margins: list[int | None] = []
    reversed_lines: list[str] = []
    for line in lines:
        if not _AR_WORD.search(_base_letters(line)):
            margins.append(None)  # no Arabic: nothing to decide
            reversed_lines.append(line)
            continue
        flipped = _visual_to_logical(line)
        reversed_lines.append(flipped)
        margins.append(
            _orientation_score(_base_letters(flipped)) + _shape_score(flipped)
            - _orientation_score(_base_letters(line)) - _shape_score(line)
        )
    strong_reversed = sum(1 for m in margins if m is not None and m >= 2)
    strong_kept = sum(1 for m in margins if m is not None and m <= -2)
    page_is_visual = strong_reversed > strong_kept
    out: list[str] = []
    for line, flipped, margin in zip(lines, reversed_lines, margins):
        reverse = margin is not None and (margin >= 2 or (margin > -2 and page_is_visual))
        out.append(_base_letters(flipped if reverse else line))
    return "\n".join(out)


def _base_letters(text: str) -> str:
    """NFKC only on presentation forms, so other compatibility characters (e.g. superscripts) survive."""

    def base(m: re.Match) -> str:
        folded = unicodedata.normalize("NFKC", m.group())
        if len(folded) == 2 and folded[0] == " " and unicodedata.combining(folded[1]):
            return folded[1]  # isolated haraka forms fold to space + mark; keep only the mark
        return folded

    return _PRESENTATION_FORM.sub(base, text)


def _orientation_score(text: str) -> int:
    """How much a line reads like logical-order Arabic: article-initial words, word-final-only letters last."""
    score = 0
    for word in _AR_WORD.findall(text):
        word = _AR_MARKS.sub("", word)
        if len(word) < 2:
            continue
        if len(word) >= 4 and _ARTICLE.match(word):
            score += 1
        if word[-1] in _WORD_FINAL:
            score += 1
        if word[0] in _WORD_FINAL:
            score -= 1
    return score


_SHAPED_WORD = re.compile(r"[\uFB50-\uFDFF\uFE80-\uFEFC][\uFB50-\uFDFF\uFE70-\uFEFC\u064B-\u0652\u0670]*")


def _glyph_position(c: str) -> str:
    """'initial', 'final', 'medial', 'isolated' for an Arabic presentation form, '' for anything else."""
    decomposition = unicodedata.decomposition(c)
    return decomposition[1:decomposition.index(">")] if decomposition.startswith("<") else ""


def _shape_score(text: str) -> int:
    """How much the glyph shapes read as logical order: a word starts with an initial (or isolated)
    form and ends with a final (or isolated) one; in visual order the ends are swapped. Words whose
    ends are isolated forms (e.g. after non-joining letters) say nothing."""
    score = 0
    for word in _SHAPED_WORD.findall(text):
        letters = [c for c in word if _glyph_position(c) in ("initial", "medial", "final", "isolated")
                   and not unicodedata.combining(unicodedata.normalize("NFKC", c)[-1])]
        if len(letters) < 2:
            continue
        first, last = _glyph_position(letters[0]), _glyph_position(letters[-1])
        score += (first == "initial") - (first == "final") + (last == "final") - (last == "initial")
    return score


def _char_class(c: str) -> str:
    """Bidi class folded to R (right-to-left letter), L (left-to-right letter), D (digit) or N (the rest)."""
    bidi = unicodedata.bidirectional(c)
    if bidi in ("R", "AL"):
        return "R"
    if bidi == "L":
        return "L"
    if bidi in ("EN", "AN"):
        return "D"
    return "N"


def _classes(line: str) -> list[str]:
    """Classes per character; a combining mark joins an Arabic neighbour on either side (visual order
    may put a haraka before its letter), else the letter before it."""
    classes = [_char_class(c) for c in line]
    marks = [bool(unicodedata.combining(c)) for c in line]
    for i, is_mark in enumerate(marks):
        if not is_mark:
            continue
        left = next((classes[j] for j in range(i - 1, -1, -1) if not marks[j]), "N")
        right = next((classes[j] for j in range(i + 1, len(line)) if not marks[j]), "N")
        classes[i] = "R" if "R" in (left, right) else ("L" if left == "L" else "N")
    return classes


def _ltr_run_end(line: str, classes: list[str], i: int) -> int:
    """End of the left-to-right run starting at `i` (a Latin letter or a digit), as the bidi algorithm
    would have formed it in Arabic text.

    A number alone holds together only across single common separators ('2,000', '28/56'): next to
    Arabic letters digits are 'Arabic numbers', so '8-20' and '10%' were painted as '20-8' and '%10'.
    Once the run has a Latin letter, neutrals join it before another Latin letter ('Optional Protocol
    (OPSC'), and before a digit unless they hold a bracket: 'A/HRC/28/56', 'Inc., 2020' and 'CSAM 6.5'
    stay whole, while in '(E/2017/30) 10' the number is a run of its own. ('Latin, space, number' is
    ambiguous in visual order; in UN Arabic text the number usually belongs to the Latin text.)
    """
    n = len(line)
    seen_latin = False
    j = i
    while j < n:
        cls = classes[j]
        if cls in ("L", "D"):
            seen_latin = seen_latin or cls == "L"
            j += 1
            continue
        if cls == "R":
            break
        k = j
        while k < n and classes[k] == "N":
            k += 1
        if k == n or classes[k] == "R":
            if seen_latin and classes[j - 1] == "D":  # 'ICT 10%': a percent sign after a Latin-run number
                while j < k and unicodedata.bidirectional(line[j]) == "ET":
                    j += 1
            break
        gap = line[j:k]
        if seen_latin:
            joins = classes[k] == "L" or not any(c in _MIRROR for c in gap)
        else:
            joins = gap in _NUMBER_SEPARATORS and classes[k] == "D"
        if not joins:
            break
        j = k
    return j


def _visual_to_logical(line: str) -> str:
    """Reverse a visually ordered line, keeping left-to-right runs (Latin text, numbers) as they read.

    Everything outside those runs is reversed character by character and its mirrored brackets are
    swapped back; a bracket pair around or inside a run ('(OPSC)') stays with the run.
    """
    classes = _classes(line)
    tokens: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if classes[i] not in ("L", "D"):
            tokens.append(line[i])
            i += 1
            continue
        start, end = i, _ltr_run_end(line, classes, i)
        run = line[start:end]
        # Brackets closing or opening just outside the run belong to it: "(OPSC" + ")".
        for opener, closer in _OPENERS.items():
            if run.count(opener) > run.count(closer) and end < n and line[end] == closer:
                end += 1
            elif run.count(closer) > run.count(opener) and tokens and tokens[-1] == opener:
                tokens.pop()
                start -= 1
        tokens.append(line[start:end])
        i = end
    return "".join(_MIRROR.get(token, token) if len(token) == 1 else token for token in reversed(tokens))
