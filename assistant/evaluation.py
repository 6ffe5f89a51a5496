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


def load_scorer(gold_path: Path, scorer: Path | None = None) -> ModuleType:
    path = scorer or gold_path.parent / "score.py"
    if not path.exists():
        raise FileNotFoundError(f"no scorer at {path}; pass --scorer")
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score_run(gold: list[dict], records: list[dict], corpus_dir: Path, scorer: ModuleType) -> dict:
    return scorer.score(gold, {r["id"]: r for r in records}, corpus_dir)


def format_table(result: dict) -> str:
    lines = ["all       " + json.dumps(result["summary"], ensure_ascii=False)]
    for group in ("by_lang", "by_kind"):
        for key, value in result[group].items():
            lines.append(f"{key:9} " + json.dumps(value, ensure_ascii=False))
    return "\n".join(lines)
