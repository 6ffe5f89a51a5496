"""`Answerer`: retrieved passages in, an `Answer` out — the abstain rule first, then the documents' own sentences
(or, with a language model, a generated answer checked against them).

It owns the answer policy: how strong the evidence must be (`support`), when a question is foreign to the
library, and how many sentences each passage and document may give (the quotas of `AnswerSettings`).
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

from indexing.config import Settings
from indexing.bibliography import is_bibliographic
from indexing.language import (Language, answer_language, normalize, other_language, script_language, search_terms,
                               tokens)
from indexing.sentences import quote_spans, sentences_of

from .composing import abstain_text, build_citations, by_document, intro, no_figures_intro, not_mentioned_intro
from .intent import (agreeing, asks_for_number, contrasted_terms, counted_units, defined_term, defines,
                     names_a_channel, numbered, quantity_focus)
from .sentence_picker import Sentence, SentencePicker
from .sub_items import complete as complete_sub_items
from .sub_items import left_out_notice
from .support import support as evidence_support
from .support import gives_a_count, naming_passages, unknown_share
from .glossary import Glossary
from .models import Answer, Citation, Passage, Translation
from .parallel import ParallelVersions
from .paragraph_table import DraftingLexicon, ParagraphTable, force_note
from .reading_aid import ReadingAids
from .render.references import references
from .render.markdown import body
from .retrieval import Retrieval, Retriever

log = logging.getLogger(__name__)

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


ITEMS_LEFT_OUT = {
    "en": "{n} more recommendations addressed to {group} in these passages are not quoted.",
    "ar": "في هذه المقاطع {n} توصيات أخرى موجهة إلى {group} لم تُقتبس.",
}

FIGURE_NOTICE = {
    "en": {"lead": "Figures quoted, with what each counts (figures index)", "sep": "; "},
    "ar": {"lead": "الأرقام المقتبسة وما يعدّه كل منها (فهرس الأرقام)", "sep": "؛ "},
}


class LanguageModel:
    """The chat model the settings ask for, made on first use and kept when the answerer is rebuilt (a local
    model takes seconds to load); None for backend `none` or once it has failed (`error` says why)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.model = None
        self.error = ""

    def get(self):
        if self.settings.llm.backend == "none" or self.error:
            return None
        if self.model is None:
            from .llm import LLMUnavailable, make_chat_model

            try:
                self.model = make_chat_model(self.settings.llm)
            except (LLMUnavailable, FileNotFoundError) as exc:
                self.failed(exc)
        return self.model

    def failed(self, exc: Exception) -> None:
        log.error("language model unavailable, answering extractively: %s", exc)
        self.error = str(exc)


