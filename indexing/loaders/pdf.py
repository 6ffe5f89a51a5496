"""PDF (pypdf): numbered pages, the declared /Title and creation year, and Arabic repaired to logical order.

Scanned, encrypted and broken PDFs are refused with a reason a user understands; one unreadable page
costs only that page.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

from ..models import Page
from .checks import check_page_count
from .errors import LoadError, brief
from .registry import Extracted
from .txt import normalise_newlines
from .visual_order import fix_pdf_arabic

log = logging.getLogger(__name__)


def load_pdf(path: Path, data: bytes, *, max_pages: int) -> Extracted:
    """Pages with their numbers, plus the /Title and creation year the PDF declares (if any)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf raises many types for broken files; all mean the same to a user
        raise LoadError(path, f"corrupt or unreadable PDF: {brief(exc)}") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # owner-password-only PDFs open with an empty user password
        except Exception as exc:  # e.g. AES without a crypto library installed
            raise LoadError(path, f"encrypted PDF (cannot decrypt: {brief(exc)})") from exc
        if not opened:
            raise LoadError(path, "encrypted PDF (password protected)")
    try:
        count = len(reader.pages)
    except Exception as exc:
        raise LoadError(path, f"corrupt or unreadable PDF: {brief(exc)}") from exc
    if count == 0:
        raise LoadError(path, "corrupt or unreadable PDF: no pages")
    check_page_count(path, count, max_pages)

    pages: list[Page] = []
    failed = 0
    for number in range(1, count + 1):
        try:
            raw = reader.pages[number - 1].extract_text() or ""
        except Exception as exc:  # one bad page should not cost the document
            log.warning("%s: page %d unreadable (%s); kept empty", path.name, number, brief(exc))
            raw, failed = "", failed + 1
        text = fix_pdf_arabic(normalise_newlines(raw.replace("\x00", "")))
        if text != raw:
            log.debug("%s: page %d repaired (Arabic order or presentation forms)", path.name, number)
        pages.append(Page(number, text))
    if failed == count:
        raise LoadError(path, "corrupt or unreadable PDF: no page could be read")
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, "no text layer (scanned PDF?)")
    title, year = _pdf_info(path, reader)
    return Extracted(tuple(pages), title, year)


def _pdf_info(path: Path, reader) -> tuple[str, int | None]:
    """Title and creation year from the document info; a malformed entry just means no value."""
    title, year = "", None
    try:
        info = reader.metadata
    except Exception as exc:
        log.debug("%s: unreadable document info (%s)", path.name, brief(exc))
        return title, year
    if info is None:
        return title, year
    try:
        title = str(info.title or "")
    except Exception as exc:
        log.debug("%s: unreadable /Title (%s)", path.name, brief(exc))
    try:
        created = info.creation_date
        if created is not None and 1900 <= created.year <= 2100:
            year = created.year
    except Exception as exc:
        log.debug("%s: unreadable /CreationDate (%s)", path.name, brief(exc))
    return title, year
