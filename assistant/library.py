"""`Library`: the documents the assistant answers from — their files, catalogue entries and index records.

It owns everything that changes what is in the library (indexing, uploads, removal) and what is known
about each document (the catalogue's metadata, completed by the index's own records); answering only reads
what it builds. After a change the `Assistant` rebuilds its question-time parts from it.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from indexing.catalogue import load_catalogue
from indexing.config import Settings
from indexing.loaders import LoadError, load_document
from indexing.models import DocumentMeta
from indexing.pipeline import IndexReport, index_library
from indexing.store import ChromaStore, DocRecord


class Library:
    def __init__(self, settings: Settings, store: ChromaStore):
        self.settings = settings
        self.store = store

    def metas(self) -> list[DocumentMeta]:
        """The catalogue's entries, and for a document the catalogue does not list, what its index record says."""
        catalogue = load_catalogue(self.settings.catalogue_path)
        metas = {m.doc_id: m for m in catalogue.values()}
        for record in self.store.documents().values():
            metas.setdefault(
                record.doc_id,
                DocumentMeta(doc_id=record.doc_id, file_name=record.file_name, title_en=record.title,
                             symbol=record.symbol, kind=record.kind, year=record.year,
                             short_names=(record.title,) if 3 <= len(record.title) <= 80 else ()),
            )
        return list(metas.values())

    def documents(self) -> list[DocRecord]:
        return sorted(self.store.documents().values(), key=lambda r: r.doc_id)

    def index(self, progress=None, show_progress: bool = True) -> IndexReport:
        return index_library(self.settings, self.store, progress=progress, show_progress=show_progress)

    def add_files(self, paths: list[Path], progress=None) -> tuple[IndexReport, list[str]]:
        """Copy uploads into the library under safe names, index them, and say what failed and why.

        Each file is checked (type, size, readable) before it is copied, and copied under a temporary name
        then renamed, so a failure never leaves a half-written file in the library.
        """
        errors: list[str] = []
        corpus = self.settings.corpus_dir
        try:
            corpus.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return IndexReport([], 0.0), [f"the library folder {corpus} cannot be written: {exc.strerror or exc}"]
        for path in paths:
            shown = Path(path).name
            name = safe_file_name(shown)
            try:  # the loader's entry checks (type, size) run before it reads a byte
                load_document(Path(path), None, max_file_mb=self.settings.max_file_mb, max_pages=self.settings.max_pages)
            except LoadError as exc:
                errors.append(f"{shown}: {exc.reason}")
                continue
            target = (corpus / name).resolve()
            if corpus.resolve() not in target.parents:
                errors.append(f"{shown}: refused file name")
                continue
            partial = target.with_name(f".{target.name}.part")
            try:
                shutil.copyfile(path, partial)
                os.replace(partial, target)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                errors.append(f"{shown}: could not be saved in the library ({exc.strerror or exc})")
        report = self.index(progress=progress, show_progress=False)
        errors.extend(f"{d.file_name}: {d.error}" for d in report.failed)
        return report, errors

    def remove(self, doc_id: str) -> bool:
        """Delete a document's file from the library and its chunks from the index."""
        record = self.store.documents().get(doc_id)
        if record is None:
            return False
        path = (self.settings.corpus_dir / record.file_name).resolve()
        if self.settings.corpus_dir.resolve() in path.parents and path.exists():
            path.unlink()
        self.store.delete_document(doc_id)
        return True


def safe_file_name(name: str) -> str:
    """Keep letters (Arabic too), digits, dot, dash and underscore; no path parts, no leading dots."""
    name = Path(name.replace("\\", "/")).name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = re.sub(r"[^\w\-]+", "_", stem, flags=re.UNICODE).strip("._") or "document"
    suffix = re.sub(r"[^\w]+", "", suffix)[:8]
    return f"{stem[:120]}.{suffix}" if suffix else stem[:120]
