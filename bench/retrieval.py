"""Retrieval and answer quality and latency, beside the tutorial pipeline a user would otherwise copy.

Baselines (same process, same machine), over RecursiveCharacterTextSplitter(1000, 200) splits of the raw files:
the tutorial pipeline (all-MiniLM-L6-v2 embeddings, Chroma similarity search k=10) and plain BM25 (bm25s with its
own tokenizer), the top passage as the "answer". Ours: `Assistant.ask` on the indexed library. Every run is
scored by the shared scorer, one table per gold set. Then one ablation line per set for each signal of ours
turned off (the same lines as `bench/compare.py KEY=VALUE`; "on" lines show what a signal left off would add).

    python bench/retrieval.py [--gold dev.jsonl dev2.jsonl bench/gold/own.jsonl bench/gold/fresh3.jsonl bench/gold/fresh4.jsonl bench/gold/fresh5.jsonl bench/gold/fresh6.jsonl bench/gold/fresh.jsonl bench/gold/fresh2.jsonl bench/gold/fresh7.jsonl
    bench/gold/fresh8.jsonl bench/gold/fresh9.jsonl] [--repeat 3] [--no-ablations]
"""
from __future__ import annotations

import argparse
import json
import logging
import statistics
import tempfile
import time
from pathlib import Path

from assistant import Assistant
from assistant.evaluation import format_table, load_gold, load_scorer, score_run
from assistant.render.json import run_record
from indexing.config import PROJECT_ROOT, Settings
from indexing.embedding import get_embedder

log = logging.getLogger("bench.retrieval")

# Each signal of the method, turned off (or, for those left off, on) one at a time.
ABLATIONS = {
    "question stage off": {"question.rewrite": False},
    "typo correction off": {"question.spelling": False},
    "missing-subject rule off": {"question.subjects": False},
    "approximate (HNSW) search": {"retrieval.exact_search": False},
    "e5-small second dense list off": {"retrieval.second_dense_weight": 0.0},
    "word bridge off": {"retrieval.bridge_per_word": 0},
    "transliterations (cognates) off": {"retrieval.bridge_cognates": False},
    "glossary expansion off": {"retrieval.glossary_expansion": False},
    "sentence vote off": {"retrieval.sentence_weight": 0.0},
    "intent prior off": {"retrieval.intent_weight": 0.0},
    "support synonyms off": {"answer.support_synonyms": False},
    "bridged words as support off (was)": {"answer.bridged_support": False},
    "bridged words as support with no floor": {"answer.bridged_support_floor": 0.0},
    "addressee prior off": {"retrieval.addressee_weight": 0.0},
    "addressed recommendations as support off": {"answer.addressed_supports": False},
    "defining sentence as support off": {"answer.defining_supports": False},
    "paragraph intent off": {"retrieval.paragraph_intent": False},
    "contact intent off": {"retrieval.contact_intent": False},
    "contact words not added to the lexical query": {"retrieval.contact_terms": ""},
    "hotline sentence not led with for contact questions": {"answer.channel_bonus": False},
    "word bridge for English questions only (was)": {"retrieval.bridge_languages": ["en"]},
    "addressed list quoted whole off": {"answer.addressed_list_min": 0},
    "a group's sub-heading opens no recommendations (was)": {"answer.recommendation_group_heading_words": 0},
    "obligations of groups other than States not read as recommendations (was)":
        {"retrieval.non_state_obligations_recommended": False},
    "difference questions' contrast sentences not defining (was)": {"answer.contrast_defines": False},
    "a defined term's inner glossary entries not looked for (was)": {"answer.defined_term_parts": False},
    "which-paragraph support off": {"answer.paragraph_supports": False},
    "named bodies off": {"question.bodies": False},
    "lower-case unknown words as names off": {"question.unknown_word_min_length": 99},
    "two-edit corrections for short words (was)": {"question.spelling_two_edits_from": 0},
    "document names kept in the lexical query": {"retrieval.names_out_of_lexical_query": False},
    "document names kept in the answer's terms": {"retrieval.names_out_of_answer_terms": False},
    "acronyms glossed in English in Arabic questions": {"question.arabic_full_forms": False},
    "sentence-level first stage on": {"retrieval.sentence_search_weight": 0.5},
    "pseudo-relevance feedback on": {"retrieval.feedback_weight": 0.5},
    "endnotes read by links and dates (was)": {"retrieval.bibliography_by_sentence": False},
    "qualifying next sentence quoted off": {"answer.qualifier_follow": False},
    "a line ending in a colon quoted alone (was)": {"answer.lead_in_with_item": False},
    "years asked about checked in the evidence off": {"answer.periods_in_evidence": False},
    "regional bodies named in Arabic off": {"question.regional_names": False},
    "bare headings keep their rank": {"retrieval.headings_last": False},
    "resolution paragraphs lifted for 'urged' questions off": {"retrieval.resolution_addressees": False},
    "English questions' lexical weight 0.25 (was)": {"retrieval.lexical_weight_en": 0.25},
    "glossary forms without their article off": {"retrieval.glossary_bare_forms": False},
    "glossary forms without their article in the lexical query too": {"retrieval.glossary_bare_forms_in_query": True},
    "root lexical list on (0.5, Arabic questions)": {"retrieval.root_weight": 0.5},
    "verbal nouns of Arabic verbs in the lexical query on": {"retrieval.verbal_nouns": True},
    "glossary-phrase list off": {"retrieval.term_list_weight": 0.0},
    "glossary-phrase list for English questions only": {"retrieval.term_list_languages": ["en"]},
    "glossary forms for the English words of Arabic questions on": {"retrieval.latin_glossary_forms": True},
    "sentence re-ranking for Arabic questions too": {"retrieval.sentence_languages": ["en", "ar"]},
}


