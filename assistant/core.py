"""`Assistant`: the one object the app, the CLI, MCP and the benchmarks talk to.

It holds the parts and chains them for a question: validate -> follow-up -> retrieve -> answer. The parts
do the work: the `Library` (files, catalogue, uploads, removal), the `Retriever`, the question reader and
the `Answerer` (abstain rule, quotas, extractive or generated answer).
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from indexing.config import Settings
from indexing.language import answer_language, detect_language, normalize, script_language, tokens
from indexing.models import Chunk
from indexing.pipeline import IndexReport, library_files, open_store
from indexing.store import DocRecord

from .answerer import Answerer, LanguageModel
from .composing import OTHER_LANGUAGE
from .figures import FigureReader, FiguresIndex, FigureWords
from .glossary import Glossary
from .library import Library, safe_file_name
from .models import Answer, Filters, Passage, Translation
from .parallel import ParallelVersions
from .recommendations import GENERAL, Recommendation, link
from .question import Body, QuestionReader, Registers, Speller, Subjects, library_vocabulary
from .render.markdown import body
from .response import Response
from .retrieval import Retrieval, Retriever
from .sessions import Session, Turn, context_for

log = logging.getLogger(__name__)

EMPTY_QUESTION = {
    "ar": "يرجى كتابة سؤال عن الوثائق.",
    "en": "Please type a question about the documents.",
}
TRUNCATED = "Your question was long; only its first {n} characters were used."
READ_WITH_PREVIOUS = {
    "ar": "قُرئ هذا السؤال مع سؤالك السابق: «{q}». اطرحه وحده إن كان موضوعاً جديداً.",
    "en": "Read together with your previous question: “{q}”. Ask it on its own if it is a new topic.",
}


@dataclass(frozen=True)
class Asked:
    """A question as validated: the text to search with, the answer language and what the reader is told."""

    text: str
    language: str
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    """The question read against the previous turn: the standalone text, a carried topic, its documents."""

    text: str
    topic: str = ""
    context_docs: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    read_with: str = ""  # the previous question this one was read with, or ""


class Assistant:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.store = open_store(self.settings)
        self.library = Library(self.settings, self.store)
        self.glossary = Glossary.load(self.settings.glossary_path, self.settings.retrieval.glossary_inflections,
                                      self.settings.retrieval.glossary_bare_forms)
        self.registers = Registers.load(self.settings.registers_path)
        if self.settings.question.arabic_full_forms:
            self.registers = self.registers.in_arabic(self.glossary)
        self.llm = LanguageModel(self.settings)  # kept across refreshes: a local model is slow to load
        self._seen = self._manifest()
        self.retriever = Retriever(self.settings, self.store, self.glossary, self.library.metas())
        self._build()

    def _build(self) -> None:
        """The question-time parts that depend on the library's contents, built from the settings."""
        self.answerer = Answerer(self.settings, self.retriever, self.glossary, self.llm, figures=self.figures)
        self.reader, self.subjects = self._reader()

    def _reader(self) -> tuple[QuestionReader, Subjects]:
        cfg = self.settings.question
        library_text = " ".join(" ".join(tokens(c.search_text)) for c in self.retriever.chunks)
        texts = [library_text, *(f for t in self.glossary.terms for f in (*t.en, *t.ar)), *self.registers.rules.values()]
        vocabulary = library_vocabulary(texts)
        speller = (Speller(vocabulary, cfg.spelling_min_length, cfg.spelling_max_distance, cfg.spelling_two_edits_from)
                   if cfg.spelling else None)
        known = {normalize(w) for w in self.registers.rules} | library_vocabulary(
            [f for t in self.glossary.terms for f in t.en])
        subjects = Subjects(library_text, vocabulary, known, (speller or Speller(vocabulary)).known, speller,
                            cfg.unknown_word_min_length, Body.load(self.settings.bodies_path) if cfg.bodies else [],
                            regional=cfg.regional_names)
        return QuestionReader(self.registers, speller, vocabulary), subjects

    def warm_up(self) -> None:
        """Build the parts a first question would otherwise wait for (the speller's index, the word bridge,
        the sentence vectors, the encoders' first call, the country names, the figures table).

        The app runs this in the background at start-up; `eval` and the bench run it before timing."""
        if self.reader.speller:
            self.reader.speller.warm()
        if self.settings.retrieval.bridge_per_word > 0:
            self.retriever.bridge
        self.retriever.warm_up()
        self.subjects.warm()
        self.figures()

    def refresh(self) -> None:
        """Rebuild the parts from the settings and the library as it now is (after indexing, or a setting changed)."""
        self._seen = self._manifest()  # read first: a change while the parts are built is seen next time
        self.retriever = Retriever(self.settings, self.store, self.glossary, self.library.metas())
        self._build()

    def _manifest(self) -> dict[str, tuple[str, float]]:
        return {d: (r.content_hash, r.indexed_at) for d, r in self.store.documents().items()}

    def refresh_if_changed(self) -> bool:
        """Rebuild when another process (an app replica, `policy-assistant index`) changed the store's document
        manifest since this one last read it; one small read of the manifest otherwise."""
        if self._manifest() == self._seen:
            return False
        self.refresh()
        return True

    # -- library -----------------------------------------------------------------------------------
    @property
    def picker(self):
        return self.answerer.picker

    def documents(self) -> list[DocRecord]:
        return self.library.documents()

    def index(self, progress=None, show_progress: bool = True) -> IndexReport:
        report = self.library.index(progress=progress, show_progress=show_progress)
        self.refresh()
        return report

    def add_files(self, paths: list[Path], progress=None, token: str | None = None) -> tuple[IndexReport, list[str]]:
        """An editor's uploads copied into the library under safe names and indexed; what failed and why."""
        return self._changed(self.library.add_files(paths, progress=progress, token=token))

    def replace_document(self, doc_id: str, path: Path, progress=None, token: str | None = None,
                         confirm: bool = False) -> tuple[IndexReport, list[str]]:
        """A new file in a document's place; the old one kept as a version (`Library.replace`)."""
        return self._changed(self.library.replace(doc_id, path, progress, token=token, confirm=confirm))

    def remove_document(self, doc_id: str, token: str | None = None, confirm: bool = False):
        """A document's file to the trash and its chunks out of the index (`Library.remove`)."""
        return self._changed(self.library.remove(doc_id, token=token, confirm=confirm))

    def restore(self, kept_id: str, progress=None, token: str | None = None):
        """A removed document back from the trash, file and passages (`Library.restore`)."""
        return self._changed(self.library.restore(kept_id, progress, token=token))

    def restore_version(self, doc_id: str, kept_id: str, progress=None, token: str | None = None):
        """A kept version back in its document's place (`Library.restore_version`)."""
        return self._changed(self.library.restore_version(doc_id, kept_id, progress, token=token))

    def _changed(self, result):
        self.refresh()
        return result

    def paragraph(self, doc_id: str, label: str) -> list[Chunk]:
        return self.retriever.paragraph(doc_id, label) or self.retriever.at_place(doc_id, label)

    def labels(self, doc_id: str) -> list[str]:
        return self.retriever.labels(doc_id) or self.retriever.places(doc_id)  # unnumbered: section and ¶

    def footnotes(self, doc_id: str) -> list[Chunk]:
        """The document's footnotes ("fn. 1"), which a paragraph run on past a page break may hold inside it."""
        return [c for c in self.retriever.by_doc.get(doc_id, []) if c.label.startswith("fn. ")]

    def paragraphs(self, doc_id: str):
        """The resolution at a glance: its OP/PP paragraphs with verb, force, addressees and topic; [] for a
        document without them (see `paragraph_table`)."""
        return self.answerer.paragraphs.rows(self.retriever.by_doc.get(doc_id, []))

    def figures(self) -> FiguresIndex:
        """Every figure of the library with what it counts, where it is and its year (see `figures`); read
        once per state of the library."""
        if getattr(self, "_figures_of", None) is not self.retriever:
            cfg = self.settings.answer
            reader = FigureReader(FigureWords.load(self.settings.figure_words_path), self.glossary,
                                  cfg.figure_phrase_words, cfg.figure_lead_words, cfg.endnote_share)
            metas = {m.doc_id: m for m in self.library.metas()}
            self._figures = FiguresIndex.build(reader, self.retriever.by_doc,
                                               {d: m.year for d, m in metas.items()},
                                               {d: m.title for d, m in metas.items()})
            self._figures_of = self.retriever
        return self._figures

    def recommendation_groups(self) -> list[str]:
        """The addressee groups recommendations are listed under (`corpus/recommendations.toml`), then General."""
        return [g.name for g in self.retriever.recommendation_words.groups] + [GENERAL]

    def recommendations(self, doc_id: str = "") -> list[Recommendation]:
        """The recommendations parts of the library's reports (or of one document), item by item with its
        addressee, each linked to the resolution paragraphs nearest it in meaning (see `recommendations`)."""
        cfg = self.settings.answer
        docs = [doc_id] if doc_id else sorted(self.retriever.by_doc)
        found = [r for d in docs for r in self.retriever.recommendation_items.get(d, [])]
        paragraphs = [c for c in self.retriever.chunks if re.fullmatch(r"(?:OP|PP) \d+", c.label or "")]
        return link(found, self.retriever.embedder, paragraphs, self.store.vectors([c.chunk_id for c in paragraphs]),
                    cfg.recommendation_links, cfg.recommendation_link_min)

    def neighbours(self, chunk: Chunk) -> tuple[list[Chunk], list[Chunk]]:
        return self.retriever.neighbours(chunk)

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self.retriever.by_id.get(chunk_id)

    # -- questions ---------------------------------------------------------------------------------
    def retrieve(self, question: str, filters: Filters | None = None, k: int | None = None) -> Retrieval:
        return self.retriever.retrieve(question, filters, k)

    def as_retriever(self, k: int | None = None, filters: Filters | None = None):
        """A LangChain `BaseRetriever` over this hybrid retrieval (see langchain_retriever.py)."""
        from .langchain_retriever import LibraryRetriever

        return LibraryRetriever(assistant=self, k=k, filters=filters)

    def ask(
        self,
        question: str,
        history: Session | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        """Answer from the documents only: cited sentences, or a plain statement that they do not say."""
        return self.respond(question, history, filters).answer

    def respond(
        self,
        question: str,
        history: Session | None = None,
        filters: Filters | None = None,
    ) -> Response:
        """The answer as it is produced: iterate for its Markdown text (the app streams it into the chat),
        then read `.answer`."""
        return Response(self._events(question, history, filters))

    def _events(self, question: str, history: Session | None, filters: Filters | None) -> Iterator[str | Answer]:
        started = time.perf_counter()
        question = question or ""
        asked = self._validate(question)
        if asked is None:  # no letters: Arabic punctuation still tells the language to ask in
            lang = answer_language(script_language(question.strip()))
            yield EMPTY_QUESTION[lang]
            yield Answer(question, lang, intro=EMPTY_QUESTION[lang], abstained=True, notices=(EMPTY_QUESTION[lang],),
                         timings={"total_ms": (time.perf_counter() - started) * 1000})
            return
        previous = history.last if history else None
        follow = self._follow_up(asked, previous)
        retrieval = self.retriever.retrieve(follow.text, filters, context_docs=follow.context_docs, topic=follow.topic)
        missing = self.subjects.missing(question) if self.settings.question.subjects else []
        periods = self.subjects.periods(question) if self.settings.question.subjects else []
        places = self.subjects.countries_named(question) if self.settings.question.subjects else []
        response = Response(self.answerer.answer(follow.text, asked.language, retrieval, missing, periods, places,
                                                 self.subjects.mentions_country))
        yield from response
        answer = response.answer
        standalone = f"{follow.topic}\n{follow.text}".strip() if follow.topic else follow.text
        answer = replace(
            answer, question=question, notices=(*asked.notices, *follow.notices, *answer.notices),
            standalone_question=answer.standalone_question or standalone, read_with=follow.read_with,
            timings={**answer.timings, **retrieval.timings},
        )
        answer.timings["total_ms"] = (time.perf_counter() - started) * 1000
        if history is not None:
            docs = tuple(dict.fromkeys(c.doc_id for c in answer.citations)) or tuple(retrieval.filters.doc_ids)
            history.add(Turn(follow.text, answer.standalone_question[-1000:], docs, body(answer)))
        yield answer

    def _validate(self, question: str) -> Asked | None:
        """None for a question without letters; else cut to the longest length allowed, with its language."""
        stripped = question.strip()
        if not re.search(r"[^\W_]", stripped):
            return None
        language = detect_language(stripped)
        notices = []
        limit = self.settings.question.max_chars
        if len(stripped) > limit:
            stripped = stripped[:limit]
            notices.append(TRUNCATED.format(n=limit))
        if language not in ("ar", "en", "und"):
            notices.append(OTHER_LANGUAGE.format(lang=language))
        return Asked(stripped, answer_language(language), tuple(notices))

    def _follow_up(self, asked: Asked, previous: Turn | None) -> FollowUp:
        """The question in the search form, read with the previous turn when it follows up on it."""
        text = self.reader.search_text(asked.text) if self.settings.question.rewrite else asked.text
        topic, context_docs = context_for(text, previous)
        generator = self.generator() if topic else None  # a topic means `previous` exists and this follows up
        if generator is not None:
            # A model rewrites the follow-up into a standalone question instead of carrying the topic along.
            rewritten = generator.rewrite(text, previous.question, previous.answer_text)
            if rewritten != text:
                topic, text = "", rewritten
        notices, read_with = (), ""
        if previous is not None and (topic or context_docs):
            read_with = previous.question
            notices = (READ_WITH_PREVIOUS[asked.language].format(q=previous.question[:200]),)
        return FollowUp(text, topic, tuple(context_docs), notices, read_with)

    def generator(self):
        """The language-model answerer the settings ask for, built on first use; None for `none` or on failure."""
        return self.answerer.generator()

    def translate(self, chunk_id: str, language: str, start: int | None = None, end: int | None = None) -> Translation:
        """A labelled machine translation of a passage or a span of it (see `Answerer.translate`)."""
        return self.answerer.translate(chunk_id, language, start, end)

    def parallel(self) -> ParallelVersions:
        """The library's language versions (which documents are versions of which, and their matching text)."""
        return self.answerer.parallel

    def support(self, question: str, retrieval: Retrieval) -> float:
        """Evidence strength (see `Answerer.support`); a paragraph named by reference is always enough."""
        return self.answerer.support(question, retrieval)


__all__ = ["Assistant", "Answer", "Filters", "Passage", "Session", "safe_file_name", "library_files"]
