"""Plain text and Markdown (.txt, .md): the encoding found from the bytes, since text files come from anywhere."""
from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from ..language import ARABIC_LETTERS, ARABIC_MARKS
from ..models import Page
from .errors import LoadError
from .registry import Extracted

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_TEXT_CHAR = re.compile(f"[\u060C\u061B\u061F{ARABIC_LETTERS}{ARABIC_MARKS}\u0660-\u066C\u0670\u06F0-\u06F9]")


def load_text(path: Path, data: bytes, *, max_pages: int) -> Extracted:
    """One page without a number; the title comes from the text itself (`metadata`)."""
    return Extracted((Page(None, decode_text(path, data)),))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(path: Path, data: bytes) -> str:
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
    return normalise_newlines(text.lstrip("\ufeff"))


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
