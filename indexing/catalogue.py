"""The library's catalogue (`corpus/catalogue.toml`): what each file is, in the words a user would use."""
from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from .models import DocumentMeta

log = logging.getLogger(__name__)


def load_catalogue(path: Path) -> dict[str, DocumentMeta]:
    """Catalogue entries keyed by file name; a missing or broken catalogue means every file describes itself."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        log.error("catalogue %s is not valid TOML (%s); files will use their own metadata", path, exc)
        return {}
    out: dict[str, DocumentMeta] = {}
    for doc_id, entry in (data.get("documents") or {}).items():
        file_name = entry.get("file")
        if not file_name:
            log.warning("catalogue entry %s has no 'file'; skipped", doc_id)
            continue
        out[file_name] = DocumentMeta(
            doc_id=doc_id,
            file_name=file_name,
            title_en=entry.get("title_en", ""),
            title_ar=entry.get("title_ar", ""),
            symbol=entry.get("symbol", ""),
            year=entry.get("year"),
            body=entry.get("body", ""),
            kind=entry.get("kind", "document"),
            languages=tuple(entry.get("languages", ())),
            description=entry.get("description", ""),
            short_names=tuple(entry.get("short_names", ())),
            parallel=tuple(entry.get("parallel", ())),
        )
    return out
