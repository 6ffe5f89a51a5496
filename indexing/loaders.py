"""Read library files (.txt, .md, .pdf, .docx) into pages of raw text, or say plainly why not.

Every failure a user can cause (a scanned or encrypted PDF, a corrupt upload, a wrong file type, a file
too big) becomes a `LoadError` with a short reason the app can show as is; nothing else escapes.

PDFs need one repair before anything else can work on them: many producers store Arabic in *visual*
order (each line's letters right to left, as painted) and/or as presentation forms (the contextual glyph
shapes, U+FB50–U+FDFF and U+FE70–U+FEFF). `fix_pdf_arabic` turns such text back into logical order and
base letters, and leaves text that is already logical alone.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .language import script_language
from .models import DocumentMeta, Page, SourceDocument

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
_TEXT_SUFFIXES = (".txt", ".md")
_MAX_TITLE_CHARS = 200


class LoadError(Exception):
    """A file that cannot go into the library, with a reason short enough to show a user."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")

    def __reduce__(self):  # keep (path, reason) when pickled, e.g. across worker processes
        return (type(self), (self.path, self.reason))


# --------------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------------


def load_document(
    path: Path,
    meta: DocumentMeta | None = None,
    *,
    max_file_mb: int = 50,
    max_pages: int = 2000,
) -> SourceDocument:
    """Load one file into pages; `meta` from the catalogue wins, otherwise the file describes itself.

    Checks that need no reading (type, size) come first, so a huge or unsupported upload costs nothing.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, f"unsupported file type {suffix or '(none)'}")
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoadError(path, "file not found") from exc
    except OSError as exc:
        raise LoadError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not path.is_file():
        raise LoadError(path, "not a file")
    if size > max_file_mb * 1_000_000:  # decimal MB, as the upload check in the app reports it
        raise LoadError(path, f"file too large ({_mb(size)} MB > {max_file_mb} MB limit)")
    if size == 0:
        raise LoadError(path, "empty file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read file: {exc.strerror or exc}") from exc
    content_hash = hashlib.sha256(data).hexdigest()

    found_title = ""
    found_year: int | None = None
    if suffix in _TEXT_SUFFIXES:
        pages = (Page(None, _decode_text(path, data)),)
    elif suffix == ".pdf":
        pages, found_title, found_year = _load_pdf(path, data, max_pages)
    else:
        pages, found_title = _load_docx(path, data)

    if not any(p.text.strip() for p in pages):
        raise LoadError(path, "empty file")
    if meta is None:
        meta = meta_from_file(path, pages, title=found_title, year=found_year)
    log.info("loaded %s: %d page(s), %d characters", path.name, len(pages), sum(len(p.text) for p in pages))
    return SourceDocument(path=path, meta=meta, pages=tuple(pages), content_hash=content_hash)


def _mb(size: int) -> str:
    mb = size / 1_000_000
    return f"{mb:.0f}" if mb >= 10 else f"{mb:.1f}"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_TEXT_CHAR = re.compile(r"[\u060C\u061B\u061F\u0621-\u0652\u0660-\u066C\u0670\u06F0-\u06F9]")


def _decode_text(path: Path, data: bytes) -> str:
    """Text files come from anywhere: BOMs first, then UTF-8, then legacy Arabic Windows, then detection."""
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                log.warning("%s: starts with a %s BOM but does not decode; detecting instead", path.name, encoding)
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(path, data)
    return _normalise_newlines(text.lstrip("\ufeff"))


def _decode_legacy(path: Path, data: bytes) -> str:
    """cp1256 first when it yields Arabic: charset-normalizer misreads short Arabic files (e.g. as cp932)."""
    try:
        as_cp1256 = data.decode("cp1256")
    except UnicodeDecodeError:
        as_cp1256 = None
    if as_cp1256 is not None:
        non_ascii = [c for c in as_cp1256 if ord(c) > 127]
        if non_ascii and sum(bool(_ARABIC_TEXT_CHAR.match(c)) for c in non_ascii) >= 0.9 * len(non_ascii):
            log.info("%s: decoded as cp1256 (Arabic Windows)", path.name)
            return as_cp1256
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(path, "unknown text encoding (not a text file?)")
    log.info("%s: decoded as %s (detected)", path.name, best.encoding)
    return str(best)


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------


def _load_pdf(path: Path, data: bytes, max_pages: int) -> tuple[tuple[Page, ...], str, int | None]:
    """Pages with their numbers, plus the /Title and creation year the PDF declares (if any)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf raises many types for broken files; all mean the same to a user
        raise LoadError(path, f"corrupt or unreadable PDF: {_brief(exc)}") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # owner-password-only PDFs open with an empty user password
        except Exception as exc:  # e.g. AES without a crypto library installed
            raise LoadError(path, f"encrypted PDF (cannot decrypt: {_brief(exc)})") from exc
        if not opened:
            raise LoadError(path, "encrypted PDF (password protected)")
    try:
        count = len(reader.pages)
    except Exception as exc:
        raise LoadError(path, f"corrupt or unreadable PDF: {_brief(exc)}") from exc
    if count == 0:
        raise LoadError(path, "corrupt or unreadable PDF: no pages")
    if count > max_pages:
        raise LoadError(path, f"too many pages ({count} > {max_pages})")

    pages: list[Page] = []
    failed = 0
    for number in range(1, count + 1):
        try:
            raw = reader.pages[number - 1].extract_text() or ""
        except Exception as exc:  # one bad page should not cost the document
            log.warning("%s: page %d unreadable (%s); kept empty", path.name, number, _brief(exc))
            raw, failed = "", failed + 1
        text = fix_pdf_arabic(_normalise_newlines(raw.replace("\x00", "")))
        if text != raw:
            log.debug("%s: page %d repaired (Arabic order or presentation forms)", path.name, number)
        pages.append(Page(number, text))
    if failed == count:
        raise LoadError(path, "corrupt or unreadable PDF: no page could be read")
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, "no text layer (scanned PDF?)")
    title, year = _pdf_info(path, reader)
    return tuple(pages), title, year


