"""`Library`: the documents the assistant answers from — their files, catalogue entries and index records.

It owns everything that changes what is in the library (indexing, uploads, replacement, removal, restoring)
and what is known about each document (the catalogue's metadata, completed by the index's own records);
answering only reads what it builds. After a change the `Assistant` rebuilds its question-time parts from it.

Every change needs an editor's token (`editors.py`) and is written to the audit log (`audit.py`). Nothing is
deleted: a removed file goes to the trash, a replaced file to its document's versions, both under
`<data_dir>/library/`, each with a `meta.json` saying what it was, so an editor can put it back.
Bundled documents (catalogued, or not uploaded through the library) change only with `confirm=True`.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from indexing import provenance
from indexing.catalogue import load_catalogue
from indexing.config import Settings
from indexing.loaders import LoadError, load_document
from indexing.models import DocumentMeta
from indexing.pipeline import IndexReport, file_hash, index_library
from indexing.provenance import Added
from indexing.store import ChromaStore, DocRecord

from .audit import AuditLog, now
from .editors import Editor, Editors


class Refused(ValueError):
    """A change the library will not make as asked (unknown document, duplicate, needs confirming); nothing changed."""


@dataclass(frozen=True)
class Kept:
    """A file the library set aside: removed (in the trash) or replaced (a version of its document)."""

    kept_id: str
    doc_id: str
    file_name: str
    sha256: str
    kept_at: str  # ISO 8601 UTC
    kept_by: str
    title: str = ""
    added: dict | None = None  # the file's provenance record while it was in the library, if a user added it


class Library:
    def __init__(self, settings: Settings, store: ChromaStore):
        self.settings = settings
        self.store = store
        self.editors = Editors(settings.library)
        self.folder = settings.data_dir / "library"
        self.audit = AuditLog(self.folder / "audit.jsonl")
        self._lock = threading.RLock()  # one change at a time: a name or hash checked stays true until written

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

    def added(self) -> dict[str, Added]:
        """Who added which file (by file name); a file not listed is bundled."""
        return provenance.load(self.settings)

    def is_bundled(self, record: DocRecord) -> bool:
        return record.file_name in load_catalogue(self.settings.catalogue_path) or record.file_name not in self.added()

    def _confirmed(self, record: DocRecord, confirm: bool, change: str) -> None:
        """A bundled document changes only when the editor confirms it: refuse, changing nothing, otherwise."""
        if self.is_bundled(record) and not confirm:
            raise Refused(f"{record.doc_id} is a bundled document: confirm to {change}; nothing was changed")

    def index(self, progress=None, show_progress: bool = True) -> IndexReport:
        return index_library(self.settings, self.store, progress=progress, show_progress=show_progress)

    # -- changes -----------------------------------------------------------------------------------
    def add_files(self, paths: list[Path], progress=None, *, token: str | None = None) -> tuple[IndexReport, list[str]]:
        """Copy an editor's uploads into the library under safe names, index them, and say what failed and why.

        Each file is checked (type, size, readable, not already in the library by name or content) before it is
        copied, and copied under a temporary name then renamed, so a failure never leaves a half-written file.
        """
        editor = self.editors.require(token)
        errors: list[str] = []
        corpus = self.settings.corpus_dir
        with self._lock:
            try:
                corpus.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                return IndexReport([], 0.0), [f"the library folder {corpus} cannot be written: {exc.strerror or exc}"]
            records = self.store.documents()
            by_hash = {r.content_hash: r for r in records.values()}
            # Names compared without case: "Qatar-Submission-2024.txt" is the same document to a reader.
            present = {p.name.lower(): p.name for p in corpus.iterdir() if p.is_file()}
            copied: list[tuple[str, str]] = []
            for path in paths:
                shown = Path(path).name
                name = safe_file_name(shown)
                try:  # the loader's entry checks (type, size) run before it reads a byte
                    load_document(Path(path), None, max_file_mb=self.settings.max_file_mb,
                                  max_pages=self.settings.max_pages)
                except LoadError as exc:
                    errors.append(f"{shown}: {exc.reason}")
                    continue
                target = (corpus / name).resolve()
                if corpus.resolve() not in target.parents:
                    errors.append(f"{shown}: refused file name")
                    continue
                digest = file_hash(Path(path))
                if digest in by_hash:
                    same = by_hash[digest]
                    errors.append(f"{shown}: already in the library (same content as {same.doc_id}, {same.file_name}); "
                                  "not added")
                    continue
                if name.lower() in present:
                    existing = present[name.lower()]
                    owner = next((r.doc_id for r in records.values() if r.file_name == existing), existing)
                    errors.append(f"{shown}: a document named {existing} is already in the library ({owner}); "
                                  "to put a new version in its place, use Replace")
                    continue
                try:
                    self._write(Path(path), target)
                except OSError as exc:
                    errors.append(f"{shown}: could not be saved in the library ({exc.strerror or exc})")
                    continue
                provenance.record(self.settings, Added(name, editor.name, now(), digest))
                present[name.lower()] = name
                by_hash[digest] = DocRecord(name, name, digest, "", "", "", None, 0, 0, 0.0)
                copied.append((name, digest))
            if not copied:  # every file refused: the library is as it was, nothing to index
                return IndexReport([], 0.0), errors
            report = self.index(progress=progress, show_progress=False)
            errors.extend(f"{d.file_name}: {d.error}" for d in report.failed)
            done = {d.file_name: d for d in report.documents}
            for name, digest in copied:
                d = done.get(name)
                self.audit.write(editor.name, "add", d.doc_id if d else "", name, digest,
                                 f"not indexed: {d.error}" if d and d.error else "")
        return report, errors

    def replace(self, doc_id: str, path: Path, progress=None, *, token: str | None = None,
                confirm: bool = False) -> tuple[IndexReport, list[str]]:
        """Put a new file in a document's place (same file name, so its catalogue entry still applies), keeping
        the current file as a version that `restore_version` puts back. A bundled document needs `confirm`."""
        editor = self.editors.require(token)
        with self._lock:
            record = self._record(doc_id)
            self._confirmed(record, confirm, "replace it (its current version is kept and can be restored)")
            shown = Path(path).name
            try:
                load_document(Path(path), None, max_file_mb=self.settings.max_file_mb, max_pages=self.settings.max_pages)
            except LoadError as exc:
                raise Refused(f"{shown}: {exc.reason}; nothing was changed") from exc
            if Path(path).suffix.lower() != Path(record.file_name).suffix.lower():
                raise Refused(f"{shown}: a {Path(record.file_name).suffix} document is replaced by a file of the same "
                              "type; nothing was changed")
            digest = file_hash(Path(path))
            same = next((r for r in self.store.documents().values() if r.content_hash == digest), None)
            if same is not None:
                raise Refused(f"{shown}: already in the library (same content as {same.doc_id}); nothing was changed")
            kept = self._keep(record, editor, self.folder / "versions" / doc_id)
            self._write(Path(path), self.settings.corpus_dir / record.file_name)
            provenance.record(self.settings, Added(record.file_name, editor.name, now(), digest))
            report = self.index(progress=progress, show_progress=False)
            self.audit.write(editor.name, "replace", doc_id, record.file_name, digest,
                             f"previous version {kept.kept_id} ({kept.sha256})")
        return report, [f"{d.file_name}: {d.error}" for d in report.failed]

    def remove(self, doc_id: str, *, token: str | None = None, confirm: bool = False) -> Kept:
        """Take a document out: its file to the trash (restorable), its chunks out of the index."""
        editor = self.editors.require(token)
        with self._lock:
            record = self._record(doc_id)
            self._confirmed(record, confirm, "remove it (it goes to the trash and can be restored)")
            kept = self._keep(record, editor, self.folder / "trash")
            self.store.delete_document(doc_id)
            self.index(show_progress=False)  # the stamp and any other change on disk, as a run would see them
            self.audit.write(editor.name, "remove", doc_id, record.file_name, kept.sha256, f"trash {kept.kept_id}")
        return kept

    def trash(self, *, token: str | None = None) -> list[Kept]:
        self.editors.require(token)
        return self._kept(self.folder / "trash")

    def versions(self, doc_id: str, *, token: str | None = None) -> list[Kept]:
        self.editors.require(token)
        if not doc_id or doc_id != safe_file_name(doc_id) or doc_id.startswith("."):  # a folder name, never a path
            raise Refused(f"no document {doc_id!r} in the library")
        return self._kept(self.folder / "versions" / doc_id)

    def restore(self, kept_id: str, progress=None, *, token: str | None = None) -> tuple[IndexReport, Kept]:
        """Put a removed file back from the trash and index it again (its passages return to answers)."""
        editor = self.editors.require(token)
        with self._lock:
            kept = self._find(self.folder / "trash", kept_id)
            target = self.settings.corpus_dir / kept.file_name
            if target.exists():
                raise Refused(f"a document named {kept.file_name} is in the library again; remove it first")
            same = next((r for r in self.store.documents().values() if r.content_hash == kept.sha256), None)
            if same is not None:
                raise Refused(f"{kept.file_name}: the same content is in the library as {same.doc_id}")
            folder = self.folder / "trash" / kept_id
            self._write(folder / kept.file_name, target)
            if kept.added:
                provenance.record(self.settings, Added(**kept.added))
            report = self.index(progress=progress, show_progress=False)
            shutil.rmtree(folder)
            doc_id = next((d.doc_id for d in report.documents if d.file_name == kept.file_name), kept.doc_id)
            self.audit.write(editor.name, "restore", doc_id, kept.file_name, kept.sha256, f"from trash {kept_id}")
        return report, kept

    def restore_version(self, doc_id: str, kept_id: str, progress=None, *,
                        token: str | None = None) -> tuple[IndexReport, Kept]:
        """Put a kept version back in its document's place; the version it replaces is kept in turn."""
        editor = self.editors.require(token)
        with self._lock:
            folder = self.folder / "versions" / doc_id
            old = self._find(folder, kept_id)
            record = self._record(doc_id)
            current = self._keep(record, editor, folder)
            self._write(folder / kept_id / old.file_name, self.settings.corpus_dir / record.file_name)
            if old.added:
                provenance.record(self.settings, Added(**{**old.added, "file_name": record.file_name}))
            else:
                provenance.forget(self.settings, record.file_name)
            shutil.rmtree(folder / kept_id)
            report = self.index(progress=progress, show_progress=False)
            self.audit.write(editor.name, "restore_version", doc_id, record.file_name, old.sha256,
                             f"version {kept_id}; the replaced one kept as {current.kept_id}")
        return report, old

    # -- helpers -----------------------------------------------------------------------------------
    def _record(self, doc_id: str) -> DocRecord:
        record = self.store.documents().get(doc_id or "")
        if record is None:
            raise Refused(f"no document {doc_id!r} in the library")
        return record

    def _keep(self, record: DocRecord, editor: Editor, where: Path) -> Kept:
        """Move a document's file (and its provenance record) aside under `where/<id>/`, with its meta.json."""
        source = self.settings.corpus_dir / record.file_name
        if not source.exists():
            raise Refused(f"the file of {record.doc_id} ({record.file_name}) is not in the library folder")
        stamp = now()
        kept_id = f"{stamp[:19].replace(':', '').replace('-', '')}-{uuid.uuid4().hex[:6]}"
        folder = where / kept_id
        folder.mkdir(parents=True)
        added = provenance.forget(self.settings, record.file_name)
        kept = Kept(kept_id, record.doc_id, record.file_name, file_hash(source), stamp, editor.name, record.title,
                    asdict(added) if added else None)
        (folder / "meta.json").write_text(json.dumps(asdict(kept), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(source, folder / record.file_name)
        return kept

    def _kept(self, where: Path) -> list[Kept]:
        if not where.exists():
            return []
        metas = [p / "meta.json" for p in where.iterdir() if (p / "meta.json").exists()]
        kept = [Kept(**json.loads(m.read_text(encoding="utf-8"))) for m in metas]
        return sorted(kept, key=lambda k: k.kept_at, reverse=True)

    def _find(self, where: Path, kept_id: str) -> Kept:
        found = next((k for k in self._kept(where) if k.kept_id == kept_id), None)
        if found is None:
            raise Refused(f"nothing kept as {kept_id!r}")
        return found

    @staticmethod
    def _write(source: Path, target: Path) -> None:
        """Copy under a temporary name, then rename: the library never holds a half-written file."""
        partial = target.with_name(f".{target.name}.part")
        try:
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        except OSError:
            partial.unlink(missing_ok=True)
            raise


def safe_file_name(name: str) -> str:
    """Keep letters (Arabic too), digits, dot, dash and underscore; no path parts, no leading dots."""
    name = Path(name.replace("\\", "/")).name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = re.sub(r"[^\w\-]+", "_", stem, flags=re.UNICODE).strip("._") or "document"
    suffix = re.sub(r"[^\w]+", "", suffix)[:8]
    return f"{stem[:120]}.{suffix}" if suffix else stem[:120]
