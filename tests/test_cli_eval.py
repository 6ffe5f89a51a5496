"""The command line over the real library, and the dev-set evaluation as a regression guard."""
from __future__ import annotations

import json

import pytest
from conftest import SHARED_EVAL

from indexing.config import PROJECT_ROOT
from typer.testing import CliRunner

from assistant.cli import app
from assistant.evaluation import load_gold, load_scorer, run_gold, score_run

runner = CliRunner()


def test_index_command_prints_a_table_and_is_incremental(small_library, monkeypatch):
    monkeypatch.setenv("PA_CORPUS_DIR", str(small_library.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(small_library.data_dir))
    first = runner.invoke(app, ["index"])
    assert first.exit_code == 0, first.output
    assert "ga-resolution-2022.ar.txt" in first.output and "indexed" in first.output
    assert "paragraphs labelled" in first.output
    second = runner.invoke(app, ["index"])
    assert second.exit_code == 0 and "unchanged" in second.output


def test_ask_command_prints_an_answer_with_citations(small_library, monkeypatch):
    monkeypatch.setenv("PA_CORPUS_DIR", str(small_library.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(small_library.data_dir))
    assert runner.invoke(app, ["index"]).exit_code == 0
    done = runner.invoke(app, ["ask", "What does operative paragraph 3 of the resolution call for?", "--json"])
    assert done.exit_code == 0, done.output
    record = json.loads(done.output)
    assert record["citations"][0]["paragraph"] == "OP 3"


def test_glossary_command_looks_terms_up_in_both_languages():
    done = runner.invoke(app, ["glossary", "grooming"])
    assert done.exit_code == 0 and "الاستمالة" in done.output


# Floors sit just under what the assistant reaches on each set: a regression guard, not a target.
OWN_SET = PROJECT_ROOT / "bench" / "gold" / "own.jsonl"
FLOORS = {
    "dev": {"recall@5": 0.92, "mrr@10": 0.84, "facts": 0.82, "cited_ok": 1.0, "abstain_ok": 0.95, "false_abstain": 0.05},
    "dev2": {"recall@5": 0.95, "mrr@10": 0.82, "facts": 0.9, "cited_ok": 1.0, "abstain_ok": 0.8, "false_abstain": 0.05},
    "own": {"recall@5": 0.95, "mrr@10": 0.85, "facts": 0.92, "cited_ok": 1.0, "abstain_ok": 0.85, "false_abstain": 0.05},
    "fresh3": {"recall@5": 0.96, "mrr@10": 0.84, "facts": 0.85, "cited_ok": 1.0, "abstain_ok": 0.95, "false_abstain": 0.06},
    "fresh4": {"recall@5": 0.93, "mrr@10": 0.85, "facts": 0.87, "cited_ok": 1.0, "abstain_ok": 0.95, "false_abstain": 0.03},
    "fresh5": {"recall@5": 0.88, "mrr@10": 0.71, "facts": 0.75, "cited_ok": 1.0, "abstain_ok": 0.75, "false_abstain": 0.03},
    "fresh": {"recall@5": 0.89, "mrr@10": 0.76, "facts": 0.86, "cited_ok": 1.0, "abstain_ok": 0.95, "false_abstain": 0.03},
    "fresh2": {"recall@5": 0.96, "mrr@10": 0.88, "facts": 0.83, "cited_ok": 1.0, "abstain_ok": 0.8, "false_abstain": 0.06},
    "fresh6": {"recall@5": 0.92, "mrr@10": 0.73, "facts": 0.82, "cited_ok": 1.0, "abstain_ok": 0.85, "false_abstain": 0.03},
    "fresh7": {"recall@5": 0.86, "mrr@10": 0.67, "facts": 0.81, "cited_ok": 1.0, "abstain_ok": 0.8, "false_abstain": 0.08},
    "fresh8": {"recall@5": 0.81, "mrr@10": 0.66, "facts": 0.73, "cited_ok": 1.0, "abstain_ok": 0.95, "false_abstain": 0.13},
    "fresh9": {"recall@5": 0.89, "mrr@10": 0.73, "facts": 0.81, "cited_ok": 1.0, "abstain_ok": 0.8, "false_abstain": 0.11},
    "fresh10": {"recall@5": 0.97, "mrr@10": 0.77, "facts": 0.86, "cited_ok": 1.0, "abstain_ok": 0.8, "false_abstain": 0.04},
    "fresh11": {"recall@5": 0.83, "mrr@10": 0.7, "facts": 0.66, "cited_ok": 1.0, "abstain_ok": 0.95, "false_abstain": 0.06},
}
SET_FILES = {"dev": SHARED_EVAL / "dev.jsonl", "dev2": SHARED_EVAL / "dev2.jsonl", "own": OWN_SET,
             "fresh3": PROJECT_ROOT / "bench" / "gold" / "fresh3.jsonl",
             "fresh4": PROJECT_ROOT / "bench" / "gold" / "fresh4.jsonl",
             "fresh5": PROJECT_ROOT / "bench" / "gold" / "fresh5.jsonl",
             "fresh": PROJECT_ROOT / "bench" / "gold" / "fresh.jsonl",
             "fresh2": PROJECT_ROOT / "bench" / "gold" / "fresh2.jsonl",
             "fresh6": PROJECT_ROOT / "bench" / "gold" / "fresh6.jsonl",
             "fresh7": PROJECT_ROOT / "bench" / "gold" / "fresh7.jsonl",
             "fresh8": PROJECT_ROOT / "bench" / "gold" / "fresh8.jsonl",
             "fresh9": PROJECT_ROOT / "bench" / "gold" / "fresh9.jsonl",
             "fresh10": PROJECT_ROOT / "bench" / "gold" / "fresh10.jsonl",
             "fresh11": PROJECT_ROOT / "bench" / "gold" / "fresh11.jsonl"}


@pytest.mark.parametrize("name", list(FLOORS))
def test_gold_set_scores_stay_above_their_floors(library, tmp_path, name):
    path = SET_FILES[name]
    if not path.exists() or not (SHARED_EVAL / "score.py").exists():
        pytest.skip("gold set or the shared scorer not beside the project")
    gold = load_gold(path)
    records = run_gold(library, gold, tmp_path / "run.jsonl", show_progress=False)
    result = score_run(gold, records, library.settings.corpus_dir, load_scorer(SHARED_EVAL / "dev.jsonl"))
    summary = result["summary"]
    for metric, bound in FLOORS[name].items():
        if metric == "false_abstain":
            assert summary[metric] <= bound, (metric, summary)
        else:
            assert summary[metric] >= bound, (metric, summary)
    assert (tmp_path / "run.jsonl").read_text().count("\n") == len(gold)


def test_eval_command_prints_a_table_per_set_and_a_pooled_one(library, tmp_path, monkeypatch):
    if not (SHARED_EVAL / "score.py").exists():
        pytest.skip("the shared scorer is not beside the project")
    monkeypatch.setenv("PA_CORPUS_DIR", str(library.settings.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(library.settings.data_dir))
    done = runner.invoke(app, ["eval", str(SHARED_EVAL / "dev.jsonl"), str(OWN_SET), "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert "dev (34 questions)" in done.output and "own (" in done.output and "pooled (" in done.output
    assert (tmp_path / "dev.jsonl").exists() and (tmp_path / "own.jsonl").exists()


@pytest.mark.parametrize("args", [["ask", "What is grooming?", "--data-dir", "{missing}"],
                                  ["eval", str(SHARED_EVAL / "dev.jsonl"), "--data-dir", "{missing}"],
                                  ["index", "--corpus-dir", "{missing}"]], ids=["ask", "eval", "index"])
def test_a_missing_folder_on_the_command_line_is_a_clear_error_and_creates_nothing(tmp_path, args):
    missing = tmp_path / "nonexistent" / "dir"
    done = runner.invoke(app, [a.replace("{missing}", str(missing)) for a in args])
    assert done.exit_code != 0 and "does not exist" in done.output
    assert not (tmp_path / "nonexistent").exists()


def test_ask_with_an_unknown_document_id_lists_the_known_ones_and_fails(small_library, monkeypatch):
    monkeypatch.setenv("PA_CORPUS_DIR", str(small_library.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(small_library.data_dir))
    assert runner.invoke(app, ["index"]).exit_code == 0
    done = runner.invoke(app, ["ask", "What does the resolution call for?", "--doc", "no-such-doc"])
    assert done.exit_code != 0
    assert "no-such-doc" in done.output and "ga-resolution-2022" in done.output


def test_an_empty_question_says_so_once_and_logs_stay_quiet_without_v(small_library):
    """A real process: at normal verbosity nothing but the answer (no INFO or DEBUG lines, bm25s's included)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PA_CORPUS_DIR": str(small_library.corpus_dir), "PA_DATA_DIR": str(small_library.data_dir),
           "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(PROJECT_ROOT)}
    run = lambda *args: subprocess.run([sys.executable, "-m", "assistant.cli", *args], env=env, cwd=PROJECT_ROOT,
                                       capture_output=True, text=True, timeout=300)
    assert run("index").returncode == 0
    empty = run("ask", "  ؟ ")
    assert empty.returncode == 0 and empty.stdout.count("يرجى كتابة سؤال عن الوثائق.") == 1
    asked = run("ask", "What does operative paragraph 3 of the resolution call for?")
    assert "OP 3" in asked.stdout
    assert not any(level in asked.stderr for level in (" INFO ", " DEBUG ")), asked.stderr[-500:]
    verbose = run("-v", "ask", "What does operative paragraph 3 of the resolution call for?")
    assert " DEBUG " in verbose.stderr or " INFO " in verbose.stderr
