"""`policy-assistant figures [--doc DOC_ID] [--json]`: the figures index from a real index, and its errors."""
from __future__ import annotations

import json
import shutil

from conftest import CORPUS
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def test_figures_command_prints_each_figure_with_what_it_counts_where_and_its_year(small_library, monkeypatch):
    for name in ("figures.toml", "glossary.toml"):
        shutil.copy(CORPUS / name, small_library.corpus_dir / name)
    monkeypatch.setenv("PA_CORPUS_DIR", str(small_library.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(small_library.data_dir))
    assert runner.invoke(app, ["index"]).exit_code == 0
    done = runner.invoke(app, ["figures", "--doc", "qatar-submission-2024", "--json"])
    assert done.exit_code == 0, done.output
    rows = json.loads(done.output)
    assert rows and all(set(r) >= {"value", "unit", "counts", "sentence", "doc_id", "locator", "year"} for r in rows)
    assert {r["doc_id"] for r in rows} == {"qatar-submission-2024"}
    ten = next(r for r in rows if r["value"] == "10%")  # "10% من هؤلاء الأطفال في سن ما قبل المدرسة"
    assert ten["counts"] == "هؤلاء الأطفال" and ten["year"] == 2024 and ten["locator"]
    assert "1 in 4" in {r["value"] for r in rows}  # "فتاة من كل (4) فتيات"
    table = runner.invoke(app, ["figures"])
    assert table.exit_code == 0 and "10%" in table.output
    missing = runner.invoke(app, ["figures", "--doc", "no-such-doc"])
    assert missing.exit_code == 1 and "No document 'no-such-doc'" in missing.output
