"""Read library files into pages of raw text, or say plainly why not.

Every failure a user can cause (a scanned or encrypted PDF, a corrupt upload, a wrong file type, a file
too big) becomes a `LoadError` with a short reason the app can show as is; nothing else escapes.

A format is one module with a converter (`registry.Converter`) and one `register` line below; the
checks (`checks`), the content hash and the metadata a file gives about itself (`metadata`) are shared.
"""
from __future__ import annotations

import logging
from pathlib import Path

from ..models import DocumentMeta, SourceDocument
from .checks import check_file, read_file
from .docx import load_docx
from .errors import LoadError
from .metadata import meta_from_file, slugify
from .pdf import load_pdf
from .registry import Converter, Extracted, converter_for, register, suffix_list, supported_suffixes, unregister
from .txt import load_text
from .visual_order import fix_pdf_arabic

log = logging.getLogger(__name__)

register(load_pdf, ".pdf")
register(load_text, ".txt", ".md")
register(load_docx, ".docx")


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
    check_file(path, max_file_mb=max_file_mb)
    data = read_file(path)
    extracted = converter_for(path.suffix)(path, data, max_pages=max_pages)
    pages = extracted.pages
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, "empty file")
    if meta is None:
        meta = meta_from_file(path, pages, title=extracted.title, year=extracted.year)
    log.info("loaded %s: %d page(s), %d characters", path.name, len(pages), sum(len(p.text) for p in pages))
    return SourceDocument(path=path, meta=meta, pages=tuple(pages))


def __getattr__(name: str):
    """`SUPPORTED_SUFFIXES` is read from the registry when asked for, so a format registered later counts."""
    if name == "SUPPORTED_SUFFIXES":
        return supported_suffixes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Converter", "Extracted", "LoadError", "SUPPORTED_SUFFIXES", "check_file", "converter_for", "fix_pdf_arabic",
    "load_document", "meta_from_file", "register", "slugify", "suffix_list", "supported_suffixes", "unregister",
]
