"""Compare settings on every gold set at once: one compact line per set and configuration.

    python bench/compare.py                                   # defaults on the tuning sets: dev, dev2, own, fresh3, fresh4, fresh5, fresh6
    python bench/compare.py question.rewrite=false retrieval.exact_search=false   # one ablation per argument
    python bench/compare.py --grid answer.abstain_threshold=1.0,1.25,1.5          # a grid

Each argument `section.name=value` is one configuration beside the defaults (an ablation line); with
--grid, each argument is a list of values and the configurations are their product. The lines are the
scorer's figures: recall@5 all/ar/en, mrr@10, facts all/en, abstain_ok, false_abstain, cited_ok, p50.
"""
from __future__ import annotations

import argparse
import itertools
import logging
import statistics
from pathlib import Path

from assistant import Assistant
from assistant.evaluation import load_gold, load_scorer, pooled, score_run
from assistant.render.json import run_record
from indexing.config import PROJECT_ROOT, Settings
from sweep import parse_value  # bench/ is on the path when a bench script runs

SETS = [
    PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    PROJECT_ROOT.parent / "shared" / "eval" / "dev2.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "own.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "fresh3.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "fresh4.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "fresh5.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "fresh6.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "fresh7.jsonl",
]
COLUMNS = "set        r@5  ar   en   mrr  facts en   abst false cited p50ms"


def with_overrides(base: Settings, overrides: dict[str, object]) -> Settings:
    data = base.model_dump()
    for dotted, value in overrides.items():
        section, name = dotted.split(".", 1)
        data[section][name] = value
    return Settings(**data)


def line(name: str, result: dict, latencies: list[float]) -> str:
    s, ar, en = result["summary"], result["by_lang"].get("ar", {}), result["by_lang"].get("en", {})

    def f(d, k):
        v = d.get(k)
        return f"{v:.2f}" if isinstance(v, (int, float)) else "  - "

    return (f"{name:10} {f(s, 'recall@5')} {f(ar, 'recall@5')} {f(en, 'recall@5')} {f(s, 'mrr@10')} "
            f"{f(s, 'facts')} {f(en, 'facts')} {f(s, 'abstain_ok')} {f(s, 'false_abstain')} {f(s, 'cited_ok')} "
            f"{statistics.median(latencies):5.1f}")


def evaluate(assistant: Assistant, sets: list[Path], scorer) -> list[str]:
    lines, runs = [], {}
    for path in sets:
        gold = load_gold(path)
        records = [run_record(assistant.ask(item["question"]), item["id"]) for item in gold]
        runs[path.stem] = (gold, records)
        lines.append(line(path.stem, score_run(gold, records, assistant.settings.corpus_dir, scorer),
                          [r["latency_ms"] for r in records]))
    gold, records = pooled(runs)
    lines.append(line("pooled", score_run(gold, records, assistant.settings.corpus_dir, scorer),
                      [r["latency_ms"] for r in records]))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("overrides", nargs="*", help="section.name=value (with --grid: v1,v2,...)")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--sets", type=Path, nargs="*", default=SETS)
    ap.add_argument("--no-defaults", action="store_true", help="skip the defaults line")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    base = Settings()
    scorer = load_scorer(args.sets[0])
    assistant = Assistant(base)
    assistant.index(show_progress=False)
    configs: list[dict[str, object]] = [] if args.no_defaults else [{}]
    pairs = [o.split("=", 1) for o in args.overrides]
    if args.grid:
        keys = [k for k, _ in pairs]
        for values in itertools.product(*[[parse_value(v) for v in vs.split(",")] for _, vs in pairs]):
            configs.append(dict(zip(keys, values)))
    else:
        configs += [{k: parse_value(v)} for k, v in pairs]
    print(COLUMNS)
    for overrides in configs:
        print("# " + (", ".join(f"{k}={v}" for k, v in overrides.items()) or "defaults"), flush=True)
        run = Assistant(with_overrides(base, overrides)) if overrides else assistant
        for text in evaluate(run, args.sets, scorer):
            print(text, flush=True)


if __name__ == "__main__":
    main()
