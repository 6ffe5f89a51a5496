"""Which library files a user added (by whom, when), so their chunks and every citation of them say so.

The library's upload code writes these records (`<data_dir>/library/added.json`, keyed by file name) before
the file is indexed; indexing reads them and stamps the document's chunks. A file without a record is
bundled (it came with the corpus folder).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import Settings


@dataclass(frozen=True)
class Added:
    file_name: str
    added_by: str
    added_at: str  # ISO 8601, UTC
    sha256: str


def path(settings: Settings) -> Path:
    return settings.data_dir / "library" / "added.json"


def load(settings: Settings) -> dict[str, Added]:
    p = path(settings)
    if not p.exists():
        return {}
    return {name: Added(**row) for name, row in json.loads(p.read_text(encoding="utf-8")).items()}


def _save(settings: Settings, records: dict[str, Added]) -> None:
    p = path(settings)
    p.parent.mkdir(parents=True, exist_ok=True)
    partial = p.with_name(p.name + ".part")
    partial.write_text(json.dumps({n: asdict(a) for n, a in sorted(records.items())}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
    os.replace(partial, p)


def record(settings: Settings, added: Added) -> None:
    records = load(settings)
    records[added.file_name] = added
    _save(settings, records)


def forget(settings: Settings, file_name: str) -> Added | None:
    records = load(settings)
    gone = records.pop(file_name, None)
    if gone is not None:
        _save(settings, records)
    return gone
