"""The same place in another language version of a cited document.

UN documents are published in several official languages with the same paragraph numbers. When the library
holds two versions of one document (the catalogue links them with `parallel = [...]`, or they share a UN
symbol), a citation of one is shown with the matching text of the other: inside the paragraph with the same
label where the documents are numbered, else the sentence closest in meaning over the whole other version
(the multilingual embeddings put a sentence and its translation close together). The score is shown, the
text of each version stays verbatim.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from indexing.language import script_language
from indexing.models import Chunk, DocumentMeta

from .models import Answer, Citation, ParallelText
from .sentence_index import SentenceVectors


@dataclass(frozen=True)
class _Version:
    meta: DocumentMeta
    chunks: tuple[Chunk, ...]


class ParallelVersions:
    def __init__(self, metas: list[DocumentMeta], by_doc: dict[str, list[Chunk]], sentences: SentenceVectors,
                 embedder, min_score: float):
        self.sentences = sentences
        self.embedder = embedder
        self.min_score = min_score
        self.by_doc = by_doc
        self.metas = {m.doc_id: m for m in metas if m.doc_id in by_doc}
        self._partners: dict[str, list[str]] = {d: [] for d in self.metas}
        for m in self.metas.values():
            for other in self.metas.values():
                if other.doc_id == m.doc_id:
                    continue
                linked = other.doc_id in m.parallel or m.doc_id in other.parallel
                if linked or (m.symbol and m.symbol == other.symbol):
                    self._partners[m.doc_id].append(other.doc_id)

    def partners(self, doc_id: str) -> list[str]:
        return self._partners.get(doc_id, [])

    def match(self, quote: str, chunk: Chunk, partner: str) -> ParallelText | None:
        """The partner's text for `quote` (from `chunk`): by label when both carry it, else by meaning."""
        candidates = [c for c in self.by_doc.get(partner, []) if not c.is_heading]
        method = "meaning"
        if chunk.label:
            same = [c for c in candidates if c.label == chunk.label]
            if same:
                candidates, method = same, "label"
        if not candidates:
            return None
        got = self.sentences.of(candidates)
        vector = np.asarray(self.embedder.encode_documents([quote])[0], dtype=np.float32)
        best: tuple[float, Chunk, int, int] | None = None
        for c in candidates:
            spans, matrix = got[c.chunk_id]
            if not spans:
                continue
            sims = matrix @ vector
            i = int(np.argmax(sims))
            if best is None or sims[i] > best[0]:
                best = (float(sims[i]), c, *spans[i])
        if best is None:
            return None
        score, c, s, e = best
        if method == "meaning" and score < self.min_score:
            return None
        meta = self.metas[partner]
        return ParallelText(doc_id=partner, title=meta.title, language=script_language(c.text[s:e]),
                            label=c.label, page=c.page, quote=c.text[s:e], start=c.start + s, end=c.start + e,
                            chunk_id=c.chunk_id, score=round(score, 3), method=method)

    def annotate(self, answer: Answer, chunk_of) -> Answer:
        """Each citation of a document with another version, with that version's matching text."""
        if not any(self.partners(c.doc_id) for c in answer.citations):
            return answer
        changed: dict[int, Citation] = {}
        for c in answer.citations:
            chunk = chunk_of(c.chunk_id)
            if chunk is None or c.parallel:
                continue
            found = tuple(p for partner in self.partners(c.doc_id) if (p := self.match(c.quote, chunk, partner)))
            if found:
                changed[c.n] = replace(c, parallel=found)
        return answer.with_citations(changed)
