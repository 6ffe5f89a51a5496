"""What a file without a catalogue entry says about itself: a stable id, a title, its languages, a year.

Titles a format declares (a PDF's /Title, a DOCX's core title or heading) are used when they look like
titles; otherwise the first heading or line of the text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..language import ARABIC_EXTENDED, ARABIC_LETTERS, script_language
from ..models import DocumentMeta, Page

_MAX_TITLE_CHARS = 200

_SLUG_KEEP = re.compile(r"[a-z0-9\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")
_GENERIC_TITLE = re.compile(r"^(?:untitled|document\s*\d*|microsoft word|slide \d+)$|\.(?:docx?|pdf|rtf|odt|indd)$", re.I)
_AR_LETTER = re.compile(f"[{ARABIC_LETTERS}{ARABIC_EXTENDED}\uFB50-\uFDFF\uFE70-\uFEFC]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


def slugify(stem: str) -> str:
    """Stable id from a file name: lowercase ASCII letters, digits and Arabic letters; the rest become '-'."""
    text = unicodedata.normalize("NFKC", stem).lower()
    text = "".join(c for c in text if not unicodedata.combining(c))  # harakat would split Arabic words
    return "-".join(_SLUG_KEEP.findall(text)) or "document"


def meta_from_file(
    path: Path, pages: Sequence[Page], *, title: str = "", year: int | None = None
) -> DocumentMeta:
    """What a file without a catalogue entry says about itself: id, title, languages, year."""
    path = Path(path)
    title = _usable_title(title) or _heading_title(pages, markdown=path.suffix.lower() == ".md")
    arabic_title = bool(title) and script_language(title) == "ar"
    return DocumentMeta(
        doc_id=slugify(path.stem),
        file_name=path.name,
        title_en="" if arabic_title else title,
        title_ar=title if arabic_title else "",
        year=year,
        kind="document",
        languages=_languages("\n".join(p.text for p in pages)),
    )


def _usable_title(title: str) -> str:
    """PDF titles are often the producer's file name ('Microsoft Word - A_HRC_28_56.docx'): drop those."""
    title = " ".join(title.split())
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title)
    if not title or len(title) > _MAX_TITLE_CHARS or _GENERIC_TITLE.search(title):
        return ""
    return title


def _heading_title(pages: Sequence[Page], *, markdown: bool) -> str:
    """A Markdown file's first '#' heading, otherwise the first non-empty line if it is short enough."""
    lines = [ln.strip() for p in pages[:1] for ln in p.text.split("\n") if ln.strip()][:40]
    if markdown:
        for line in lines:
            if re.match(r"#{1,6}\s", line):
                return _strip_heading(line)
    if not lines:
        return ""
    first = _strip_heading(lines[0])
    return first if len(first) <= _MAX_TITLE_CHARS else ""


def _strip_heading(line: str) -> str:
    return re.sub(r"\s#+\s*$", "", line.lstrip("#")).strip()


def _languages(text: str) -> tuple[str, ...]:
    """Script counting: the dominant script first, the other too if it has a real share (≥20% of letters)."""
    ar, la = len(_AR_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))
    total = ar + la
    if not total:
        return ()
    ranked = sorted((("ar", ar), ("en", la)), key=lambda x: -x[1])
    return tuple(code for code, n in ranked if n and n >= 0.2 * total)

