"""`policy-assistant recommendations [--doc DOC_ID] [--json]` from a real index of two bundled documents."""
from __future__ import annotations

import json
import shutil

from conftest import CORPUS
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def test_recommendations_command_groups_qatars_proposals_and_links_the_resolution(small_library, monkeypatch):
    shutil.copy(CORPUS / "recommendations.toml", small_library.corpus_dir / "recommendations.toml")
    monkeypatch.setenv("PA_CORPUS_DIR", str(small_library.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(small_library.data_dir))
    assert runner.invoke(app, ["index"]).exit_code == 0
    done = runner.invoke(app, ["recommendations", "--doc", "qatar-submission-2024", "--json"])
    assert done.exit_code == 0, done.output
    rows = json.loads(done.output)
    assert rows and {r["doc_id"] for r in rows} == {"qatar-submission-2024"}
    assert {"States", "Private sector and internet service providers"} <= {r["addressee"] for r in rows}
    assert all(r["label"] and r["locator"] for r in rows)
    links = [k for r in rows for k in r["links"]]
    assert links and all(k["doc_id"] == "ga-resolution-2022" and 0 < k["score"] <= 1 for k in links)
    table = runner.invoke(app, ["recommendations"])
    assert table.exit_code == 0 and "States" in table.output
    missing = runner.invoke(app, ["recommendations", "--doc", "nope"])
    assert missing.exit_code == 1
