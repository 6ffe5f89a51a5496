"""`Assistant`: the one object the app, the CLI and the benchmarks talk to."""
from __future__ import annotations

import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from indexing.catalogue import load_catalogue
from indexing.config import Settings
from indexing.language import answer_language, detect_language, normalize, other_language, script_language
from indexing.language import Language, search_terms, tokens
from indexing.loaders import LoadError, load_document
from indexing.models import Chunk, DocumentMeta
from indexing.pipeline import IndexReport, index_library, library_files, open_store
from indexing.store import DocRecord

from .answering import OTHER_LANGUAGE, SentencePicker, abstain_text, build_citations, by_document, intro
from .answering import not_mentioned_intro, unknown_share
from .answering import quantity_focus
from .answering import support as evidence_support
from .glossary import Glossary
from .models import Answer, Filters, Passage, Translation
from .parallel import ParallelVersions
from .reading_aid import ReadingAids
from .question import QuestionReader, Registers, Speller, Subjects, library_vocabulary
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


TRANSLATION = {
    "label": {"en": "Machine translation ({backend}), not a quote: the original beside it is what the document says.",
              "ar": "ترجمة آلية ({backend})، وليست اقتباساً: النص الأصلي بجانبها هو ما تقوله الوثيقة."},
    "no_model": {"en": "Translation needs a language model; none is configured (see README, 'A language model').",
                 "ar": "تحتاج الترجمة إلى نموذج لغوي، ولم يُضبط أي نموذج (انظر README)."},
    "unknown": {"en": "That passage is not in the library (it may have been removed or re-indexed).",
                "ar": "هذا المقطع ليس في المكتبة (ربما حُذف أو أعيدت فهرسته)."},
    "empty": {"en": "The language model returned no translation.", "ar": "لم يُرجع النموذج اللغوي أي ترجمة."},
    "untranslated": {"en": "The language model ({backend}) did not translate the passage (its reply is not in English).",
                     "ar": "لم يترجم النموذج اللغوي ({backend}) المقطع (ردّه ليس بالعربية)."},
}


