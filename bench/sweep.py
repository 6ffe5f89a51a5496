"""Sweep retrieval settings on a gold set and print recall/mrr by language for each (retrieval only).

    python bench/sweep.py ../shared/eval/dev.jsonl retrieval.lexical_weight=0,0.5,1 retrieval.rrf_k=20,60
    python bench/sweep.py ../shared/eval/dev.jsonl --answers answer.passages=3,4,5

With --answers each question is answered, not only retrieved, and facts and abstention are printed too.

Each argument is a dotted setting and comma-separated values; the grid is their product. Use it to
choose method-level settings (weights, fusion), never per-question tweaks.
"""
from __future__ import annotations

import argparse
import json
import itertools
import logging
from pathlib import Path

from assistant import Assistant
from assistant.evaluation import load_gold, load_scorer
from assistant.models import Answer
from assistant.render.json import run_record
from indexing.config import Settings


def parse_value(text: str):
    if text.startswith("["):
        return json.loads(text)  # a list setting: '["en","ar"]'
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("grid", nargs="*", help="section.name=v1,v2,...")
    ap.add_argument("--answers", action="store_true", help="answer each question (facts, abstention)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    assistant = Assistant(settings)
    gold = load_gold(args.gold)
    scorer = load_scorer(args.gold)
    axes = [(g.split("=")[0], [parse_value(v) for v in g.split("=")[1].split(",")]) for g in args.grid]
    extra = f" | {'facts':>5} {'abst':>5} {'false':>5}" if args.answers else ""
    print(f"{'setting':60} {'r@1':>5} {'r@5':>5} {'r@10':>5} {'mrr':>5} | {'ar r@5':>6} {'en r@5':>6} {'en mrr':>6}{extra}")
    for combo in itertools.product(*[vals for _, vals in axes]) if axes else [()]:
        label = []
        for (name, _), value in zip(axes, combo):
            section, key = name.split(".")
            setattr(getattr(settings, section), key, value)
            label.append(f"{name}={value}")
        assistant.refresh()  # the parts built from settings (retriever, answerer and its picker) are rebuilt
        records = []
        for item in gold:
            if args.answers:
                records.append(run_record(assistant.ask(item["question"]), item["id"]))
            else:
                r = assistant.retrieve(item["question"])
                records.append(run_record(Answer(item["question"], r.language, passages=tuple(r.passages)), item["id"]))
        res = scorer.score(gold, {x["id"]: x for x in records}, settings.corpus_dir)
        s, ar, en = res["summary"], res["by_lang"]["ar"], res["by_lang"]["en"]
        print(f"{' '.join(label) or 'current':60} {s['recall@1']:5.2f} {s['recall@5']:5.2f} {s['recall@10']:5.2f} "
              f"{s['mrr@10']:5.2f} | {ar['recall@5']:6.2f} {en['recall@5']:6.2f} {en['mrr@10']:6.2f}"
              + (f" | {s['facts']:5.2f} {s['abstain_ok']:5.2f} {s['false_abstain']:5.2f}" if args.answers else ""))


if __name__ == "__main__":
    main()
