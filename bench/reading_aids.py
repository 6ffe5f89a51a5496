"""How many quotes in the other language carry a reading aid with a term or a figure, per gold set.

    python bench/reading_aids.py                 # dev, dev2 and bench/gold/own.jsonl
    python bench/reading_aids.py --show 5        # and print a few aids to look at

Every question of each set is asked; for each answer, the quotes whose language differs from the question's
are counted, with the share whose aid names at least one glossary term or figure, and at least one term.
"""
from __future__ import annotations

import argparse
import logging
import random
from pathlib import Path

from tqdm import tqdm

from assistant import Assistant
from assistant.evaluation import load_gold
from assistant.reading_aid import figures
from indexing.config import PROJECT_ROOT, Settings
from indexing.language import script_language

SETS = [
    PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    PROJECT_ROOT.parent / "shared" / "eval" / "dev2.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "own.jsonl",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=SETS)
    parser.add_argument("--show", type=int, default=0, help="print this many aids per set")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    assistant = Assistant(Settings())
    assistant.index(show_progress=False)
    print("set        lang  quotes  aid   term+fig  term   figure")
    for path in args.sets:
        if not path.exists():
            continue
        by_lang: dict[str, list] = {"en": [], "ar": []}
        for item in tqdm(load_gold(path), desc=path.stem, leave=False):
            answer = assistant.ask(item["question"])
            for c in answer.citations:
                if script_language(c.quote) != answer.language:
                    by_lang[answer.language].append(c)
        for lang, cites in by_lang.items():
            if not cites:
                continue
            n = len(cites)
            terms = [c for c in cites if "terms:" in c.reading_aid or "مصطلحات:" in c.reading_aid]
            figs = [c for c in cites if figures(c.quote)]
            either = [c for c in cites if c in terms or c in figs]
            aided = [c for c in cites if c.reading_aid]
            print(f"{path.stem:<10} {lang:<5} {n:>6}  {len(aided) / n:.2f}  {len(either) / n:.2f}      "
                  f"{len(terms) / n:.2f}   {len(figs) / n:.2f}")
            for c in random.Random(0).sample(cites, min(args.show, n)):
                print(f"    «{c.quote[:140]}»\n      {c.reading_aid}")


if __name__ == "__main__":
    main()