class Assistant:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.store = open_store(self.settings)
        self.glossary = Glossary.load(self.settings.glossary_path)
        self.aids = ReadingAids(self.glossary)
        self._parallel: ParallelVersions | None = None
        self.retriever = Retriever(self.settings, self.store, self.glossary, self._metas())
        self.picker = self._picker()
        self.registers = Registers.load(self.settings.registers_path)
        self.reader = self._reader()
        self._generator = None
        self._generator_error = ""

    # -- library -----------------------------------------------------------------------------------
    def _metas(self) -> list[DocumentMeta]:
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

    def _picker(self) -> SentencePicker:
        cfg = self.settings.answer
        return SentencePicker(self.retriever.lexical.idf, self.retriever.sentences, cfg.sentence_dense_weight,
                              cfg.covered_weight, cfg.rank_decay, cfg.min_gain_ratio)

    def _reader(self) -> QuestionReader:
        cfg = self.settings.question
        library_text = " ".join(" ".join(tokens(c.search_text)) for c in self.retriever.chunks)
        texts = [library_text, *(f for t in self.glossary.terms for f in (*t.en, *t.ar)), *self.registers.rules.values()]
        vocabulary = library_vocabulary(texts)
        speller = Speller(vocabulary, cfg.spelling_min_length, cfg.spelling_max_distance) if cfg.spelling else None
        known = {normalize(w) for w in self.registers.rules} | library_vocabulary(
            [f for t in self.glossary.terms for f in t.en])
        self.subjects = Subjects(library_text, vocabulary, known, (speller or Speller(vocabulary)).known)
        return QuestionReader(self.registers, speller, vocabulary)

    def documents(self) -> list[DocRecord]:
        return sorted(self.store.documents().values(), key=lambda r: r.doc_id)

    def index(self, progress=None, show_progress: bool = True) -> IndexReport:
        report = index_library(self.settings, self.store, progress=progress, show_progress=show_progress)
        self.refresh()
        return report

    def refresh(self) -> None:
        self.retriever.parser = type(self.retriever.parser)(self._metas())
        self.retriever.reload()
        self._parallel = None
        self.picker = self._picker()
        self.reader = self._reader()
        if self._generator is not None:
            self._generator.picker = self.picker

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

    def remove_document(self, doc_id: str) -> bool:
        """Delete a document's file from the library and its chunks from the index."""
        record = self.store.documents().get(doc_id)
        if record is None:
            return False
        path = (self.settings.corpus_dir / record.file_name).resolve()
        if self.settings.corpus_dir.resolve() in path.parents and path.exists():
            path.unlink()
        self.store.delete_document(doc_id)
        self.refresh()
        return True

    def paragraph(self, doc_id: str, label: str) -> list[Chunk]:
        return self.retriever.paragraph(doc_id, label) or self.retriever.at_place(doc_id, label)

    def labels(self, doc_id: str) -> list[str]:
        return self.retriever.labels(doc_id) or self.retriever.places(doc_id)  # unnumbered: section and ¶

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
        stripped = question.strip()
        language = detect_language(stripped) if stripped else "en"
        if not re.search(r"[^\W_]", stripped):
            lang = answer_language(script_language(stripped))  # no letters: Arabic punctuation still tells
            yield EMPTY_QUESTION[lang]
            yield Answer(question, lang, intro=EMPTY_QUESTION[lang], abstained=True, notices=(EMPTY_QUESTION[lang],),
                         timings={"total_ms": (time.perf_counter() - started) * 1000})
            return
        notices = []
        limit = self.settings.question.max_chars
        if len(stripped) > limit:
            stripped = stripped[:limit]
            notices.append(TRUNCATED.format(n=limit))
        lang = answer_language(language)
        if language not in ("ar", "en", "und"):
            notices.append(OTHER_LANGUAGE.format(lang=language))
        previous = history.last if history else None
        stripped = self.reader.search_text(stripped) if self.settings.question.rewrite else stripped
        topic, context_docs = context_for(stripped, previous)
        generator = self.generator() if topic else None  # a topic means `previous` exists and this follows up
        if generator is not None:
            # A model rewrites the follow-up into a standalone question instead of carrying the topic along.
            rewritten = generator.rewrite(stripped, previous.question, previous.answer_text)
            if rewritten != stripped:
                topic, stripped = "", rewritten
        if previous is not None and (topic or context_docs):
            notices.append(READ_WITH_PREVIOUS[lang].format(q=previous.question[:200]))
        retrieval = self.retriever.retrieve(stripped, filters, context_docs=context_docs, topic=topic)
        missing = self.subjects.missing(question) if self.settings.question.subjects else []
        response = Response(self._answer(stripped, lang, retrieval, missing))
        yield from response
        answer = self._annotate(response.answer)
        answer = replace(
            answer, question=question, notices=(*notices, *answer.notices),
            standalone_question=answer.standalone_question or (f"{topic}\n{stripped}".strip() if topic else stripped),
            timings={**answer.timings, **retrieval.timings},
        )
        answer.timings["total_ms"] = (time.perf_counter() - started) * 1000
        if history is not None:
            docs = tuple(dict.fromkeys(c.doc_id for c in answer.citations)) or tuple(retrieval.filters.doc_ids)
            history.add(Turn(stripped, answer.standalone_question[-1000:], docs, body(answer)))
        yield answer

    def generator(self):
        """The language-model answerer the settings ask for, built on first use; None for `none` or on failure."""
        if self.settings.llm.backend == "none" or self._generator_error:
            return None
        if self._generator is None:
            from .generation import Generator
            from .llm import LLMUnavailable, make_chat_model

            try:
                model = make_chat_model(self.settings.llm)
                self._generator = Generator(model, self.settings.prompts_dir, self.picker, self.retriever.embedder,
                                            timeout_s=self.settings.llm.timeout_s,
                                            max_passages=self.settings.llm.max_passages,
                                            passage_chars=self.settings.llm.passage_chars,
                                            prompt_chars=self.settings.llm.prompt_chars)
            except (LLMUnavailable, FileNotFoundError) as exc:
                log.error("language model unavailable, answering extractively: %s", exc)
                self._generator_error = str(exc)
                return None
        return self._generator

    def _answer(self, question: str, language: Language, retrieval: Retrieval,
                missing: list[str] = ()) -> Iterator[str | Answer]:
        """Extractive by default; with a model, generated and checked (the abstain rule runs first, so weak
        evidence never reaches the model). A subject the library never mentions is said plainly; what the
        documents say on the wider subject follows, labelled as not about it."""
        answer = self._annotate(self._extractive(question, language, retrieval))
        if missing:
            answer = replace(answer, intro=not_mentioned_intro(language, list(missing), not answer.abstained),
                             abstained=True)
        generator = None if answer.abstained else self.generator()
        if generator is None:
            if self._generator_error and not answer.abstained:
                answer = replace(answer, notices=(
                    f"The language model is unavailable ({self._generator_error}); extractive answer.",))
            for line in body(answer).splitlines(keepends=True):
                yield line
            yield answer
            return
        yield from generator.stream(question, language, retrieval.passages, fallback=answer)

    def _annotate(self, answer: Answer) -> Answer:
        """Reading aids under the quotes in the other language and the matching text of other language
        versions, before the answer is streamed or rendered."""
        answer = self.parallel().annotate(answer, self.retriever.by_id.get)
        return self.aids.annotate(answer, {m.doc_id: m for m in self.retriever.parser.metas})

    def parallel(self) -> ParallelVersions:
        """The library's language versions, re-read when the library changes."""
        if self._parallel is None:
            r = self.retriever
            self._parallel = ParallelVersions(r.parser.metas, r.by_doc, r.sentences, r.embedder,
                                              self.settings.answer.parallel_min_score)
        return self._parallel

    def translate(self, chunk_id: str, language: str, start: int | None = None, end: int | None = None) -> Translation:
        """A labelled machine translation of a passage (or of the span [start, end) of it, document offsets),
        made by the configured language model; without one, or when it fails, the reason instead."""
        lang = answer_language(language)
        chunk = self.retriever.by_id.get(chunk_id)
        if chunk is None:
            return Translation(chunk_id, "", lang, error=TRANSLATION["unknown"][lang])
        original = chunk.text
        if start is not None and end is not None and chunk.start <= start < end <= chunk.end:
            original = chunk.text[start - chunk.start: end - chunk.start]
        generator = self.generator()
        if generator is None:
            reason = self._generator_error or TRANSLATION["no_model"][lang]
            return Translation(chunk_id, original, lang, error=reason)
        try:
            text = generator.translate(original, lang)
        except Exception as exc:
            log.warning("translation failed: %s", exc)
            return Translation(chunk_id, original, lang, backend=generator.backend, error=f"{type(exc).__name__}: {exc}")
        if not text:
            return Translation(chunk_id, original, lang, backend=generator.backend, error=TRANSLATION["empty"][lang])
        if script_language(text) != lang:  # a small model often copies the passage instead of translating it
            return Translation(chunk_id, original, lang, backend=generator.backend,
                               error=TRANSLATION["untranslated"][lang].format(backend=generator.backend))
        return Translation(chunk_id, original, lang, text=text, backend=generator.backend,
                           label=TRANSLATION["label"][lang].format(backend=generator.backend))

    def support(self, question: str, retrieval: Retrieval) -> float:
        """Evidence strength (see `answering.support`); a paragraph named by reference is always enough."""
        if retrieval.referenced:
            return float("inf")
        # The number must sit next to the thing counted, named in either language; only for nouns the
        # glossary can translate (elsewhere the documents may count it under another word).
        focus = quantity_focus(question)
        other = self.glossary.expand(focus, retrieval.language) if focus else ""
        other += " " + self.glossary.expand(focus, other_language(retrieval.language)) if focus else ""
        focus_terms = set(search_terms(f"{focus} {other}")) if other.strip() else set()
        return evidence_support(self.picker, question, retrieval.expansion, retrieval.passages,
                                depth=self.settings.answer.support_depth, focus_terms=focus_terms)

    def _foreign(self, question: str, retrieval: Retrieval) -> bool:
        """Most of the question's words are words the library never uses (in a language the setting names: the
        library's vocabulary speaks for its main language only)."""
        cfg = self.settings.answer
        if retrieval.referenced or retrieval.language not in cfg.unknown_terms_languages:
            return False
        vocabulary = self.retriever.lexical.vocabulary
        return unknown_share(question, vocabulary, self.settings.retrieval.stemming) >= cfg.unknown_terms_share

    def _extractive(self, question: str, language: Language, retrieval: Retrieval) -> Answer:
        t0 = time.perf_counter()
        passages = retrieval.passages
        strength = self.support(question, retrieval)
        if not passages or strength < self.settings.answer.abstain_threshold or self._foreign(question, retrieval):
            return Answer(question, language, intro=abstain_text(language), passages=tuple(passages), abstained=True,
                          support=strength, timings={"answer_ms": (time.perf_counter() - t0) * 1000})
        cfg = self.settings.answer
        referenced = {c.chunk_id for c in retrieval.referenced}
        named = [p for p in passages if p.chunk.chunk_id in referenced]
        docs = [d for d in retrieval.refs.doc_ids if any(p.chunk.doc_id == d for p in passages)]

        def pick(use: list[Passage], most: int, per_passage: int):
            return self.picker.pick(question, retrieval.expansion, use, most, per_passage,
                                    question_vector=retrieval.query_vector)

        if named:  # a paragraph the question names is what the reader wants to see: quote it at length
            sentences = pick(named, cfg.named_paragraph_sentences, cfg.named_paragraph_sentences)
        elif len(docs) > 1:  # "does A agree with B?": an equal share of the answer for each document named
            share = -(-cfg.max_sentences // len(docs))
            sentences = [s for d in docs for s in pick(
                [p for p in passages if p.chunk.doc_id == d][: max(1, cfg.passages // len(docs))],
                share, cfg.max_per_passage)]
        else:
            sentences = pick(passages[: cfg.passages], cfg.max_sentences, cfg.max_per_passage)
        citations = build_citations(sentences, language)
        return Answer(question, language, intro=intro(language), groups=by_document(citations), citations=citations,
                      passages=tuple(passages), support=strength,
                      timings={"answer_ms": (time.perf_counter() - t0) * 1000})


def safe_file_name(name: str) -> str:
    """Keep letters (Arabic too), digits, dot, dash and underscore; no path parts, no leading dots."""
    name = Path(name.replace("\\", "/")).name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = re.sub(r"[^\w\-]+", "_", stem, flags=re.UNICODE).strip("._") or "document"
    suffix = re.sub(r"[^\w]+", "", suffix)[:8]
    return f"{stem[:120]}.{suffix}" if suffix else stem[:120]


__all__ = ["Assistant", "Answer", "Filters", "Passage", "Session", "safe_file_name", "library_files"]
