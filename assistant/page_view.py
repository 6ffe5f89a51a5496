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
from typing import Literal

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


# exact: the quote marked letter for letter; continues: its beginning, to the foot of the page; approximate: the
# lines that best match it; not_found: the page unmarked. No image: no_pages (a text or Word source), missing
# (the file left the library), no_page (the quote's page is unknown), bad_page (the PDF is shorter).
Status = Literal["exact", "continues", "approximate", "not_found", "no_pages", "missing", "no_page", "bad_page"]


@dataclass(frozen=True)
class PageView:
    """One cited page as an image, or why there is none; `exact`: the quote itself is marked."""

    page: int | None
    image: Path | None  # the PNG, None when there is no page to show (see `status`)
    width: int = 0
    height: int = 0
    boxes: tuple[Box, ...] = ()
    exact: bool = False
    status: Status = "exact"
    detail: str = ""  # what the status names: the file's suffix or name, the PDF's page count
    offset: tuple[int, int] = (0, 0)  # where the image's top left is on the whole page drawn at the same scale


@dataclass(frozen=True)
class _Found:
    indices: list[int]  # pdfium character indices to mark
    exact: bool  # the quote itself, not lines that look like it
    continues: bool = False  # only the quote's beginning is on this page


@dataclass(frozen=True)
class _Char:
    index: int  # pdfium's character index on the page
    line: int
    box: tuple[float, float, float, float]  # left, bottom, right, top in PDF points


def reduced(text: str) -> str:
    """The form quotes and page text are compared in (see the module docstring)."""
    return "".join(_reduce_char(ch) for ch in text)


