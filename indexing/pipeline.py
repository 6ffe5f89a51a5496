"""Index the library incrementally: unchanged files cost a hash, changed files replace only their chunks.

One indexer at a time (a file lock in the data folder); a second one waits up to `lock_timeout` seconds
and then refuses with a clear message, so two runs can never interleave their writes.
"""
from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout
from tqdm import tqdm

from .catalogue import load_catalogue
from .chunk_vectors import chunk_vectors
from .chunking import CHUNKER_VERSION, chunk_document
from .cleaning import clean_document
from .config import Settings
from .embedding import embedder_identity, get_embedder
from .loaders import LoadError, load_document, supported_suffixes
from .sentences import SENTENCES_VERSION, quote_spans
from . import provenance, stamp
from .stamp import INTERRUPTED  # in the data folder while a run writes; still there, the run was interrupted
from .store import ChromaStore, DocRecord, SentenceRecord
from .word_vectors import bridge_cache, library_words, word_vectors

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


class IndexBusy(RuntimeError):
    """Another indexer holds the lock."""


@dataclass
class DocReport:
    file_name: str
    doc_id: str = ""
    status: str = "indexed"  # indexed | unchanged | removed | failed
    chunks: int = 0
    labelled: int = 0
    seconds: float = 0.0
    error: str = ""


@dataclass
class IndexReport:
    documents: list[DocReport] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = False
    total_chunks: int = 0

    @property
    def failed(self) -> list[DocReport]:
        return [d for d in self.documents if d.status == "failed"]


def library_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.exists():
        return []
    return sorted(
        p for p in corpus_dir.iterdir()
        if p.is_file() and p.suffix.lower() in supported_suffixes() and not p.name.startswith(".")
        and p.name.lower() not in {"readme.md"}
    )


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def open_store(settings: Settings) -> ChromaStore:
    name, dim = embedder_identity(settings.embedding.model)
    return ChromaStore(settings, name, dim, f"{CHUNKER_VERSION}+{SENTENCES_VERSION}")


def index_library(
    settings: Settings,
    store: ChromaStore | None = None,
    progress: Progress | None = None,
    lock_timeout: float = 30.0,
    show_progress: bool = True,
) -> IndexReport:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(settings.data_dir / "index.lock"))
    try:
        lock.acquire(timeout=lock_timeout)
    except Timeout as exc:
        raise IndexBusy(
            f"another indexer is running on {settings.data_dir} (lock held for {lock_timeout:.0f}s); try again later"
        ) from exc
    try:
        stamp.clear(settings)
        report = _index(settings, store or open_store(settings), progress, show_progress)
        stamp.write(settings, _stamped_rows(report), report.total_chunks)
        return report
    finally:
        lock.release()


def _stamped_rows(report: IndexReport) -> list[stamp.StampedRow]:
    """The report as the next run would give it if nothing changes: every file unchanged, failures again."""
    return [
        stamp.StampedRow(d.file_name, d.doc_id, "failed" if d.status == "failed" else "unchanged", d.chunks,
                         d.labelled, d.error)
        for d in report.documents if d.status != "removed"
    ]


