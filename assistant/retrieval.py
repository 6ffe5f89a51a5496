"""Find the passages that answer a question, in whichever language it is asked.

Dense search in Chroma (cross-lingual: the multilingual encoder puts an English question near its Arabic
passage) and BM25 over the normalised search form (with the glossary adding the other language's terms)
are fused by weighted reciprocal rank. The head of that list is then re-ordered by two finer signals: the
cosine of each passage's closest *sentence* to the question (sentence vectors are stored at indexing), which
is where an English question meets its Arabic passage most precisely; and how much a passage has the shape
of the answer the question asks for (intent.py). A paragraph the question names is put first, whatever the
scores say; a document the question names restricts the search to it. Three more first-stage lists can
join the fusion (each off by default, see RetrievalSettings and the ablation in bench/compare.py): a second
embedding model's dense search, the chunks of the nearest stored sentences, and a BM25 pass with the
distinctive terms of the other-script top hits (pseudo-relevance feedback).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace

import numpy as np

from indexing.bibliography import bibliographic_share, endnote_share
from indexing.chunk_vectors import chunk_vectors
from indexing.config import Settings
from indexing.embedding import get_embedder
from indexing.language import answer_language, detect_language, root_terms, search_terms, tokens
from indexing.models import Chunk, DocumentMeta
from indexing.store import ChromaStore
from indexing.word_vectors import bridge_cache

from .glossary import Glossary
from .intent import passage_fit, question_intents
from .lexical import LexicalIndex
from .models import Filters, Passage
from .paragraph_table import DraftingLexicon, verb_and_addressees
from .recommendations import Recommendation, RecommendationReader, RecommendationWords
from .references import ParagraphRef, QuestionRefs, ReferenceParser
from .dense import DenseIndex
from .derivation import question_nouns
from .sentence_index import SentenceSearch, SentenceVectors
from .term_bridge import BridgedTerms, TermBridge
from .term_list import TermList
from .render.references import references

log = logging.getLogger(__name__)


@dataclass
class Retrieval:
    question: str
    language: str
    passages: list[Passage]
    refs: QuestionRefs
    filters: Filters
    referenced: list[Chunk] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    expansion: str = ""
    query_vector: object = None  # the question's embedding, reused to score sentences
    # The word bridge's Arabic words for an English question: they rank passages and guide the sentence
    # picker, but are never evidence that the library answers (a loose match must not lift abstention).
    bridged: str = ""
    # The words that named the documents the search was scoped to ("qatar", "قطر"), in search form: every
    # passage is from those documents, so they tell no sentence of them from another.
    name_terms: frozenset[str] = frozenset()
    lexical_query: str = ""  # what BM25 was asked, for the curious and for tests
    # The passages holding recommendations addressed to the group a recommendation question names: what that
    # group should do, whether or not each item repeats the group's name.
    addressed: frozenset[str] = frozenset()
    addressee: str = ""  # the group those recommendations address ("States", "Industry" ...)
    # What the question asks for, read once and masked by the settings, so an ablation switches a kind off in
    # every stage that acts on it.
    intents: frozenset[str] = frozenset()


class Retriever:
    def __init__(self, settings: Settings, store: ChromaStore, glossary: Glossary, metas: list[DocumentMeta]):
        self.settings = settings
        self.store = store
        self.embedder = get_embedder(settings.embedding.model)
        self.glossary = glossary
        self.parser = ReferenceParser(metas)
        self.sentences = SentenceVectors(store, self.embedder)
        self.reload()

    def reload(self) -> None:
        """Re-read the chunks from the store (after indexing) and rebuild the lexical index."""
        self.chunks = self.store.all_chunks()
        self.by_id = {c.chunk_id: c for c in self.chunks}
        self.index_of = {c.chunk_id: i for i, c in enumerate(self.chunks)}  # feedback reads chunks by position
        self.by_doc: dict[str, list[Chunk]] = {}
        for c in self.chunks:
            self.by_doc.setdefault(c.doc_id, []).append(c)
        self.lexical = LexicalIndex(self.chunks, self.settings.retrieval)
        cfg = self.settings.retrieval
        self.term_list = TermList(self.glossary, self.chunks)
        self.roots = LexicalIndex(self.chunks, cfg, analyzer=root_terms) if cfg.root_weight > 0 else None
        self.dense = DenseIndex.from_store(self.store, self.chunks) if cfg.exact_search else None
        self.second = None
        if cfg.second_dense_model and cfg.second_dense_weight > 0:
            self.second_embedder = get_embedder(cfg.second_dense_model)
            vectors = chunk_vectors(self.settings, cfg.second_dense_model, self.chunks)
            self.second = DenseIndex([c.chunk_id for c in self.chunks], vectors)
        self._bridge: TermBridge | None = None  # read on the first question that needs it (vectors: index time)
        self.items_by_chunk = self._recommended()
        self.asked_of = self._resolution_asks() if cfg.resolution_addressees else {}
        self.sentence_search = (SentenceSearch(self.store, [c.chunk_id for c in self.chunks])
                                if cfg.sentence_search_weight > 0 else None)
        self.sentences.clear()
        log.info("retriever ready: %d chunks from %d documents", len(self.chunks), len(self.by_doc))

    def _recommended(self) -> dict[str, list[Recommendation]]:
        """The recommendation items each chunk holds (whom they address, whether a marked list's); the items by
        document are kept for the recommendations view (`Assistant.recommendations`)."""
        answer = self.settings.answer
        self.recommendation_words = RecommendationWords.load(self.settings.recommendation_words_path)
        reader = RecommendationReader(self.recommendation_words, answer.recommendation_item_min_chars,
                                      answer.recommendation_lead_max_chars, answer.endnote_share,
                                      answer.recommendation_group_heading_words)
        self.recommendation_items = {doc_id: reader.read(chunks) for doc_id, chunks in self.by_doc.items()}
        by_chunk: dict[str, list[Recommendation]] = {}
        for items in self.recommendation_items.values():
            for r in items:
                by_chunk.setdefault(r.chunk_id, []).append(r)
        return by_chunk

    def _resolution_asks(self) -> dict[str, set[str]]:
        """The groups each operative paragraph of a resolution asks to act ("تحث الدول الأعضاء على" ->
        States): what a resolution asks of States is as much an answer to "what should governments do?" as a
        report's recommendation to them."""
        lexicon = DraftingLexicon.load(self.settings.drafting_verbs_path)
        out: dict[str, set[str]] = {}
        for c in self.chunks:
            if not c.label.startswith("OP "):
                continue
            _, verb, addressees = verb_and_addressees(lexicon, c.text, self.settings.answer.addressee_window)
            groups = {self.recommendation_words.group_of(a) for a in addressees} - {""}
            if verb is not None and groups:
                out[c.chunk_id] = groups
        return out

    def warm_up(self) -> None:
        """Read every passage's sentence vectors from the store (the reranker's) and encode one query with each
        encoder, whose first call is slow: what a first question would otherwise wait for."""
        self.sentences.of(self.chunks)
        self.embedder.encode_query("warm-up")
        if self.second is not None:
            self.second_embedder.encode_query("warm-up")

    @property
    def bridge(self) -> TermBridge:
        """The word bridge over the library's Arabic words (their vectors written by the indexer)."""
        if self._bridge is None:
            self._bridge = TermBridge(self.embedder, self.chunks,
                                      bridge_cache(self.settings),
                                      self.settings.retrieval.bridge_min_count)
        return self._bridge

    # -- helpers -----------------------------------------------------------------------------------
    def neighbours(self, chunk: Chunk, before: int = 1, after: int = 1) -> tuple[list[Chunk], list[Chunk]]:
        doc = self.by_doc.get(chunk.doc_id, [])
        i = next((n for n, c in enumerate(doc) if c.chunk_id == chunk.chunk_id), None)
        if i is None:
            return [], []
        return doc[max(0, i - before): i], doc[i + 1: i + 1 + after]

    def paragraph(self, doc_id: str, label: str) -> list[Chunk]:
        return [c for c in self.by_doc.get(doc_id, []) if c.label == label]

    def labels(self, doc_id: str) -> list[str]:
        seen: list[str] = []
        for c in self.by_doc.get(doc_id, []):
            if c.label and c.label not in seen:
                seen.append(c.label)
        return seen

    def places(self, doc_id: str) -> list[str]:
        """The paragraphs of a document's unlabelled text by heading path and ¶ ("Methodology, ¶ 2"), in order."""
        ref = references("en")
        return list(dict.fromkeys(ref.place(p) for c in self.by_doc.get(doc_id, []) if not c.label for p in c.places))

    def at_place(self, doc_id: str, key: str) -> list[Chunk]:
        """The passages holding the paragraph `places` named `key`."""
        ref = references("en")
        return [c for c in self.by_doc.get(doc_id, []) if not c.label and any(ref.place(p) == key for p in c.places)]

    def resolve(self, ref: ParagraphRef, doc_ids: list[str]) -> list[Chunk]:
        docs = doc_ids or list(self.by_doc)
        out: list[Chunk] = []
        for doc_id in docs:
            labels = self.labels(doc_id)
            kinds = [ref.kind] if ref.kind else ["OP", "para."]
            if not ref.kind and not any(label.startswith(("OP", "para.")) for label in labels):
                continue
            for kind in kinds:
                numbered = [lab for lab in labels if lab.startswith(kind + " ")]
                if not numbered:
                    continue
                if ref.last:
                    wanted = numbered[-1]
                else:
                    wanted = f"{kind} {ref.number}"
                hits = self.paragraph(doc_id, wanted)
                if hits:
                    out.extend(hits)
                    break
        return out

    # -- retrieval ---------------------------------------------------------------------------------
    def retrieve(
        self,
        question: str,
        filters: Filters | None = None,
        k: int | None = None,
        context_docs: tuple[str, ...] = (),
        topic: str = "",
    ) -> Retrieval:
        """Rank passages for the question; `context_docs` and `topic` carry a previous turn's subject."""
        cfg = self.settings.retrieval
        k = k or cfg.top_k
        filters = filters or Filters()
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        # The library's languages are Arabic and English: a question in Latin script that the detector calls
        # French ("SR (Special Rapporteur) recommends …") is searched the way an English one is.
        language = answer_language(detect_language(question))
        refs = self.parser.parse(question)
        named = [d for d in refs.doc_ids if d in self.by_doc]
        scope = named + [d for d in refs.also if d in self.by_doc] if named and cfg.shared_name_factor > 0 else named
        if not scope and context_docs:
            scope = [d for d in context_docs if d in self.by_doc]  # "and paragraph 5?" after a question on a doc
        if scope and not filters.doc_ids:
            filters = replace(filters, doc_ids=tuple(scope))
        referenced: list[Chunk] = []
        for ref in refs.paragraphs:
            for c in self.resolve(ref, list(filters.doc_ids)):
                if c not in referenced and filters.admits(c):
                    referenced.append(c)
        timings["parse_ms"] = (time.perf_counter() - t0) * 1000

        t1 = time.perf_counter()
        query = f"{topic}\n{question}" if topic else question
        qvec = self.embedder.encode_query(query)
        timings["embed_ms"] = (time.perf_counter() - t1) * 1000
        t2 = time.perf_counter()
        if self.dense is not None:
            dense = self.dense.nearest(qvec, cfg.candidates, mask=self._mask(filters))
        else:
            dense = self.store.query(qvec, cfg.candidates, where=filters.where())
        timings["dense_ms"] = (time.perf_counter() - t2) * 1000

        t3 = time.perf_counter()
        expand = cfg.glossary_expansion and language in cfg.expansion_languages
        bare = cfg.glossary_bare_forms_in_query
        matched = self.glossary.matches(query) if expand else []
        expansion = self.glossary.forms_of(matched, language)
        query_expansion = expansion if bare else self.glossary.forms_of(matched, language, bare=False)
        looked = (self.bridge.lookup(query, cfg.bridge_per_word, cfg.bridge_min_cos)
                  if cfg.bridge_per_word > 0 and language in cfg.bridge_languages else BridgedTerms())
        bridged = " ".join(looked.nearest)
        if cfg.bridge_cognates and looked.spelled:  # a transliteration is the word itself: it counts like the glossary's
            spelled = " ".join(looked.spelled)
            expansion, query_expansion = f"{expansion} {spelled}".strip(), f"{query_expansion} {spelled}".strip()
        lex_query = self.parser.without_names(query) if scope else query
        lex_extra = f"{query_expansion} {bridged}"
        names_out = named and cfg.names_out_of_lexical_query
        term_list = cfg.term_list_weight > 0 and language in cfg.term_list_languages
        # the glossary terms of the question without the names that scope it (matched once, for both users)
        lex_terms = ((matched if expand and lex_query == query else self.glossary.matches(lex_query))
                     if (names_out and expand) or term_list else [])
        if names_out:  # nor their translations: "GTA" scopes, it is not asked about
            lex_extra = self.glossary.forms_of(lex_terms, language, bare) if expand else ""
            if cfg.bridge_per_word > 0 and language in cfg.bridge_languages:
                again = self.bridge.lookup(lex_query, cfg.bridge_per_word, cfg.bridge_min_cos)
                lex_extra += " " + " ".join(again.nearest + (again.spelled if cfg.bridge_cognates else []))
        if cfg.latin_glossary_forms and not expand and language == "ar":
            # the English words of an Arabic question ("نظام ال notice and takedown") stand for the Arabic the
            # documents write
            latin = self.glossary.matches(" ".join(w for w in tokens(lex_query) if w.isascii() and not w.isdigit()))
            if latin:
                arabic = self.glossary.forms_of(latin, "en", bare)
                lex_extra = f"{lex_extra} {arabic}"
                expansion = f"{expansion} {self.glossary.forms_of(latin, 'en')}".strip()
        name_terms: frozenset[str] = frozenset()
        if named and cfg.names_out_of_answer_terms:
            rest = self.parser.without_names(question) if topic else lex_query
            kept = set(tokens(rest))
            names = " ".join(w for w in tokens(question) if w not in kept)
            other = self.glossary.expand(names, language) if expand else ""
            name_terms = frozenset(search_terms(f"{names} {other}")) - frozenset(search_terms(rest))
        mask = self._mask(filters)
        lexical_weight = cfg.lexical_weight_en if language == "en" else cfg.lexical_weight
        intents = question_intents(question)
        if not cfg.paragraph_intent:
            intents -= {"paragraph"}
        if not cfg.contact_intent:
            intents -= {"contact"}
        if cfg.verbal_nouns and language == "ar":
            lex_extra += " " + " ".join(question_nouns(lex_query, self.lexical.vocabulary.__contains__))
        lexical_query = f"{lex_query} {lex_extra}"
        if cfg.contact_terms and "contact" in intents:
            lexical_query += " " + cfg.contact_terms  # the words a channel to report or call is named by
        lexical = self._lexical_order(lexical_query, mask)
        timings["lexical_ms"] = (time.perf_counter() - t3) * 1000
        lists = self._more_lists(query, language, qvec, mask, timings)
        if term_list:
            order = self.term_list.order(lex_terms, mask, cfg.candidates, cfg.term_list_max_share, then=lexical)
            lists.append(("terms", cfg.term_list_weight, [self.chunks[i].chunk_id for i in order]))
        if self.roots is not None and language in cfg.root_languages:
            order = self._lexical_order(lexical_query, mask, index=self.roots)
            lists.append(("roots", cfg.root_weight, [self.chunks[i].chunk_id for i in order]))

        fused: dict[str, float] = {}
        why: dict[str, list[str]] = {}
        dense_sim = {cid: sim for cid, sim in dense}
        for rank, (cid, _) in enumerate(dense, 1):
            fused[cid] = fused.get(cid, 0.0) + cfg.dense_weight / (cfg.rrf_k + rank)
            why.setdefault(cid, []).append(f"dense#{rank}")
        for rank, i in enumerate(lexical, 1):
            cid = self.chunks[i].chunk_id
            fused[cid] = fused.get(cid, 0.0) + lexical_weight / (cfg.rrf_k + rank)
            why.setdefault(cid, []).append(f"bm25#{rank}")
        for name, weight, ids in lists:
            for rank, cid in enumerate(ids, 1):
                fused[cid] = fused.get(cid, 0.0) + weight / (cfg.rrf_k + rank)
                why.setdefault(cid, []).append(f"{name}#{rank}")
        also = set(scope) - set(named)
        if also:  # a document a shared name only might mean ranks after the one it surely means
            for cid in fused:
                if cid in self.by_id and self.by_id[cid].doc_id in also:
                    fused[cid] *= cfg.shared_name_factor
        ranked = sorted(fused, key=lambda c: -fused[c])
        addressed: set[str] = set()
        group = ""
        if cfg.addressee_weight > 0 and intents & {"recommendation", "obligation"}:
            group = self.recommendation_words.group_of(question)
            # What is "required" of police, industry or parents is what the reports recommend them: the library's
            # binding texts bind States only.
            if "recommendation" in intents or (cfg.non_state_obligations_recommended and group not in ("", "States")):
                ranked = self._addressed(ranked, fused, why, group, addressed, "obligation" in intents)
        if cfg.feedback_weight > 0 and language in cfg.feedback_languages:
            t5 = time.perf_counter()
            for rank, i in enumerate(self._feedback_order(ranked, f"{lex_query} {query_expansion} {bridged}", language, mask), 1):
                cid = self.chunks[i].chunk_id
                fused[cid] = fused.get(cid, 0.0) + cfg.feedback_weight / (cfg.rrf_k + rank)
                why.setdefault(cid, []).append(f"feedback#{rank}")
            ranked = sorted(fused, key=lambda c: -fused[c])
            timings["feedback_ms"] = (time.perf_counter() - t5) * 1000
        t4 = time.perf_counter()
        ranked = self._rerank(ranked, fused, why, qvec, intents, language, {c.chunk_id for c in referenced})
        timings["rerank_ms"] = (time.perf_counter() - t4) * 1000
        if cfg.headings_last:
            ranked = headings_last(ranked, self.by_id, {c.chunk_id for c in referenced}, cfg.heading_max_chars)
        if len(named) > 1:
            ranked = each_document_first(ranked, named, self.by_id, cfg.comparison_turns)

        passages: list[Passage] = []
        top = max(fused.values(), default=0.0)
        for c in referenced:
            passages.append(Passage(c, score=1.0 + top, why=(f"reference {c.label}",), dense=dense_sim.get(c.chunk_id, 0.0)))
        seen = {p.chunk.chunk_id for p in passages}
        for cid in ranked:
            if len(passages) >= max(k, len(referenced)):
                break
            if cid in seen or cid not in self.by_id:
                continue
            passages.append(Passage(self.by_id[cid], score=fused[cid], why=tuple(why[cid]), dense=dense_sim.get(cid, 0.0)))
        timings["retrieval_ms"] = (time.perf_counter() - t0) * 1000
        return Retrieval(question, language, passages, refs, filters, referenced, timings, expansion, qvec, bridged,
                         name_terms, lexical_query, frozenset(addressed), group if addressed else "", intents)

    def _addressed(self, ranked: list[str], fused: dict[str, float], why: dict[str, list[str]], group: str,
                   addressed: set[str], urged: bool = False) -> list[str]:
        """A question on what one group should do ("what should tech companies do?") lifts, from anywhere in
        the candidates, the passages holding recommendations addressed to that group; one on what it is urged
        or required to do, the resolution paragraphs asking it too."""
        if not group:
            return ranked
        for cid in ranked:
            recommended = any(r.addressee == group for r in self.items_by_chunk.get(cid, ()))
            if recommended or (urged and group in self.asked_of.get(cid, ())):
                addressed.add(cid)
                fused[cid] *= 1 + self.settings.retrieval.addressee_weight
                why[cid].append(f"addressed to {group}")
        return sorted(fused, key=lambda c: -fused[c])

    def _mask(self, filters: Filters) -> np.ndarray | None:
        return np.array([filters.admits(c) for c in self.chunks], dtype=bool) if not filters.is_empty() else None

    def _more_lists(self, query: str, language: str, qvec, mask, timings) -> list[tuple[str, float, list[str]]]:
        """The optional first-stage lists: a second embedding model's and the nearest sentences' chunks."""
        cfg = self.settings.retrieval
        lists = []
        if self.second is not None and language in cfg.second_dense_languages:
            t = time.perf_counter()
            hits = self.second.nearest(self.second_embedder.encode_query(query), cfg.candidates, mask=mask)
            lists.append(("dense2", cfg.second_dense_weight, [cid for cid, _ in hits]))
            timings["dense2_ms"] = (time.perf_counter() - t) * 1000
        if self.sentence_search is not None and language in cfg.sentence_search_languages:
            t = time.perf_counter()
            hits = self.sentence_search.nearest_chunks(qvec, cfg.candidates, mask=mask)
            lists.append(("sentences", cfg.sentence_search_weight, [cid for cid, _ in hits]))
            timings["sentence_search_ms"] = (time.perf_counter() - t) * 1000
        return lists

    def _feedback_order(self, ranked: list[str], query: str, language: str, mask: np.ndarray | None) -> list[int]:
        """Second BM25 pass: the query plus the distinctive terms of the best passages in the other script
        (an English question's Arabic hits carry the Arabic words its own terms lack)."""
        cfg = self.settings.retrieval
        top = [self.index_of[cid] for cid in ranked if cid in self.index_of
               and self.by_id[cid].language not in ("", language)][: cfg.feedback_docs]
        if not top:
            return []
        terms = self.lexical.feedback_terms(top, cfg.feedback_terms, exclude=self.lexical.query_terms(query))
        return self._lexical_order(query, mask, terms)

    def _lexical_order(self, query: str, mask: np.ndarray | None, extra_terms: list[str] = (),
                       index: LexicalIndex | None = None) -> list[int]:
        """Chunk positions by BM25 score (the lexical index, or `index`: the roots'), best first, scored ones only."""
        scores = (index or self.lexical).scores(query, extra_terms)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return [int(i) for i in np.argsort(-scores)[: self.settings.retrieval.candidates] if scores[i] > 0]

    def _rerank(self, ranked: list[str], fused: dict[str, float], why: dict[str, list[str]], qvec,
                intents: frozenset[str], language: str, skip: set[str]) -> list[str]:
        """Re-order the head of the fused list; scores in `fused` are updated in place."""
        cfg = self.settings.retrieval
        head = [cid for cid in ranked[: cfg.rerank_depth] if cid in self.by_id and cid not in skip]
        if not head:
            return ranked
        chunks = [self.by_id[cid] for cid in head]
        weight = cfg.sentence_weight if language in cfg.sentence_languages else 0.0
        if weight > 0:
            best = self.sentences.best(qvec, chunks)
            for rank, n in enumerate(sorted(range(len(head)), key=lambda n: -best[n]), 1):
                fused[head[n]] += weight / (cfg.rrf_k + rank)
                why[head[n]].append(f"sentence#{rank}")
        if cfg.bibliography_penalty > 0:
            for cid, chunk in zip(head, chunks):
                share = (endnote_share(chunk.text, self.settings.answer.endnote_share) if cfg.bibliography_by_sentence
                         else bibliographic_share(chunk.text))
                if share > 0:
                    fused[cid] *= max(0.0, 1 - cfg.bibliography_penalty * share)
                    why[cid].append(f"endnotes {share:.2f}")
        if intents and cfg.intent_weight > 0:
            for cid, chunk in zip(head, chunks):
                fit = passage_fit(chunk.text, chunk.label, intents, cfg.intent_saturation, chunk.section)
                if fit > 0:
                    fused[cid] *= 1 + cfg.intent_weight * fit
                    why[cid].append(f"fits {'/'.join(sorted(intents))} {fit:.2f}")
        done = set(head)
        return sorted(head, key=lambda c: -fused[c]) + [c for c in ranked if c not in done]


def headings_last(ranked: list[str], by_id: dict[str, Chunk], keep: set[str] = frozenset(),
                  max_chars: int = 200) -> list[str]:
    """A bare heading ("B. Recommendations", "باء- توصيات") says nothing an answer can quote, yet a short
    text lies near a short question in every signal: it follows the passages, in its own order (unless named).
    A title block (a resolution's agenda item, its sponsors) is longer and says something: it keeps its place."""
    heading = lambda cid: (cid in by_id and by_id[cid].is_heading and len(by_id[cid].text) <= max_chars  # noqa: E731
                           and cid not in keep)
    return [c for c in ranked if not heading(c)] + [c for c in ranked if heading(c)]


def each_document_first(ranked: list[str], doc_ids: list[str], by_id: dict[str, Chunk], turns: int = 1) -> list[str]:
    """A question that names several documents ("does A agree with B?") sees each document's best passages
    first, in turns: the best of each, then the second of each, for `turns` rounds."""
    own = {d: [cid for cid in ranked if cid in by_id and by_id[cid].doc_id == d] for d in doc_ids}
    leaders: list[str] = []
    for n in range(turns):
        round_ = [own[d][n] for d in doc_ids if len(own[d]) > n]
        leaders += sorted(round_, key=ranked.index)
    chosen = set(leaders)
    return leaders + [cid for cid in ranked if cid not in chosen]
