"""The cited page: a PDF page rendered as an image (pypdfium2) with the quoted span's lines highlighted.

A quote is an exact slice of the *cleaned* text (line breaks joined, brackets un-reversed, footnote digits as
superscripts), not of the PDF's own text, so both are compared in a reduced form: letters and digits only,
NFKC (presentation forms become base letters, superscripts digits), case and Arabic marks and tatweel dropped.
Arabic a PDF stores in visual order (each line's letters right to left, as painted; see
`indexing.loaders.visual_order`) is compared line by line reversed as well. When the quote is still not found
letter for letter, the page's lines that share most of its words are highlighted and the result says so.
"""
from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from indexing.config import PageViewSettings, Settings

from .models import Citation

log = logging.getLogger(__name__)

_TATWEEL = "\u0640"


@dataclass(frozen=True)
class Box:
    """A highlighted rectangle in image pixels, origin top left."""

    left: int
    top: int
    right: int
    bottom: int


@dataclass(frozen=True)
class PageView:
    """One cited page as an image; `exact` is False when only the best-matching lines could be marked."""

    page: int | None
    image: Path | None  # the PNG, None when there is no page to show (see `note`)
    width: int = 0
    height: int = 0
    boxes: tuple[Box, ...] = ()
    exact: bool = False
    note: str = ""


@dataclass(frozen=True)
class _Found:
    indices: list[int]  # pdfium character indices to mark
    exact: bool  # the quote itself, not lines that look like it
    continues: bool = False  # only the quote's beginning is on this page


@dataclass(frozen=True)
class _Char:
    index: int  # pdfium's character index on the page
    line: int


def reduced(text: str) -> str:
    """The form quotes and page text are compared in (see the module docstring)."""
    return "".join(_reduce_char(ch) for ch in text)


