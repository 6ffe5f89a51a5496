"""Run a gold question set through the assistant and score it with the shared scorer.

The scorer (`score.py`) sits beside the gold file; it is loaded from there, not copied, so the numbers
here are the numbers anyone else gets.
"""
from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path
from types import ModuleType

from tqdm import tqdm

from .core import Assistant
from .render.json import run_record

log = logging.getLogger(__name__)


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_gold(assistant: Assistant, gold: list[dict], out: Path | None = None, show_progress: bool = True) -> list[dict]:
    """Ask every question (warm, one at a time) and return run records in the shared run format."""
    records = []
    for item in tqdm(gold, desc="eval", unit="q", disable=not show_progress):
        records.append(run_record(assistant.ask(item["question"]), item["id"]))
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def find_scorer(gold_paths: list[Path], scorer: Path | None = None) -> Path:
    """The scorer given, else the `score.py` beside the first gold file that has one (a set of our own,
    kept in the repo, is scored by the shared scorer beside the shared sets)."""
    if scorer:
        return scorer
    for gold in gold_paths:
        if (gold.parent / "score.py").exists():
            return gold.parent / "score.py"
    raise FileNotFoundError(f"no score.py beside {', '.join(map(str, gold_paths))}; pass --scorer")


def load_scorer(gold_path: Path, scorer: Path | None = None) -> ModuleType:
    path = find_scorer([gold_path], scorer)
    if not path.exists():
        raise FileNotFoundError(f"no scorer at {path}; pass --scorer")
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score_run(gold: list[dict], records: list[dict], corpus_dir: Path, scorer: ModuleType) -> dict:
    return scorer.score(gold, {r["id"]: r for r in records}, corpus_dir)


def pooled(sets: dict[str, tuple[list[dict], list[dict]]]) -> tuple[list[dict], list[dict]]:
    """All sets as one (ids prefixed by their set's name, since two sets may reuse an id)."""
    gold, records = [], []
    for name, (items, recs) in sets.items():
        gold += [{**g, "id": f"{name}/{g['id']}"} for g in items]
        records += [{**r, "id": f"{name}/{r['id']}"} for r in recs]
    return gold, records


def format_table(result: dict) -> str:
    lines = ["all       " + json.dumps(result["summary"], ensure_ascii=False)]
    for group in ("by_lang", "by_kind"):
        for key, value in result[group].items():
            lines.append(f"{key:9} " + json.dumps(value, ensure_ascii=False))
    return "\n".join(lines)
