"""`policy-assistant paragraphs DOC_ID`: the resolution at a glance from the real index, and its errors."""
from __future__ import annotations

import json
import shutil

from conftest import CORPUS
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def test_paragraphs_command_lists_every_paragraph_with_verb_force_and_addressees(small_library, monkeypatch):
    shutil.copy(CORPUS / "drafting_verbs.toml", small_library.corpus_dir / "drafting_verbs.toml")
    shutil.copy(CORPUS / "glossary.toml", small_library.corpus_dir / "glossary.toml")
    monkeypatch.setenv("PA_CORPUS_DIR", str(small_library.corpus_dir))
    monkeypatch.setenv("PA_DATA_DIR", str(small_library.data_dir))
    assert runner.invoke(app, ["index"]).exit_code == 0
    done = runner.invoke(app, ["paragraphs", "ga-resolution-2022", "--json"])
    assert done.exit_code == 0, done.output
    rows = {r["label"]: r for r in json.loads(done.output)}
    assert len([l for l in rows if l.startswith("OP")]) == 22 and len([l for l in rows if l.startswith("PP")]) == 30
    assert {k: rows["OP 22"][k] for k in ("verb_ar", "verb_en", "force", "addressees")} == {
        "verb_ar": "تدعو", "verb_en": "invites", "force": "recommendation", "addressees": ["Member States", "donors"]}
    assert all(set(r) >= {"label", "text", "verb_ar", "verb_en", "force", "addressees", "topic"} for r in rows.values())
    table = runner.invoke(app, ["paragraphs", "ga-resolution-2022"])
    assert table.exit_code == 0 and "OP 19" in table.output and "directive" in table.output

    missing = runner.invoke(app, ["paragraphs", "no-such-doc"])
    assert missing.exit_code == 1 and "No document 'no-such-doc'" in missing.output
    assert "ga-resolution-2022" in missing.output
    not_resolution = runner.invoke(app, ["paragraphs", "qatar-submission-2024"])
    assert not_resolution.exit_code == 1 and "not a resolution" in not_resolution.output