def _index(settings: Settings, store: ChromaStore, progress: Progress | None, show_progress: bool) -> IndexReport:
    started = time.perf_counter()
    report = IndexReport(rebuilt=store.rebuilt)
    catalogue = load_catalogue(settings.catalogue_path)
    added = provenance.load(settings)
    records = store.documents()
    by_file = {r.file_name: r for r in records.values()}
    files = library_files(settings.corpus_dir)

    # Chunks whose document has no record come from an interrupted run: drop them before anything else. A run
    # that writes leaves a marker until it ends, so only after an interruption (or when the chunk count is not
    # the records' sum) is Chroma asked for them: its first filtered read costs a no-op run ~0.6 s.
    interrupted = settings.data_dir / INTERRUPTED
    if interrupted.exists() or store.count() != sum(r.chunks for r in records.values()):
        for orphan in store.orphan_doc_ids(set(records)):
            log.info("removing chunks left by an interrupted run: %s", orphan)
            store.delete_document(orphan)

    present = {p.name for p in files}
    gone = [r for r in records.values() if r.file_name not in present]
    if gone:
        interrupted.touch()
    for record in gone:
        store.delete_document(record.doc_id)
        report.documents.append(DocReport(record.file_name, record.doc_id, status="removed"))

    todo = []
    for path in files:
        digest = file_hash(path)
        old = by_file.get(path.name)
        if old and old.content_hash == digest:
            report.documents.append(
                DocReport(path.name, old.doc_id, status="unchanged", chunks=old.chunks, labelled=old.labelled)
            )
        else:
            todo.append((path, digest))

    if todo:
        interrupted.touch()
    embedder = get_embedder(settings.embedding.model) if todo else None  # loaded only when something is embedded
    bar = tqdm(todo, desc="indexing", unit="doc", disable=not show_progress or not todo)
    for n, (path, digest) in enumerate(bar):
        if progress:
            progress(n / max(1, len(todo)), f"indexing {path.name}")
        t0 = time.perf_counter()
        try:
            doc = load_document(
                path, catalogue.get(path.name), max_file_mb=settings.max_file_mb, max_pages=settings.max_pages
            )
            clean = clean_document(doc)
            chunks = chunk_document(clean, settings.chunking)
            if not chunks:
                raise LoadError(path, "no text to index after cleaning")
            if path.name in added:  # a user's upload: every chunk, and so every citation, says who added it
                chunks = [replace(c, added_by=added[path.name].added_by, added_at=added[path.name].added_at)
                          for c in chunks]
            spans = [(c, s, e) for c in chunks for s, e in quote_spans(c.text)]
            sentences = [SentenceRecord(c.chunk_id, c.doc_id, s, e) for c, s, e in spans]
            vectors = embedder.encode_documents([c.text for c in chunks] + [c.text[s:e] for c, s, e in spans],
                                                settings.embedding.batch_size)
        except LoadError as exc:
            log.error("skipped %s", exc)
            report.documents.append(DocReport(path.name, status="failed", error=exc.reason))
            continue
        doc_id = doc.meta.doc_id
        old = by_file.get(path.name)
        if old:
            store.delete_document(old.doc_id)
        if doc_id in records and records[doc_id].file_name != path.name:
            doc_id = f"{doc_id}-{digest[:8]}"  # two files with one slug: keep both
            chunks = [_rename(c, doc_id) for c in chunks]
            sentences = [_rename_sentence(s, doc_id) for s in sentences]
        store.delete_document(doc_id)
        store.add_sentences(sentences, vectors[len(chunks):])
        store.add_chunks(chunks, vectors[: len(chunks)])
        labelled = sum(1 for c in chunks if c.label)
        record = DocRecord(
            doc_id=doc_id, file_name=path.name, content_hash=digest, title=doc.meta.title,
            symbol=doc.meta.symbol, kind=doc.meta.kind, year=doc.meta.year, chunks=len(chunks),
            labelled=labelled, indexed_at=time.time(),
        )
        store.mark_document(record)
        records[doc_id] = record
        report.documents.append(
            DocReport(path.name, doc_id, chunks=len(chunks), labelled=labelled, seconds=time.perf_counter() - t0)
        )
    if settings.retrieval.second_dense_model:
        if progress:
            progress(0.99, f"embedding with {settings.retrieval.second_dense_model}")
        chunk_vectors(settings, settings.retrieval.second_dense_model, store.all_chunks())
    if settings.retrieval.bridge_per_word > 0 and (todo or gone or not bridge_cache(settings).exists()):
        if progress:
            progress(0.99, "embedding the library's words")
        words = library_words(store.all_chunks(), settings.retrieval.bridge_min_count)
        word_vectors(words, bridge_cache(settings), embedder or get_embedder(settings.embedding.model))
    if progress:
        progress(1.0, "done")
    report.total_chunks = store.count()
    interrupted.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - started
    return report


def _rename(chunk, doc_id: str):
    return replace(chunk, doc_id=doc_id, chunk_id=f"{doc_id}#{chunk.ordinal:05d}")


def _rename_sentence(sentence: SentenceRecord, doc_id: str) -> SentenceRecord:
    return replace(sentence, doc_id=doc_id, chunk_id=f"{doc_id}#{sentence.chunk_id.rsplit('#', 1)[1]}")