def _reduce_char(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", ch).casefold() if c.isalnum() and c != _TATWEEL)


# Files without fixed pages: what the panel says instead of a page image.
NO_PAGES = {
    ".txt": "This source is a text file; no page image · هذا المصدر ملف نصي، فلا صورة لصفحاته",
    ".md": "This source is a text file; no page image · هذا المصدر ملف نصي، فلا صورة لصفحاته",
    ".docx": "This source is a Word document, which has no fixed pages; no page image · "
             "هذا المصدر مستند Word بلا صفحات ثابتة، فلا صورة لصفحاته",
}


def cited_page(citation: Citation, settings: Settings) -> PageView:
    """The page a citation's quote starts on, highlighted, when its document is a PDF; otherwise why not."""
    path = settings.corpus_dir / citation.file_name
    suffix = path.suffix.lower()
    if suffix != ".pdf":
        return PageView(citation.page, None, note=NO_PAGES.get(suffix, f"This source ({suffix}) has no page image."))
    if not path.is_file():
        return PageView(citation.page, None, note=f"{citation.file_name} is no longer in the library.")
    if not citation.page:
        return PageView(None, None, note="The quote's page is not known; no page image.")
    return render_cited_page(path, citation.page, citation.quote, settings.page_view,
                             settings.data_dir / "exports" / "pages")


def caption(view: PageView, citation: Citation) -> str:
    """The line above the image (Markdown): which document and page, and anything approximate about the mark."""
    where = f"**[{citation.n}] {citation.symbol or citation.title}**"
    if view.image is None:
        return f"{where}: {view.note}"
    return f"{where}, p. {view.page} · ص {view.page}" + (f"\n\n{view.note}" if view.note else "")


def render_cited_page(pdf: Path, page: int, quote: str, settings: PageViewSettings, out_dir: Path) -> PageView:
    """Page `page` (1-based) of `pdf` as a PNG in `out_dir`, the lines holding `quote` highlighted."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        if not 1 <= page <= len(doc):
            return PageView(page, None, note=f"This PDF has no page {page} (it has {len(doc)}).")
        pdf_page = doc[page - 1]
        width_pt, height_pt = pdf_page.get_size()
        textpage = pdf_page.get_textpage()
        found = _find(textpage, quote, settings)
        scale = settings.scale
        boxes = tuple(_line_boxes(textpage, found.indices, height_pt, scale, settings.pad_px))
        key = f"{pdf.resolve()}|{pdf.stat().st_mtime_ns}|{page}|{quote}|{settings!r}"
        target = out_dir / f"page-{page}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.png"
        if target.is_file():  # the same quote on the same page of the same file: drawn before
            from PIL import Image

            with Image.open(target) as drawn:
                w, h = drawn.size
        else:
            image = pdf_page.render(scale=scale).to_pil().convert("RGB")
            _highlight(image, boxes, tuple(settings.highlight))
            out_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            image.save(partial, format="PNG")
            partial.replace(target)  # another request drawing the same page never reads half a file
            w, h = image.size
    finally:
        doc.close()
    if not boxes:
        note = "The quote could not be found on this page; the page is shown without a highlight."
    elif not found.exact:
        note = "The quote was not found letter for letter on this page; the lines that best match it are highlighted."
    elif found.continues:
        note = f"The quote continues on page {page + 1}."
    else:
        note = ""
    log.debug("%s p.%d: %d boxes, exact=%s", pdf.name, page, len(boxes), found.exact)
    return PageView(page, target, w, h, boxes, found.exact and bool(boxes), note)


# -- finding the quote -------------------------------------------------------------------------------
def _page_chars(textpage) -> list[tuple[str, _Char]]:
    """Every character pdfium read, in its order, with the line it sits on (a generated line break starts one)."""
    import pypdfium2.raw as raw

    out: list[tuple[str, _Char]] = []
    line = 0
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if code else ""
        if ch in ("\n", "\r"):
            if out and out[-1][1].line == line:
                line += 1
            continue
        out.append((ch, _Char(i, line)))
    return out


def _keyed(chars: list[tuple[str, _Char]], visual: bool) -> tuple[str, list[int]]:
    """The page in reduced form and, per reduced character, its pdfium index; `visual`: Arabic lines reversed."""
    lines: dict[int, list[tuple[str, int]]] = {}
    for ch, c in chars:
        for r in _reduce_char(ch):
            lines.setdefault(c.line, []).append((r, c.index))
    key, where = [], []
    for n in sorted(lines):
        items = lines[n]
        if visual and any("\u0600" <= r <= "\u06ff" for r, _ in items):
            items = items[::-1]
        key.extend(r for r, _ in items)
        where.extend(i for _, i in items)
    return "".join(key), where


def _find(textpage, quote: str, settings: PageViewSettings) -> _Found:
    """The quote's characters on the page, else the lines that best match it."""
    chars = _page_chars(textpage)
    wanted = reduced(quote)
    if not wanted or not chars:
        return _Found([], False)
    for visual in (False, True):
        key, where = _keyed(chars, visual)
        span = _locate(key, wanted, settings.min_prefix_chars)
        if span:
            start, end = span
            return _Found(_with_edges(chars, where[start:end], quote), True, continues=end - start < len(wanted))
    return _Found(_best_lines(chars, quote, settings), False)


def _with_edges(chars: list[tuple[str, _Char]], found: list[int], quote: str) -> list[int]:
    """The found letters plus the quote's own punctuation at either end ("«…»", the closing full stop)."""
    pos = {c.index: k for k, (_, c) in enumerate(chars)}
    first, last = min(pos[i] for i in found), max(pos[i] for i in found)
    body = quote.strip()
    lead, trail = _marks(body), _marks(body[::-1])[::-1]
    out = list(found)
    for ch in reversed(lead):
        if first > 0 and chars[first - 1][0] == ch:
            first -= 1
            out.append(chars[first][1].index)
    for ch in trail:
        if last + 1 < len(chars) and chars[last + 1][0] == ch:
            last += 1
            out.append(chars[last][1].index)
    return out


def _marks(text: str) -> str:
    """The punctuation `text` opens with, up to its first letter, digit or space."""
    n = 0
    while n < len(text) and not text[n].isspace() and not _reduce_char(text[n]):
        n += 1
    return text[:n]


def _locate(key: str, wanted: str, min_prefix: int) -> tuple[int, int] | None:
    """Where `wanted` is in `key`; a quote that runs on to the next page: its longest part that ends the page."""
    at = key.find(wanted)
    if at >= 0:
        return at, at + len(wanted)
    # The quote starts on this page (its page is where it starts) and may end on the next one.
    for n in range(len(wanted) - 1, min_prefix - 1, -1):
        if key.endswith(wanted[:n]):
            return len(key) - n, len(key)
    return None


def _best_lines(chars: list[tuple[str, _Char]], quote: str, settings: PageViewSettings) -> list[int]:
    """The lines whose words are mostly the quote's (read either way round), else the one sharing most."""
    words = {w for w in (reduced(x) for x in quote.split()) if len(w) >= 2}
    by_line: dict[int, list[tuple[str, _Char]]] = {}
    for ch, c in chars:
        by_line.setdefault(c.line, []).append((ch, c))
    scored: list[tuple[float, int, int]] = []
    for n, items in by_line.items():
        line_words = [w for w in (reduced(x) for x in "".join(ch for ch, _ in items).split()) if len(w) >= 2]
        if not line_words:
            continue
        hits = sum(1 for w in line_words if w in words or w[::-1] in words)
        scored.append((hits / len(line_words), hits, n))
    if not scored:
        return []
    chosen = [n for share, hits, n in scored if share >= settings.line_match_min and hits]
    if not chosen:
        share, hits, n = max(scored, key=lambda s: (s[1], s[0]))
        chosen = [n] if hits else []
    keep = set(chosen)
    return [c.index for ch, c in chars if c.line in keep and not ch.isspace()]


# -- drawing -----------------------------------------------------------------------------------------
def _line_boxes(textpage, indices: list[int], height_pt: float, scale: float, pad: int) -> list[Box]:
    """One box per run of characters on a line (pdfium's char boxes united), in image pixels."""
    rects: list[list[float]] = []  # left, bottom, right, top in PDF points
    for i in sorted(set(indices)):
        left, bottom, right, top = textpage.get_charbox(i)
        if right <= left or top <= bottom:
            continue  # a space or a generated character has no extent
        last = rects[-1] if rects else None
        if last and min(top, last[3]) - max(bottom, last[1]) > 0.5 * min(top - bottom, last[3] - last[1]):
            last[0], last[1], last[2], last[3] = min(last[0], left), min(last[1], bottom), max(last[2], right), max(last[3], top)
        else:
            rects.append([left, bottom, right, top])
    return [Box(int(left * scale) - pad, int((height_pt - top) * scale) - pad,
                int(right * scale + 0.999) + pad, int((height_pt - bottom) * scale + 0.999) + pad)
            for left, bottom, right, top in rects]


def _highlight(image, boxes: tuple[Box, ...], colour: tuple[int, int, int]) -> None:
    """A highlighter's mark: the box multiplied by the colour, so the text under it stays black."""
    from PIL import Image, ImageChops

    for b in boxes:
        area = (max(b.left, 0), max(b.top, 0), min(b.right, image.width), min(b.bottom, image.height))
        if area[2] <= area[0] or area[3] <= area[1]:
            continue
        region = image.crop(area)
        image.paste(ImageChops.multiply(region, Image.new("RGB", region.size, colour)), area[:2])


__all__ = ["NO_PAGES", "Box", "PageView", "caption", "cited_page", "reduced", "render_cited_page"]
