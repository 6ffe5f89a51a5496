"""Which converter reads which file type: each format registers its suffixes with one `register` line.

A converter turns a file's bytes into pages (and, if the file declares them, a title and a year); the
entry checks, hashing and metadata around it are the same for every format (`indexing.loaders`).
Every list of supported types (the library scan, the upload refusal, the app's label) comes from here.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..models import Page


@dataclass(frozen=True)
class Extracted:
    """What a converter read: pages in order, and the title and year the file declares ('' / None if not)."""

    pages: tuple[Page, ...]
    title: str = ""
    year: int | None = None


class Converter(Protocol):
    """Reads one file's bytes; raises `LoadError` with a user-facing reason for anything it cannot read.

    `max_pages` is the page limit, for formats that know their page count before extracting.
    """

    def __call__(self, path: Path, data: bytes, *, max_pages: int) -> Extracted: ...


_CONVERTERS: dict[str, Converter] = {}


def register(converter: Converter, *suffixes: str) -> None:
    """Let `converter` read files ending in `suffixes` ('.csv'); later registrations of a suffix win."""
    for suffix in suffixes:
        if not suffix.startswith(".") or suffix != suffix.lower():
            raise ValueError(f"a suffix is lower case with its dot, e.g. '.csv', not {suffix!r}")
        _CONVERTERS[suffix] = converter


def unregister(*suffixes: str) -> None:
    for suffix in suffixes:
        _CONVERTERS.pop(suffix, None)


def converter_for(suffix: str) -> Converter | None:
    return _CONVERTERS.get(suffix.lower())


def supported_suffixes() -> tuple[str, ...]:
    """The registered suffixes in registration order ('.pdf', '.txt', ...)."""
    return tuple(_CONVERTERS)


def suffix_list(suffixes: Sequence[str] | None = None, *, last: str = " or ") -> str:
    """'.pdf, .txt, .md or .docx', for messages and labels."""
    names = list(supported_suffixes() if suffixes is None else suffixes)
    return last.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