def _reduce_char(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", ch).casefold() if c.isalnum() and c != _TATWEEL)


# Files without fixed pages: what the panel says instead of a page image.


def cited_page(citation: Citation, settings: Settings) -> PageView:
    """The page a citation's quote starts on, highlighted, when its document is a PDF; otherwise why not."""
    path = settings.corpus_dir / citation.file_name
    suffix = path.suffix.lower()
    if suffix != ".pdf":
        return PageView(citation.page, None, status="no_pages", detail=suffix)
    if not path.is_file():
        return PageView(citation.page, None, status="missing", detail=citation.file_name)
    if not citation.page:
        return PageView(None, None, status="no_page")
    return render_cited_page(path, citation.page, citation.quote, settings.page_view,
                             settings.data_dir / "exports" / "pages")


def render_cited_page(pdf: Path, page: int, quote: str, settings: PageViewSettings, out_dir: Path) -> PageView:
    """Page `page` (1-based) of `pdf` as a PNG in `out_dir`, the lines holding `quote` highlighted."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        if not 1 <= page <= len(doc):
            return PageView(page, None, status="bad_page", detail=str(len(doc)))
        pdf_page = doc[page - 1]
        width_pt, height_pt = pdf_page.get_size()
        textpage = pdf_page.get_textpage()
        found = _find(textpage, quote, settings)
        scale = settings.scale
        area = _printed_area(pdf_page, width_pt, height_pt, settings) if settings.crop_to_content else None
        x0, y0, x1, y1 = area or (0, 0, int(width_pt * scale + 0.999), int(height_pt * scale + 0.999))
        boxes = tuple(Box(b.left - x0, b.top - y0, b.right - x0, b.bottom - y0)
                      for b in _line_boxes(textpage, found.indices, height_pt, scale, settings.pad_px))
        key = f"{pdf.resolve()}|{pdf.stat().st_mtime_ns}|{page}|{scale}|{settings.highlight}|{area}|{boxes}"  # what is drawn
        target = out_dir / f"page-{page}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.png"
        if target.is_file():  # the same marks on the same page of the same file: drawn before
            from PIL import Image

            with Image.open(target) as drawn:
                w, h = drawn.size
        else:
            image = pdf_page.render(scale=scale).to_pil().convert("RGB")
            if area:
                image = image.crop(area)
            _highlight(image, boxes, tuple(settings.highlight))
            out_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            image.save(partial, format="PNG", pnginfo=_where(page, scale, (x0, y0)))
            partial.replace(target)  # another request drawing the same page never reads half a file
            _prune(out_dir, settings.kept_images)
            w, h = image.size
    finally:
        doc.close()
    status = "not_found" if not boxes else "approximate" if not found.exact else "continues" if found.continues else "exact"
    log.debug("%s p.%d: %d boxes, %s", pdf.name, page, len(boxes), status)
    return PageView(page, target, w, h, boxes, status in ("exact", "continues"), status, offset=(x0, y0))


# -- finding the quote -------------------------------------------------------------------------------
def _page_chars(textpage) -> list[tuple[str, _Char]]:
    """Every character pdfium read, in its order, with its box and the line it sits on (a generated line
    break starts one)."""
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
        out.append((ch, _Char(i, line, tuple(textpage.get_charbox(i)))))
    return out


def _readings(chars: list[tuple[str, _Char]]):
    """The page's text in the orders a quote may be found in, most trusted first: as pdfium reads it; each
    Arabic line reversed (a text layer stored backwards); rebuilt from where the glyphs are drawn (pdfium
    may cut a shaped right-to-left line into runs and list them left to right)."""
    yield _ligatures_in_order(list(chars))
    lines: dict[int, list[tuple[str, _Char]]] = {}
    for item in chars:
        lines.setdefault(item[1].line, []).append(item)
    yield _ligatures_in_order([x for n in sorted(lines) for x in (lines[n][::-1] if _is_arabic(lines[n]) else lines[n])])
    yield _ligatures_in_order(_drawn_order(chars))


def _is_arabic(items: list[tuple[str, _Char]]) -> bool:
    letters = [ch for ch, _ in items if ch.isalpha()]
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff") * 2 > len(letters)


def _drawn_order(chars: list[tuple[str, _Char]]) -> list[tuple[str, _Char]]:
    """Rows of glyphs sharing a baseline band, each read by position: right to left in an Arabic row (its
    runs of digits and Latin left to right), left to right otherwise."""
    rows: list[list[tuple[str, _Char]]] = []
    band: tuple[float, float] | None = None
    for item in chars:
        _, bottom, _, top = item[1].box
        if top <= bottom:  # a space pdfium made up: its row is the one it sits in
            if rows:
                rows[-1].append(item)
            continue
        if band and min(top, band[1]) - max(bottom, band[0]) > 0.5 * min(top - bottom, band[1] - band[0]):
            rows[-1].append(item)
            band = (min(band[0], bottom), max(band[1], top))
        else:
            rows.append([item])
            band = (bottom, top)
    out: list[tuple[str, _Char]] = []
    for n, row in enumerate(rows):
        drawn = [x for x in row if x[1].box[3] > x[1].box[1]]
        if _is_arabic(drawn):
            drawn.sort(key=lambda x: -x[1].box[2])
            drawn = _left_to_right_runs(drawn)
        else:
            drawn.sort(key=lambda x: x[1].box[0])
        out.extend((ch, _Char(c.index, n, c.box)) for ch, c in drawn)
    return out


def _left_to_right_runs(row: list[tuple[str, _Char]]) -> list[tuple[str, _Char]]:
    """In a row read right to left, each run of digits and Latin letters back in its own, left-to-right order."""
    out: list[tuple[str, _Char]] = []
    run: list[tuple[str, _Char]] = []
    for item in row:
        ch = item[0]
        if ch.isascii() and ch.isalnum() or (run and ch in ".,:/-" ):
            run.append(item)
            continue
        out.extend(run[::-1])
        run = []
        out.append(item)
    return out + run[::-1]


_ALEFS = frozenset("اأإآ")


def _ligatures_in_order(chars: list[tuple[str, _Char]]) -> list[tuple[str, _Char]]:
    """A lam-alef ligature is one glyph for two letters; pdfium's right-to-left reordering can put its alef
    first ("ثالثة" for "ثلاثة"). Two letters drawn by one glyph (the same box) are put back lam first."""
    for k in range(len(chars) - 1):
        (a, ca), (b, cb) = chars[k], chars[k + 1]
        if a in _ALEFS and b == "ل" and ca.box == cb.box:
            chars[k], chars[k + 1] = chars[k + 1], chars[k]
    return chars


def _keyed(chars: list[tuple[str, _Char]]) -> tuple[str, list[int]]:
    """A reading in reduced form and, per reduced character, its position in the reading."""
    key, where = [], []
    for k, (ch, _) in enumerate(chars):
        for r in _reduce_char(ch):
            key.append(r)
            where.append(k)
    return "".join(key), where


def _find(textpage, quote: str, settings: PageViewSettings) -> _Found:
    """The quote's characters on the page, else the lines that best match it."""
    chars = _page_chars(textpage)
    wanted = reduced(quote)
    if not wanted or not chars:
        return _Found([], False)
    for reading in _readings(chars):
        key, where = _keyed(reading)
        span = _locate(key, wanted, settings.min_prefix_chars)
        if span:
            start, end = span
            first, last = where[start], where[end - 1]
            return _Found(_with_edges(reading, first, last, quote), True, continues=end - start < len(wanted))
    return _Found(_best_lines(_by_rows(chars), quote, settings), False)


def _by_rows(chars: list[tuple[str, _Char]]) -> list[tuple[str, _Char]]:
    """pdfium's reading, each character's line being its row as drawn; a space where pdfium broke a line."""
    row_of = {c.index: c.line for _, c in _drawn_order(chars)}
    out: list[tuple[str, _Char]] = []
    row = 0
    for k, (ch, c) in enumerate(chars):
        row = row_of.get(c.index, row)
        if k and c.line != chars[k - 1][1].line:
            out.append((" ", _Char(-1, row, (0.0, 0.0, 0.0, 0.0))))
        out.append((ch, _Char(c.index, row, c.box)))
    return out


def _with_edges(reading: list[tuple[str, _Char]], first: int, last: int, quote: str) -> list[int]:
    """The pdfium indices of reading[first..last] and of the quote's own punctuation at either end ("«…»",
    the closing full stop)."""
    body = quote.strip()
    lead, trail = _marks(body), _marks(body[::-1])[::-1]
    for ch in reversed(lead):
        if first > 0 and reading[first - 1][0] == ch:
            first -= 1
    for ch in trail:
        if last + 1 < len(reading) and reading[last + 1][0] == ch:
            last += 1
    return [c.index for ch, c in reading[first:last + 1] if not ch.isspace()]


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
def _printed_area(pdf_page, width_pt: float, height_pt: float, settings: PageViewSettings):
    """The part of the page anything is drawn on, plus a margin, in pixels (left, top, right, bottom): the
    blank margins cut off, so the text is larger in a narrow column; None when nothing is drawn."""
    scale, margin = settings.scale, settings.crop_margin_pt
    bounds = []
    for obj in pdf_page.get_objects(max_depth=1):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # an object pdfium cannot measure is not worth the page
            continue
        if right > left and top > bottom:
            bounds.append((left, bottom, right, top))
    if not bounds:
        return None
    left = max(0.0, min(b[0] for b in bounds) - margin)
    bottom = max(0.0, min(b[1] for b in bounds) - margin)
    right = min(width_pt, max(b[2] for b in bounds) + margin)
    top = min(height_pt, max(b[3] for b in bounds) + margin)
    if right <= left or top <= bottom:
        return None
    return (int(left * scale), int((height_pt - top) * scale),
            int(right * scale + 0.999), int((height_pt - bottom) * scale + 0.999))


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


def _prune(folder: Path, keep: int) -> None:
    """Drawn pages are a cache: past `keep` of them, the oldest go (one shown in a page now is re-drawn if asked)."""
    drawn = sorted(folder.glob("page-*.png"), key=lambda p: p.stat().st_mtime_ns)
    for old in drawn[:max(0, len(drawn) - keep)]:
        old.unlink(missing_ok=True)


def _where(page: int, scale: float, offset: tuple[int, int]):
    """The image says what it shows, for a reader of the file alone: page, pixels per point, and where its
    top left is on the whole page (`pa-offset`, pixels)."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("pa-page", str(page))
    info.add_text("pa-scale", str(scale))
    info.add_text("pa-offset", f"{offset[0]},{offset[1]}")
    return info


def _highlight(image, boxes: tuple[Box, ...], colour: tuple[int, int, int]) -> None:
    """A highlighter's mark: the box multiplied by the colour, so the text under it stays black."""
    from PIL import Image, ImageChops

    for b in boxes:
        area = (max(b.left, 0), max(b.top, 0), min(b.right, image.width), min(b.bottom, image.height))
        if area[2] <= area[0] or area[3] <= area[1]:
            continue
        region = image.crop(area)
        image.paste(ImageChops.multiply(region, Image.new("RGB", region.size, colour)), area[:2])


__all__ = ["Box", "PageView", "Status", "cited_page", "reduced", "render_cited_page"]
