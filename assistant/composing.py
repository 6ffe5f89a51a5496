"""Composing the extractive answer: its intro in the question's language, the picked sentences as numbered
citations in reading order, grouped by document; and the plain words of an abstention."""
from __future__ import annotations

from .models import Citation, CitationGroup
from .render.references import references
from .sentence_picker import Sentence

INTRO = {"ar": "تنص الوثائق على ما يلي:", "en": "The documents say:"}
ABSTAIN = {
    # Where the nearest passages are shown is each output's to say (the app: its Sources panel).
    "ar": "لا تجيب الوثائق المتاحة عن هذا السؤال.",
    "en": "The documents do not answer this question.",
}
NOT_MENTIONED = {
    "ar": "لا تذكر الوثائق المتاحة {names}.",
    "en": "The documents do not mention {names}.",
}
NO_FIGURES = {
    "ar": "لا تقدم الوثائق المتاحة أرقاماً عن {names}.",
    "en": "The documents give no figures for {names}.",
}
GENERAL_ONLY = {
    "ar": "ما تقوله عن الموضوع العام، وهو لا يخص {names}:",
    "en": "What they say on the wider subject, not specific to {names}:",
}
OTHER_LANGUAGE = "Your question seems to be in another language ({lang}); answering in English."


def reading_order(sentences: list[Sentence], first: list[Sentence] | tuple = ()) -> list[Sentence]:
    """Documents in order of their best sentence, a document's passages in order of theirs (the best evidence
    first), a passage's sentences in text order (a paragraph reads as written); `first` (the defining sentence
    of a definition question) before them all, its document and passage leading."""
    docs: list[str] = []
    chunks: list[str] = []
    lead = {id(s) for s in first}
    for s in [*first, *sentences]:
        if s.passage.chunk.doc_id not in docs:
            docs.append(s.passage.chunk.doc_id)
        if s.passage.chunk.chunk_id not in chunks:
            chunks.append(s.passage.chunk.chunk_id)
    return sorted(sentences, key=lambda s: (id(s) not in lead, docs.index(s.passage.chunk.doc_id),
                                            chunks.index(s.passage.chunk.chunk_id), s.start))


def build_citations(sentences: list[Sentence], language: str = "en", first: list[Sentence] | tuple = ()
                    ) -> tuple[Citation, ...]:
    """Citations in reading order (`first` leading), each located where its quote starts, in the asker's language."""
    ref = references(language)
    out = []
    for n, s in enumerate(reading_order(sentences, first), 1):
        c = s.passage.chunk
        start = c.start + s.start
        out.append(
            Citation(
                n=n, doc_id=c.doc_id, file_name=c.file_name, title=ref.title(c), symbol=c.symbol, label=c.label,
                page=c.page_at(start), quote=s.text, start=start, end=c.start + s.end, chunk_id=c.chunk_id,
                locator=ref.locate(c, start), added_by=c.added_by, added_at=c.added_at,
            )
        )
    return tuple(out)


def by_document(citations: list[Citation]) -> tuple[CitationGroup, ...]:
    """The citations grouped per document, documents in order of their first citation."""
    order = list(dict.fromkeys(c.doc_id for c in citations))
    groups = []
    for doc_id in order:
        cites = tuple(c for c in citations if c.doc_id == doc_id)
        groups.append(CitationGroup(doc_id, cites[0].symbol or cites[0].title, cites))
    return tuple(groups)


def intro(language: str) -> str:
    return INTRO["ar" if language == "ar" else "en"]


def abstain_text(language: str) -> str:
    return ABSTAIN["ar" if language == "ar" else "en"]


def not_mentioned_intro(language: str, names: list[str], general: bool) -> str:
    """The subject the library lacks, said plainly; then either the plain abstention or the label for what the
    documents say on the wider subject."""
    return _lacking_intro(NOT_MENTIONED, language, names, general)


def no_figures_intro(language: str, years: list[str], general: bool) -> str:
    """A year the documents give no figures for, said plainly; then the abstention or the label for the figures
    they do give (other years', not that one's)."""
    return _lacking_intro(NO_FIGURES, language, years, general)


def _lacking_intro(heads: dict[str, str], language: str, names: list[str], general: bool) -> str:
    lang = "ar" if language == "ar" else "en"
    joined = (" و" if lang == "ar" else " and ").join(names)
    head = heads[lang].format(names=joined)
    return f"{head} {GENERAL_ONLY[lang].format(names=joined) if general else ABSTAIN[lang]}"