def _pdf_info(path: Path, reader) -> tuple[str, int | None]:
    """Title and creation year from the document info; a malformed entry just means no value."""
    title, year = "", None
    try:
        info = reader.metadata
    except Exception as exc:
        log.debug("%s: unreadable document info (%s)", path.name, _brief(exc))
        return title, year
    if info is None:
        return title, year
    try:
        title = str(info.title or "")
    except Exception as exc:
        log.debug("%s: unreadable /Title (%s)", path.name, _brief(exc))
    try:
        created = info.creation_date
        if created is not None and 1900 <= created.year <= 2100:
            year = created.year
    except Exception as exc:
        log.debug("%s: unreadable /CreationDate (%s)", path.name, _brief(exc))
    return title, year


def _brief(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------


def _load_docx(path: Path, data: bytes) -> tuple[tuple[Page, ...], str]:
    """Body paragraphs and table rows in document order; a Title/Heading-styled paragraph is the title."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(path, f"corrupt or unreadable DOCX: {_brief(exc)}") from exc
    blocks: list[str] = []
    title = ""
    try:
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = item.text.strip()
                if not text:
                    continue
                style = (item.style.name if item.style is not None else "") or ""
                if not title and len(blocks) < 20 and style.startswith(("Title", "Heading")):
                    title = text
                blocks.append(text)
            elif isinstance(item, Table):
                blocks.extend(_table_rows(item))
        core_title = (document.core_properties.title or "").strip()
    except Exception as exc:
        raise LoadError(path, f"corrupt or unreadable DOCX: {_brief(exc)}") from exc
    return (Page(None, _normalise_newlines("\n\n".join(blocks))),), core_title or title


def _table_rows(table) -> list[str]:
    """One line per row, cells joined by ' | '; a merged cell is reported once per row."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # merged cells repeat the same XML element
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


# --------------------------------------------------------------------------------------------------
# Metadata a file gives about itself
# --------------------------------------------------------------------------------------------------

_SLUG_KEEP = re.compile(r"[a-z0-9\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")
_GENERIC_TITLE = re.compile(r"^(?:untitled|document\s*\d*|microsoft word|slide \d+)$|\.(?:docx?|pdf|rtf|odt|indd)$", re.I)
_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
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


# --------------------------------------------------------------------------------------------------
# Arabic text as PDFs give it
# --------------------------------------------------------------------------------------------------

_PRESENTATION_FORM = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«", "<": ">", ">": "<"}
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_NUMBER_SEPARATORS = frozenset(",.:/\u060C\u066B\u066C")  # a single one of these between digits keeps a number whole
_AR_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670\u0671-\u06D3]+")
_AR_MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
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
