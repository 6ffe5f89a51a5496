"""Retrieval and answer quality and latency, beside the tutorial pipeline a user would otherwise copy.

Baseline (same process, same machine): RecursiveCharacterTextSplitter(1000, 200) over the raw files,
all-MiniLM-L6-v2 embeddings, Chroma similarity search k=10, the top passage as the "answer".
Ours: `Assistant.ask` on the indexed library. Both runs are scored by the shared scorer.

    python bench/retrieval.py [--gold ../shared/eval/dev.jsonl] [--repeat 3]
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


def baseline_run(corpus: Path, gold: list[dict]) -> list[dict]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    emb = get_embedder("minilm")
    texts, metas = [], []
    for path in sorted(corpus.glob("*.txt")):
        for piece in splitter.split_text(path.read_text(encoding="utf-8")):
            texts.append(piece)
            metas.append({"doc": path.name})
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
    ap.add_argument("--gold", type=Path, default=PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=PROJECT_ROOT / "runs")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("chromadb", "bm25s", "indexing", "assistant", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    gold = load_gold(args.gold)
    scorer = load_scorer(args.gold)
    settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
    corpus = settings.corpus_dir

    base = baseline_run(corpus, gold)
    base_score = score_run(gold, base, corpus, scorer)
    assistant = Assistant(settings)
    assistant.index(show_progress=False)
    ours = ours_run(assistant, gold, args.repeat)
    our_score = score_run(gold, ours, corpus, scorer)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, recs in (("baseline", base), ("ours", ours)):
        (args.out / f"bench-{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))

    log.info("Tutorial baseline (RecursiveCharacterTextSplitter 1000/200 + all-MiniLM-L6-v2 + Chroma k=10):")
    log.info(format_table(base_score))
    log.info("\nThis assistant:")
    log.info(format_table(our_score))
    b, o = base_score["summary"], our_score["summary"]
    log.info("\n%-16s %10s %10s %8s", "metric", "baseline", "ours", "ratio")
    for key in ("recall@1", "recall@5", "recall@10", "mrr@10", "facts", "cited_ok", "abstain_ok", "false_abstain",
                "latency_p50_ms", "latency_p95_ms"):
        bv, ov = b.get(key), o.get(key)
        ratio = f"{ov / bv:.1f}x" if isinstance(bv, (int, float)) and isinstance(ov, (int, float)) and bv else "-"
        log.info("%-16s %10s %10s %8s", key, bv, ov, ratio)
    for lang in ("en", "ar"):
        log.info("recall@5 %s: baseline %s, ours %s", lang, base_score["by_lang"][lang].get("recall@5"),
                 our_score["by_lang"][lang].get("recall@5"))


if __name__ == "__main__":
    main()