class Answerer:
    def __init__(self, settings: Settings, retriever: Retriever, glossary: Glossary, llm: LanguageModel,
                 figures=None):
        self.settings = settings
        self.cfg = settings.answer
        self.glossary = glossary
        self.vocabulary = retriever.lexical.vocabulary
        self.embedder = retriever.embedder
        cfg = self.cfg
        self.picker = SentencePicker(cfg, retriever.lexical.idf, retriever.sentences)
        self.llm = llm
        self._generator = None
        self.chunk_of = retriever.by_id.get
        self.without_names = retriever.parser.without_names
        self.metas = {m.doc_id: m for m in retriever.parser.metas}
        self.items_of = retriever.items_by_chunk.get  # chunk id -> the recommendation items read from it
        self.figures = figures  # a callable giving the library's FiguresIndex (built on the first figures question)
        self._by_chunk: dict[str, list] | None = None
        self.aids = ReadingAids(glossary)
        self.paragraphs = ParagraphTable(DraftingLexicon.load(settings.drafting_verbs_path), glossary,
                                         cfg.addressee_window, cfg.topic_min_chars)
        self.parallel = ParallelVersions(retriever.parser.metas, retriever.by_doc, retriever.sentences,
                                         retriever.embedder, cfg.parallel_min_score)

    def generator(self):
        """The language-model answerer the settings ask for, built on first use; None for `none` or on failure."""
        if self.settings.llm.backend == "none" or self.llm.error:
            return None
        if self._generator is None:
            model = self.llm.get()
            if model is None:
                return None
            from .generation import Generator

            llm = self.settings.llm
            try:
                self._generator = Generator(model, self.settings.prompts_dir, self.picker, self.embedder,
                                            timeout_s=llm.timeout_s, max_passages=llm.max_passages,
                                            passage_chars=llm.passage_chars, prompt_chars=llm.prompt_chars)
            except FileNotFoundError as exc:
                self.llm.failed(exc)
                return None
        return self._generator

    def answer(self, question: str, language: Language, retrieval: Retrieval,
               missing: list[str] = (), periods: list[str] = (), places: list[tuple[str, str]] = (),
               mentions: Callable[[tuple[str, str], str], bool] | None = None) -> Iterator[str | Answer]:
        """Extractive by default; with a model, generated and checked (the abstain rule runs first, so weak
        evidence never reaches the model). A subject the library never mentions is said plainly; what the
        documents say on the wider subject follows, labelled as not about it. So is a year a figures question
        asks about (`periods`) that none of the top passages holds: the library may be dated that year, or give
        other years' figures, but a figure for it would be another year's. And so is a country a figures question
        names (`places`, (English, Arabic)) that no top sentence names by `mentions`."""
        answer = self.annotate(self.extractive(question, language, retrieval))
        answer = self.figure_notice(question, answer)
        undated = self.undated(question, retrieval, [y for y in periods if y not in missing])
        if missing:
            answer = replace(answer, intro=not_mentioned_intro(language, list(missing), not answer.abstained),
                             abstained=True)
        elif undated:
            answer = replace(answer, intro=no_figures_intro(language, undated, not answer.abstained), abstained=True)
        elif unplaced := self.unplaced(question, retrieval, places, mentions):
            names = [ar if language == "ar" else en for en, ar in unplaced]
            answer = replace(answer, intro=no_figures_intro(language, names, not answer.abstained), abstained=True)
        generator = None if answer.abstained else self.generator()
        if generator is None:
            if self.llm.error and not answer.abstained:
                answer = replace(answer, notices=(
                    f"The language model is unavailable ({self.llm.error}); extractive answer.",))
            for line in body(answer).splitlines(keepends=True):
                yield line
            yield answer
            return
        for event in generator.stream(question, language, retrieval.passages, fallback=answer):
            yield self.annotate(event) if isinstance(event, Answer) else event

    def undated(self, question: str, retrieval: Retrieval, periods: list[str]) -> list[str]:
        """The years a figures question asks about that no sentence of the top passages (`support_depth`) giving a
        count holds; an endnote's access date ("accessed 3 May 2022") does not count."""
        if not self.cfg.periods_in_evidence or not periods or not asks_for_number(question, exactly=False):
            return []
        # a year in a sentence without a count is a date or a title ("20 September 2022", "leaflet ... 2022")
        texts = [normalize(p.chunk.text[s:e]) for p, s, e in self._sentences(retrieval, self.cfg.support_depth)
                 if gives_a_count(p.chunk.text[s:e])]
        return [y for y in periods if not any(y in t for t in texts)]

    def unplaced(self, question: str, retrieval: Retrieval, places: list[tuple[str, str]],
                 mentions: Callable[[tuple[str, str], str], bool] | None) -> list[tuple[str, str]]:
        """The countries a figures question names that no sentence of the top passages (`support_depth`) names,
        but for one whose name scoped the search to its own document ("Qatar's figures")."""
        if not self.cfg.places_in_evidence or not places or mentions is None or not asks_for_number(question, exactly=False):
            return []
        own = [c for c in places if any(set(search_terms(n)) <= retrieval.name_terms for n in c)]
        places = [c for c in places if c not in own]
        if not places:
            return []
        texts = [" ".join(tokens(p.chunk.text[s:e])) for p, s, e in self._sentences(retrieval, self.cfg.support_depth)]
        return [c for c in places if not any(mentions(c, t) for t in texts)]

    def _sentences(self, retrieval: Retrieval, depth: int) -> Iterator[tuple[Passage, int, int]]:
        """Each sentence (passage, start, end) of the top `depth` passages that is not an endnote's link or date."""
        for p in retrieval.passages[:depth]:
            text = p.chunk.text
            for s, e in sentences_of(text):
                if not is_bibliographic(text[s:e], self.cfg.endnote_share):
                    yield p, s, e

    def figure_notice(self, question: str, answer: Answer) -> Answer:
        """Under the answer to a figures question, each quoted figure with what it counts, read from the figures
        index (so a number the PDF pushed to the end of its line is still tied to its phrase)."""
        if answer.abstained or not answer.citations or self.figures is None or not asks_for_number(question, exactly=False):
            return answer
        if self._by_chunk is None:
            by: dict[str, list] = {}
            for f in self.figures().figures:
                by.setdefault(f.chunk_id, []).append(f)
            self._by_chunk = by
        found = list({(f.value, f.counts, c.n): (f, c.n) for c in answer.citations
                      for f in self._by_chunk.get(c.chunk_id, []) if c.start <= f.start < c.end and f.counts
                      }.values())[: self.cfg.figure_notice_max]
        if not found:
            return answer
        words = FIGURE_NOTICE["ar" if answer.language == "ar" else "en"]
        listed = words["sep"].join(f"{f.value} — {f.counts} [{n}]" for f, n in found)
        return replace(answer, notices=(*answer.notices, f"{words['lead']}: {listed}"))

    def annotate(self, answer: Answer) -> Answer:
        """Reading aids under the quotes in the other language and the matching text of other language
        versions, before the answer is streamed or rendered."""
        return self.force_notes(self.aids.annotate(self.parallel.annotate(answer, self.chunk_of), self.metas))

    def force_notes(self, answer: Answer) -> Answer:
        """Under a quote from a resolution's OP/PP, its verb and force: "does it require X?" turns on them."""
        def note(c: Citation) -> Citation:
            chunk = self.chunk_of(c.chunk_id)
            if chunk is None or not re.fullmatch(r"(?:OP|PP) \d+", c.label or ""):
                return c
            written, verb, _ = self.paragraphs.verb_and_addressees(chunk.text)
            if verb is None:
                return c
            return replace(c, force_note=force_note(references(answer.language).label(c.label), written, verb,
                                                    answer.language))

        return answer.with_citations({c.n: note(c) for c in answer.citations})  # each paragraph read once

    def translate(self, chunk_id: str, language: str, start: int | None = None, end: int | None = None) -> Translation:
        """A labelled machine translation of a passage (or of the span [start, end) of it, document offsets),
        made by the configured language model; without one, or when it fails, the reason instead."""
        lang = answer_language(language)
        chunk = self.chunk_of(chunk_id)
        if chunk is None:
            return Translation(chunk_id, "", lang, error=TRANSLATION["unknown"][lang])
        original = chunk.text
        if start is not None and end is not None and chunk.start <= start < end <= chunk.end:
            original = chunk.text[start - chunk.start: end - chunk.start]
        generator = self.generator()
        if generator is None:
            reason = self.llm.error or TRANSLATION["no_model"][lang]
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

    def support(self, question: str, retrieval: Retrieval,
                defining: dict[str, list[tuple[int, int]]] | None = None) -> float:
        """Evidence strength (see `support.support`); a paragraph named by reference is always enough. `defining`:
        the defining sentences already found (`defining`), if the caller has them."""
        if retrieval.referenced:
            return float("inf")
        top = [p.chunk.chunk_id for p in retrieval.passages[: self.cfg.support_depth]]
        if self.cfg.addressed_supports and any(cid in retrieval.addressed for cid in top):
            return float("inf")  # "what should the industry do?" and the industry's recommendations rank first
        if self.cfg.defining_supports:
            if defining is None:
                defining = self.defining(question, retrieval, self.cfg.support_depth)
            if any(cid in defining for cid in top):
                return float("inf")  # "what is X?" and a top passage says what X is, however common X's words
        if self.cfg.paragraph_supports and retrieval.passages and "paragraph" in retrieval.intents:
            first = retrieval.passages[0]
            if numbered(first.chunk.label) and (agreeing(first.why, self.cfg.paragraph_agree_rank) >= 2
                                                or agreeing(first.why, 1) >= 1):
                return float("inf")
        # The number must sit next to the thing counted, named in either language; only for nouns the
        # glossary can translate (elsewhere the documents may count it under another word).
        focus = quantity_focus(question)
        other = self.glossary.expand(focus, retrieval.language) if focus else ""
        other += " " + self.glossary.expand(focus, other_language(retrieval.language)) if focus else ""
        focus_terms = set(search_terms(f"{focus} {other}")) if other.strip() else set()
        units = counted_units(question)
        if units:  # "what sentence / fine": the number must be one of years, months or money
            focus_terms = set(search_terms(units))
        expansion = retrieval.expansion
        if self.cfg.support_synonyms:  # "كم دولة" is answered by a sentence on "البلدان": the glossary's own-language forms
            expansion += " " + self.glossary.expand(question, other_language(retrieval.language))
        passages = retrieval.passages
        if self.cfg.named_count_in_its_passage and asks_for_number(question, exactly=True):
            passages = naming_passages(question, passages, self.cfg.support_depth, self._translated)
        own = evidence_support(self.picker, question, expansion, passages, self.cfg, focus_terms=focus_terms)
        near_miss = own >= self.cfg.bridged_support_floor * self.cfg.abstain_threshold
        if near_miss and self.cfg.bridged_support and retrieval.bridged and not asks_for_number(question, exactly=True):
            # the bridge strengthens what the question's own words nearly found; alone it is too loose to count
            return max(own, evidence_support(self.picker, question, f"{expansion} {retrieval.bridged}",
                                             passages, self.cfg, focus_terms=focus_terms))
        return own

    def _translated(self, name: str) -> bool:
        """A name the glossary or the catalogue gives in the documents' language too."""
        return bool(self.glossary.matches(name)) or not self.without_names(name).strip()

    def defining(self, question: str, retrieval: Retrieval, depth: int) -> dict[str, list[tuple[int, int]]]:
        """For a definition question, the sentences of the top `depth` passages that define its term (or a
        glossary form of it, either language): (start, end) in each chunk's text."""
        term = defined_term(question)
        pair = () if term or not self.cfg.contrast_defines else contrasted_terms(question)
        forms: list[frozenset[str]] = []
        for t in pair:  # one of two things contrasted is often qualified: "reporting hotline" -> the hotline's forms
            words, whole, inner = self._forms(t, retrieval)
            forms += [words, *whole, *inner] if words else []
        if term:
            words, whole, inner = self._forms(term, retrieval)
            if words:
                forms += [words, *whole]
                if not whole and self.cfg.defined_term_parts:  # the entries of two words or more inside it
                    forms += [f for f in inner if len(f) >= 2]  # (not "child" alone)
        if not forms:
            return {}
        out: dict[str, list[tuple[int, int]]] = {}
        for p, s, e in self._sentences(retrieval, depth):
            if defines(p.chunk.text[s:e], forms, self.cfg.defining_window, contrast=bool(pair)):
                out.setdefault(p.chunk.chunk_id, []).append((s, e))
        return out

    def _forms(self, term: str,
               retrieval: Retrieval) -> tuple[frozenset[str], list[frozenset[str]], list[frozenset[str]]]:
        """The term's words in search form; the forms of the glossary entries one of whose forms it is; the forms
        of the other entries it holds (all empty when the term has no words of its own)."""
        words = frozenset(search_terms(term)) - retrieval.name_terms
        whole: list[frozenset[str]] = []
        inner: list[frozenset[str]] = []
        if words:
            for t in self.glossary.matches(term):
                its = [f for f in (frozenset(search_terms(f)) for f in (*t.en, *self.glossary.arabic_forms(t))) if f]
                (whole if words in its else inner).extend(its)
        return words, whole, inner

    def addressed_lists(self, question: str, picked: list[Sentence], retrieval: Retrieval) -> tuple[list[Sentence], int]:
        """When `addressed_list_min` of the picked sentences are items of marked lists addressed to the question's
        group, every item addressed to it in those passages, in reading order, as quotable sentences (at most
        `addressed_items_max` items), and how many items did not fit; else nothing. Only for a question that asks
        for recommendations alone: "what criteria does INTERPOL propose for a definition all States could agree
        on?" names a group and asks for a definition."""
        cfg = self.cfg
        if cfg.addressed_list_min <= 0 or not retrieval.addressee or retrieval.intents != {"recommendation"}:
            return [], 0

        def items(p: Passage):
            return [r for r in self.items_of(p.chunk.chunk_id, ()) if r.listed and r.addressee == retrieval.addressee]

        def inside(s: Sentence, r) -> bool:
            start = r.start - s.passage.chunk.start
            return start <= s.start < start + len(r.text)

        hits = [s for s in picked if any(inside(s, r) for r in items(s.passage))]
        if len(hits) < cfg.addressed_list_min:
            return [], 0
        out: list[Sentence] = []
        count = left = 0
        for p in dict.fromkeys(s.passage for s in hits):
            spans = quote_spans(p.chunk.text)
            for r in items(p):
                start = r.start - p.chunk.start
                within = [(a, b) for a, b in spans if start <= a and b <= start + len(r.text)]
                if not within:
                    continue
                if count >= cfg.addressed_items_max:
                    left += 1
                    continue
                count += 1
                out.extend(Sentence(p, a, b, p.score) for a, b in within)
        return out, left

    def foreign(self, question: str, retrieval: Retrieval) -> bool:
        """Most of the question's words are words the library never uses (in a language the setting names: the
        library's vocabulary speaks for its main language only)."""
        cfg = self.cfg
        if retrieval.referenced or retrieval.language not in cfg.unknown_terms_languages:
            return False
        return unknown_share(question, self.vocabulary, self.settings.retrieval.stemming) >= cfg.unknown_terms_share

    def extractive(self, question: str, language: Language, retrieval: Retrieval) -> Answer:
        t0 = time.perf_counter()
        passages = retrieval.passages
        cfg = self.cfg
        wants_defining = cfg.defining_supports or cfg.defining_factor != 1
        defining = self.defining(question, retrieval, max(cfg.support_depth, cfg.passages)) if wants_defining else {}
        strength = self.support(question, retrieval, defining)
        if not passages or strength < self.cfg.abstain_threshold or self.foreign(question, retrieval):
            return Answer(question, language, intro=abstain_text(language), passages=tuple(passages), abstained=True,
                          support=strength, timings={"answer_ms": (time.perf_counter() - t0) * 1000})
        referenced = {c.chunk_id for c in retrieval.referenced}
        named = [p for p in passages if p.chunk.chunk_id in referenced]
        docs = [d for d in retrieval.refs.doc_ids if any(p.chunk.doc_id == d for p in passages)]

        # "what is X?" leads with the sentence that says what X is
        head = {p.chunk.chunk_id for p in passages[: cfg.passages]}
        lead = {cid: spans for cid, spans in defining.items() if cid in head} if cfg.defining_factor != 1 else {}

        def pick(use: list[Passage], most: int, per_passage: int):
            return self.picker.pick(question, f"{retrieval.expansion} {retrieval.bridged}", use, most, per_passage,
                                    question_vector=retrieval.query_vector,
                                    ignore=retrieval.name_terms, favoured=lead, favour=cfg.defining_factor,
                                    intents=retrieval.intents)

        notices: list[str] = []
        if named:  # a paragraph the question names is what the reader wants to see: quote it at length
            sentences = pick(named, cfg.named_paragraph_sentences, cfg.named_paragraph_sentences)
        elif len(docs) > 1:  # "does A agree with B?": an equal share of the answer for each document named
            share = -(-cfg.max_sentences // len(docs))
            sentences = [s for d in docs for s in pick(
                [p for p in passages if p.chunk.doc_id == d][: max(1, cfg.passages // len(docs))],
                share, cfg.max_per_passage)]
        else:
            sentences = pick(passages[: cfg.passages], cfg.max_sentences, cfg.max_per_passage)
            listed, more = self.addressed_lists(question, sentences, retrieval)
            if listed:  # "what should the industry do?" and the pick is drawn to a list addressed to it: that list
                sentences = listed
                if more:
                    notices.append(ITEMS_LEFT_OUT["ar" if language == "ar" else "en"].format(
                        n=more, group=retrieval.addressee))
        partial = []
        if cfg.sub_items_max > 0:
            sentences, partial = complete_sub_items(sentences, cfg.sub_items_max, cfg.lead_follow)
        # a definition question leads with the sentence that says what the term is, wherever it sits in its passage;
        # one asking whom to contact, with the sentence naming the hotline, number or app
        first = [s for s in sentences if s.favoured][:1]
        if not first and cfg.channel_bonus and "contact" in retrieval.intents:
            first = [s for s in sentences if names_a_channel(s.text)][:1]
            if not first:  # the pick missed the channel a top passage names: that sentence leads, in place of the last
                first = [Sentence(p, a, b, 0.0) for p, a, b in self._sentences(retrieval, cfg.passages)
                         if names_a_channel(p.chunk.text[a:b])][:1]
                sentences = [*first, *sentences][: max(cfg.max_sentences, 1)]
        citations = build_citations(sentences, language, first=first)
        return Answer(question, language, intro=intro(language), groups=by_document(citations), citations=citations,
                      passages=tuple(passages), support=strength,
                      notices=(*notices, *(left_out_notice(p, language) for p in partial)),
                      timings={"answer_ms": (time.perf_counter() - t0) * 1000})
