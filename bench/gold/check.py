#!/usr/bin/env python3
"""Validate a gold question set against the corpus.

Usage:
    python bench/gold/check.py [GOLD.jsonl ...] [--corpus DIR] [--scorer PATH]

Checks every line: valid JSON, required fields and types, unique ids, lang and kind values,
each evidence span standing verbatim in the named corpus file(s), each answer fact inside the
evidence, unanswerables with empty evidence and facts. Matching uses the shared scorer's own
normalisation (loaded from score.py at run time, not copied), so a span passes here exactly when
the scorer would find it. Prints counts by lang and kind; exits 1 on any problem.
Standard library only.
"""
import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REQUIRED = {"id": str, "doc": (str, list), "lang": str, "kind": str, "question": str,
            "evidence": list, "answer_facts": list, "answer_en": str}
LANGS = {"ar", "en"}
KINDS = {"obligation", "paragraph", "recommendation", "statistic", "fact", "definition", "unanswerable"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check(gold: Path, corpus: Path, sc) -> tuple[list[str], list[dict]]:
    problems, items, seen = [], [], set()
    doc_tokens: dict[str, list[str]] = {}

    def tokens_of(name: str):
        if name not in doc_tokens:
            f = corpus / name
            doc_tokens[name] = sc.tokens(f.read_text(encoding="utf-8", errors="replace")) if f.is_file() else None
        return doc_tokens[name]

    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold.name}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: invalid JSON ({e})")
            continue
        if not isinstance(item, dict):
            problems.append(f"{where}: not an object")
            continue
        bad = [k for k, t in REQUIRED.items() if not isinstance(item.get(k), t)]
        if bad:
            problems.append(f"{where}: missing or mistyped field(s) {bad}")
            continue
        qid = item["id"]
        where = f"{where} [{qid}]"
        if qid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(qid)
        if item["lang"] not in LANGS:
            problems.append(f"{where}: lang {item['lang']!r} not in {sorted(LANGS)}")
        if item["kind"] not in KINDS:
            problems.append(f"{where}: kind {item['kind']!r} not in {sorted(KINDS)}")
        if not item["question"].strip() or not item["answer_en"].strip():
            problems.append(f"{where}: empty question or answer_en")
        docs = [item["doc"]] if isinstance(item["doc"], str) else item["doc"]
        if not all(isinstance(d, str) and d for d in docs) or (not docs and item["kind"] != "unanswerable"):
            # an unanswerable may name no document (its subject is in none of them)
            problems.append(f"{where}: doc must name corpus file(s)")
            docs = []
        for d in docs:
            if tokens_of(d) is None:
                problems.append(f"{where}: doc {d!r} is not a file in {corpus}")
        ev, facts = item["evidence"], item["answer_facts"]
        if item["kind"] == "unanswerable":
            if ev or facts:
                problems.append(f"{where}: unanswerable must have empty evidence and answer_facts")
        else:
            if not ev:
                problems.append(f"{where}: answerable question without evidence")
            if not facts:
                problems.append(f"{where}: answerable question without answer_facts")
        for e in ev:
            if not isinstance(e, str) or not sc.tokens(e):
                problems.append(f"{where}: empty or non-string evidence span")
                continue
            if not any(tokens_of(d) and sc.quote_stands(e, tokens_of(d)) for d in docs):
                problems.append(f"{where}: evidence not verbatim in {docs}: {e[:70]!r}")
        joined = "\n".join(e for e in ev if isinstance(e, str))
        for f in facts:
            if not isinstance(f, str) or not sc.fact_in(f, joined):
                problems.append(f"{where}: answer fact {f!r} not in the evidence")
        items.append(item)
    return problems, items


def summary(items: list[dict]) -> str:
    langs = sorted({i["lang"] for i in items})
    kinds = sorted({i["kind"] for i in items})
    c = Counter((i["kind"], i["lang"]) for i in items)
    w = max([len(k) for k in kinds] + [5])
    rows = [f"{'kind':{w}} " + " ".join(f"{l:>4}" for l in langs) + "  all"]
    for k in kinds:
        rows.append(f"{k:{w}} " + " ".join(f"{c[(k, l)]:>4}" for l in langs) + f" {sum(c[(k, l)] for l in langs):>4}")
    rows.append(f"{'all':{w}} " + " ".join(f"{sum(c[(k, l)] for k in kinds):>4}" for l in langs) + f" {len(items):>4}")
    multi = sum(isinstance(i["doc"], list) and len(i["doc"]) > 1 for i in items)
    per_doc = Counter(d for i in items for d in ([i["doc"]] if isinstance(i["doc"], str) else i["doc"]))
    rows.append(f"questions over two or more documents: {multi}")
    rows += [f"  {d}: {n}" for d, n in sorted(per_doc.items())]
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, default=[HERE / "own.jsonl"])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--scorer", type=Path, default=Path("/work/shared/eval/score.py"))
    a = ap.parse_args()
    sc = load_scorer(a.scorer)
    failed = False
    for g in a.gold:
        problems, items = check(g, a.corpus, sc)
        print(f"== {g} ({len(items)} questions)")
        print(summary(items))
        for p in problems:
            print("PROBLEM", p)
        print("OK" if not problems else f"{len(problems)} problem(s)")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
