"""The checks every file passes before and while it is read: type, existence, size, readability, page count.

The ones that need no reading come first, so a huge or unsupported upload costs nothing; the app's upload
and the library scan go through the same checks, so they refuse a file with the same reason.
"""
from __future__ import annotations

from pathlib import Path

from .errors import LoadError
from .registry import converter_for, suffix_list


def check_file(path: Path, *, max_file_mb: int) -> None:
    """Refuse a file of an unregistered type, a missing one, a folder, one over the size limit or an empty one."""
    suffix = path.suffix.lower()
    if converter_for(suffix) is None:
        raise LoadError(path, f"unsupported file type {suffix or '(none)'}; use {suffix_list()}")
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


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read file: {exc.strerror or exc}") from exc


def check_page_count(path: Path, count: int, max_pages: int) -> None:
    """For formats that know their page count before extracting any text (PDF)."""
    if count > max_pages:
        raise LoadError(path, f"too many pages ({count} > {max_pages})")


def _mb(size: int) -> str:
    mb = size / 1_000_000
    return f"{mb:.0f}" if mb >= 10 else f"{mb:.1f}"
