"""The index stamp: what a successful run saw, so that a run finding nothing changed needs no Chroma at all.

Importing chromadb alone takes over a second, most of a no-op `policy-assistant index`. After each run the
pipeline writes `data_dir/index-stamp.json` (atomically) with the library files' sizes and mtimes, the
catalogue's, the settings that decide the index's content, and a signature of what Chroma's sqlite file
holds as the run left it (read read-only), plus the run's report rows. `fresh` returns those rows when all of it still matches, so the
CLI can print the report without opening the store. Anything that writes to the store changes its sqlite file,
so any change, by any process, sends the next run the full (hashing) way. Embedded stores only: a server's
store can change without this machine seeing it. This module imports the standard library and the settings
only (the chunker and sentence modules, for their version strings, are standard library too).
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .config import Settings

log = logging.getLogger(__name__)

STAMP = "index-stamp.json"
SQLITE = "chroma.sqlite3"
INTERRUPTED = "index.writing"  # the pipeline's marker; still there, the last run was interrupted
VERSION = 2


@dataclass(frozen=True)
class StampedRow:
    file_name: str
    doc_id: str
    status: str  # unchanged | failed (a file that failed fails again until it changes)
    chunks: int
    labelled: int
    error: str = ""


@dataclass(frozen=True)
class StampedReport:
    documents: tuple[StampedRow, ...]
    total_chunks: int
    total_labelled: int

    @property
    def failed(self) -> list[StampedRow]:
        return [d for d in self.documents if d.status == "failed"]


def stamp_path(settings: Settings) -> Path:
    return settings.data_dir / STAMP


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _library_stats(corpus_dir: Path) -> dict[str, list[int]]:
    """Every visible regular file of the library folder (more than the indexer reads: a change to any of them
    only costs the full run)."""
    out = {}
    try:
        entries = list(os.scandir(corpus_dir))
    except OSError:
        return {}
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_file():
            continue
        st = entry.stat()
        out[entry.name] = [st.st_size, st.st_mtime_ns]
    return out


def _store_stats(settings: Settings) -> dict:
    """What the store holds, read from Chroma's sqlite file read-only with the standard library. Not the
    file's mtime: merely opening a Chroma client rewrites it. Every write goes through the embeddings queue,
    whose sequence number only grows, so (queue head, rows, collections) changes with any change."""
    chroma = settings.chroma_dir
    try:
        names = sorted(os.listdir(chroma))
    except OSError:
        names = []
    content = None
    if SQLITE in names:
        try:
            with closing(sqlite3.connect(f"file:{chroma / SQLITE}?mode=ro", uri=True, timeout=1)) as db:
                content = [
                    db.execute("SELECT max(seq_id) FROM embeddings_queue").fetchone()[0],
                    db.execute("SELECT count(*), max(seq_id) FROM embeddings").fetchone(),
                    db.execute("SELECT count(*), group_concat(id) FROM collections").fetchone(),
                    db.execute("SELECT count(*) FROM collection_metadata").fetchone()[0],
                ]
                content = json.loads(json.dumps(content))  # tuples as the JSON stamp keeps them
        except sqlite3.Error as exc:
            log.info("index stamp: cannot read %s (%s); the indexer will run", chroma / SQLITE, exc)
            content = None
    return {"sqlite": content, "entries": names}


def identity(settings: Settings) -> dict:
    """The settings and code versions that decide what the index holds."""
    from .chunking import CHUNKER_VERSION
    from .embedding import BUNDLED
    from .sentences import SENTENCES_VERSION

    model = settings.embedding.model
    return {
        "version": VERSION,
        "embedding_model": model,
        "dim": BUNDLED.get(model),
        "batch_size": settings.embedding.batch_size,
        "chunker": f"{CHUNKER_VERSION}+{SENTENCES_VERSION}",
        "chunking": settings.chunking.model_dump(),
        "max_file_mb": settings.max_file_mb,
        "max_pages": settings.max_pages,
        "second_dense_model": settings.retrieval.second_dense_model,
        "store_mode": settings.store.mode,
        "collection": settings.store.collection,
        "chroma_dir": str(settings.chroma_dir.resolve()),
        "corpus_dir": str(settings.corpus_dir.resolve()),
    }


def _observed(settings: Settings) -> dict:
    return {
        "identity": identity(settings),
        "library": _library_stats(settings.corpus_dir),
        "catalogue": _stat(settings.catalogue_path),
        "store": _store_stats(settings),
    }


def clear(settings: Settings) -> None:
    """Called before a run writes anything: a run that dies leaves no stamp behind."""
    stamp_path(settings).unlink(missing_ok=True)


def write(settings: Settings, rows: list[StampedRow], total_chunks: int) -> None:
    """Record a finished run (embedded mode only), through a temporary file and a rename."""
    if settings.store.mode != "embedded":
        return
    data = _observed(settings)
    data["report"] = {"documents": [r.__dict__ for r in rows], "total_chunks": total_chunks}
    path = stamp_path(settings)
    tmp = path.with_name(f".{STAMP}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # no stamp only means the next run goes the full way
        log.warning("could not write the index stamp %s: %s", path, exc)
        tmp.unlink(missing_ok=True)


def fresh(settings: Settings) -> StampedReport | None:
    """The last run's report if nothing it depended on changed since; None means: run the indexer."""
    if settings.store.mode != "embedded" or (settings.data_dir / INTERRUPTED).exists():
        return None
    try:
        data = json.loads(stamp_path(settings).read_text(encoding="utf-8"))
        report = data["report"]
        rows = tuple(StampedRow(**r) for r in report["documents"])
        total = int(report["total_chunks"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.info("index stamp unreadable (%s): running the indexer", exc)
        return None
    now = _observed(settings)
    if now["store"]["sqlite"] is None or any(data.get(k) != v for k, v in now.items()):
        return None
    return StampedReport(rows, total, sum(r.labelled for r in rows))
