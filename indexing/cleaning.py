"""Repair text taken from PDFs so that passages read as the document reads.

Repairs change layout, never words: lines broken by the PDF are joined into paragraphs, brackets that
right-to-left extraction reversed are turned back, footnote numbers glued to words become superscripts,
markup left by conversion goes. The result is the text that quotes and character offsets refer to.
Search normalisation is a separate step (`indexing.language.normalize`) applied to copies.
"""
from __future__ import annotations

import re

from .headings import chapter_heading, looks_like_heading
from .language import ARABIC_LETTERS, ARABIC_MARKS, script_language
from .models import CleanDocument, SourceDocument

_SUPERSCRIPT = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_SUP_TAG = re.compile(r"<sup>\s*([()\d]{1,8})\s*</sup>", re.IGNORECASE)
_BOLD = re.compile(r"\*\*")
_SENTENCE_END = re.compile(r"[.!?؟:؛;]\s*$")
# Lines that begin a new unit whatever came before them.
_STARTS_UNIT = re.compile(
    rf"""^\s*(?:
        \d{{1,3}}\s*[-–]\s*          # numbered paragraph: "77-" or "4 - "
      | \(\d{{1,3}}\)\s              # footnote "(4) ..."
      | [{ARABIC_LETTERS}]{{2,8}}[\u064B]?\s*[-–]\s*$   # Arabic heading ordinal alone: "ثانياً-", "ألف-"
      | [•▪●◦■\-\*]\s              # bullet
      | \#{{1,6}}\s                  # markdown heading
      | \*\*                       # bold lead-in of a resolution paragraph
      | (?:[IVX]+|[A-Z])\.\s       # "II. " / "B. "
      | (?:إن|وإن)\s               # preambular paragraph of an Arabic resolution
      | (?:إن\s)?الجمعية\sالعامة[،,]?\s*$ | The\sGeneral\sAssembly,?\s*$
    )""",
    re.VERBOSE,
)
_MARKER_ONLY = re.compile(rf"^\s*(?:\d{{1,3}}|[{ARABIC_LETTERS}]{{2,8}}[\u064B]?|[IVX]+|[A-Z])\s*[-–.]\s*$")
# ")69 في المائة منها، 29 من 42 بلداً(": a ')' opening a span and a '(' closing it.
_REVERSED_PAIR = re.compile(r"(?<![^\s\u00A0\"'«])\)([^()\n]{1,300}?)\((?=[\s\u00A0.,،؛:!?؟\"'»]|$)")
# Footnote digits glued to the end of an Arabic word or to Arabic punctuation: "المائة4(", "بلداً،1 تمثل".
_GLUED_FOOTNOTE = re.compile(
    rf"(?:(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}])|(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}][،.]))(\d{{1,2}})(?=[\s()\[\].,،؛:]|$)"
)


def _clean_line(line: str) -> str:
    line = _SUP_TAG.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), line)
    line = _BOLD.sub("", line)
    return line.rstrip().replace("\t", " ")




def _fix_brackets(text: str) -> str:
    """Swap ')…(' back to '(…)' where the span sits in Arabic text; same length, so offsets hold."""

    def swap(m: re.Match) -> str:
        context = text[max(0, m.start() - 60): m.end() + 60]
        return f"({m.group(1)})" if script_language(context) == "ar" else m.group(0)

    return _REVERSED_PAIR.sub(swap, text)


def _fix_footnotes(text: str) -> str:
    """Turn glued footnote digits into superscripts: same length, the word is whole again for search."""

    def sup(m: re.Match) -> str:
        return m.group(1).translate(_SUPERSCRIPT)

    return _GLUED_FOOTNOTE.sub(sup, text)


def _is_break(prev: str, line: str, blank_lines: int) -> bool:
    """Whether a line break ends a paragraph; `line` is the raw line, so markup such as '**' still shows."""
    if not prev:
        return False
    if _MARKER_ONLY.match(prev):
        return False  # "77-" / "ثانياً-" alone: its text follows on the next line
    if blank_lines >= 2 or _STARTS_UNIT.match(line):
        return True
    if _SENTENCE_END.search(prev):
        return True
    # A short line without punctuation standing alone is a heading.
    return blank_lines >= 1 and len(prev.strip()) <= 40 and not re.search(r"[،,]", prev) and len(line.strip()) > 60


def clean_document(doc: SourceDocument) -> CleanDocument:
    """Join the document's pages into one cleaned text, remembering where each page starts."""
    parts: list[str] = []
    length = 0
    page_starts: list[tuple[int, int | None]] = []
    prev = ""
    blank = 0
    prev_raw = ""
    prev_start = 0
    headings: list[tuple[int, int]] = []
    opens = True  # whether `prev` is the first line of its paragraph
    for page in doc.pages:
        page_recorded = False
        for raw in page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            line = _clean_line(raw).strip()
            if not line:
                blank += 1
                continue
            sep = ""
            if prev:
                sep = "\n\n" if _is_break(prev, raw.strip(), blank) else " "
                # A heading the text runs on from (the layout is kept; the heading is noted for the chunker):
                # set apart above its text, or numbered as a chapter ("Methodology  02") wherever it stands.
                if sep == " " and (chapter_heading(prev_raw) or (
                        blank and opens and not _MARKER_ONLY.match(prev) and looks_like_heading(prev_raw))):
                    headings.append((prev_start, prev_start + len(prev)))
            opens = sep != " " or bool(headings and headings[-1][0] == prev_start)
            parts.append(sep)
            length += len(sep)
            if not page_recorded:
                page_starts.append((length, page.number))
                page_recorded = True
            prev_start = length
            parts.append(line)
            length += len(line)
            prev, prev_raw, blank = line, raw, 0
        if not page_recorded:
            page_starts.append((length, page.number))
    text = _fix_footnotes(_fix_brackets("".join(parts)))
    return CleanDocument(source=doc, text=text, page_starts=tuple(page_starts), headings=tuple(headings))


def search_form(text: str) -> str:
    """What the lexical index and embedder read: superscript footnotes dropped, then normalised."""
    from .language import normalize

    return normalize(re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾]+", " ", text))
