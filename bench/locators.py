"""How many citations can be found again: the share carrying a locator beyond the document's title.

    python bench/locators.py                       # dev, dev2 and bench/gold/own.jsonl
    python bench/locators.py --sets my.jsonl

Per set: citations, the share whose locator is more than the title (goal >= 0.95), the share located by a
paragraph label, by heading path and paragraph (¶ n), and the share left with the last resort (passage n).
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

from assistant import Assistant
from assistant.evaluation import load_gold
from assistant.render.references import FORMATS
from indexing.config import PROJECT_ROOT, Settings

SETS = [
    PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    PROJECT_ROOT.parent / "shared" / "eval" / "dev2.jsonl",
    PROJECT_ROOT / "bench" / "gold" / "own.jsonl",
]
_PASSAGE = tuple(f.passage.split("{")[0] for f in FORMATS.values())  # "passage ", "المقطع "


def kind(c) -> str:
    if not c.locator or c.locator.strip() == c.title.strip():
        return "title"
    if c.label:
        return "label"
    if c.locator.startswith(_PASSAGE):
        return "passage"
    return "section"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", type=Path, nargs="*", default=SETS)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    assistant = Assistant(Settings())
    assistant.index(show_progress=False)
    print("set        citations beyond-title label section passage")
    pooled: list[str] = []
    for path in args.sets:
        kinds = [kind(c) for item in load_gold(path) for c in assistant.ask(item["question"]).citations]
        pooled += kinds
        print(row(path.stem, kinds), flush=True)
    print(row("pooled", pooled))


def row(name: str, kinds: list[str]) -> str:
    n = len(kinds) or 1
    share = {k: kinds.count(k) / n for k in ("label", "section", "passage")}
    beyond = 1 - kinds.count("title") / n
    return (f"{name:10} {len(kinds):9d} {beyond:12.3f} {share['label']:5.3f} {share['section']:7.3f} "
            f"{share['passage']:7.3f}")


if __name__ == "__main__":
    main()