def splits(corpus: Path) -> tuple[list[str], list[dict]]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts, metas = [], []
    for path in sorted(corpus.glob("*.txt")):
        for piece in splitter.split_text(path.read_text(encoding="utf-8")):
            texts.append(piece)
            metas.append({"doc": path.name})
    return texts, metas


def bm25_run(corpus: Path, gold: list[dict]) -> list[dict]:
    import bm25s

    texts, metas = splits(corpus)
    index = bm25s.BM25()
    index.index(bm25s.tokenize(texts, show_progress=False), show_progress=False)
    records = []
    for item in gold:
        t0 = time.perf_counter()
        ids, _ = index.retrieve(bm25s.tokenize([item["question"]], show_progress=False), k=10, show_progress=False)
        ms = (time.perf_counter() - t0) * 1000
        passages = [{"doc": metas[i]["doc"], "text": texts[i]} for i in ids[0]]
        records.append({"id": item["id"], "answer": passages[0]["text"] if passages else "", "abstained": False,
                        "citations": [], "passages": passages, "latency_ms": ms})
    return records


def baseline_run(corpus: Path, gold: list[dict]) -> list[dict]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    emb = get_embedder("minilm")
    texts, metas = splits(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        client = chromadb.PersistentClient(tmp, settings=ChromaSettings(anonymized_telemetry=False))
        col = client.create_collection("baseline", embedding_function=None)
        col.add(ids=[str(i) for i in range(len(texts))], embeddings=emb.encode_documents(texts),
                documents=texts, metadatas=metas)
        records = []
        for item in gold:
            t0 = time.perf_counter()
            got = col.query(query_embeddings=[emb.encode_query(item["question"])], n_results=10)
            ms = (time.perf_counter() - t0) * 1000
            passages = [{"doc": m["doc"], "text": d} for d, m in zip(got["documents"][0], got["metadatas"][0])]
            records.append({"id": item["id"], "answer": passages[0]["text"] if passages else "", "abstained": False,
                            "citations": [], "passages": passages, "latency_ms": ms})
    return records


def ours_run(assistant: Assistant, gold: list[dict], repeat: int) -> list[dict]:
    """Each question asked `repeat` times (warm); the record keeps the median latency."""
    records = []
    for item in gold:
        lat, answer = [], None
        for _ in range(repeat):
            answer = assistant.ask(item["question"])
            lat.append(answer.timings["total_ms"])
        rec = run_record(answer, item["id"])
        rec["latency_ms"] = statistics.median(lat)
        records.append(rec)
    return records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="+", default=[
        PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl", PROJECT_ROOT.parent / "shared" / "eval" / "dev2.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "own.jsonl", PROJECT_ROOT / "bench" / "gold" / "fresh3.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "fresh4.jsonl", PROJECT_ROOT / "bench" / "gold" / "fresh5.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "fresh6.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "fresh.jsonl", PROJECT_ROOT / "bench" / "gold" / "fresh2.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "fresh7.jsonl", PROJECT_ROOT / "bench" / "gold" / "fresh8.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "fresh9.jsonl", PROJECT_ROOT / "bench" / "gold" / "fresh10.jsonl",
        PROJECT_ROOT / "bench" / "gold" / "fresh11.jsonl"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=PROJECT_ROOT / "runs")
    ap.add_argument("--no-ablations", action="store_true", help="only the tables")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("chromadb", "bm25s", "indexing", "assistant", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    scorer = load_scorer(args.gold[0])
    settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
    corpus = settings.corpus_dir
    assistant = Assistant(settings)
    assistant.index(show_progress=False)
    assistant.warm_up()
    args.out.mkdir(parents=True, exist_ok=True)
    keys = ("recall@1", "recall@5", "recall@10", "mrr@10", "facts", "cited_ok", "abstain_ok", "false_abstain",
            "latency_p50_ms", "latency_p95_ms")
    for path in args.gold:
        gold = load_gold(path)
        runs = {"tutorial": baseline_run(corpus, gold), "bm25": bm25_run(corpus, gold),
                "ours": ours_run(assistant, gold, args.repeat)}
        scores = {name: score_run(gold, recs, corpus, scorer) for name, recs in runs.items()}
        for name, recs in runs.items():
            (args.out / f"bench-{path.stem}-{name}.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        log.info("\n== %s (%d questions)\n%-16s %10s %10s %10s", path.stem, len(gold), "metric", "tutorial", "bm25", "ours")
        for key in keys:
            log.info("%-16s %10s %10s %10s", key, *(scores[n]["summary"].get(key, "-") for n in runs))
        for lang in ("en", "ar"):
            log.info("%-16s %10s %10s %10s", f"recall@5 {lang}",
                     *(scores[n]["by_lang"].get(lang, {}).get("recall@5", "-") for n in runs))
        log.info("facts en         %10s %10s %10s", *(scores[n]["by_lang"].get("en", {}).get("facts", "-") for n in runs))
    if args.no_ablations:
        return
    from compare import COLUMNS, evaluate, with_overrides  # bench/ is on the path when a bench script runs

    log.info("\n== ablations (one signal changed; scorer's figures per set)\n%s", COLUMNS)
    for name, overrides in {"ours (defaults)": {}, **ABLATIONS}.items():
        log.info("# %s %s", name, " ".join(f"{k}={v}" for k, v in overrides.items()))
        run = Assistant(with_overrides(settings, overrides)) if overrides else assistant
        for text in evaluate(run, args.gold, scorer):
            log.info("%s", text)


if __name__ == "__main__":
    main()
