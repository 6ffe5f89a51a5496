"""`LoadError`: every failure a user can cause while loading a file, with a reason short enough to show as is."""
from __future__ import annotations

from pathlib import Path


class LoadError(Exception):
    """A file that cannot go into the library, with a reason short enough to show a user."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")

    def __reduce__(self):  # keep (path, reason) when pickled, e.g. across worker processes
        return (type(self), (self.path, self.reason))


def brief(exc: BaseException) -> str:
    """A library's exception as one short line: parsers' messages can run to pages."""
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
