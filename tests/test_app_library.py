"""The app's library with roles, driven with `gradio_client` against the real server (`app_server`): readers
change nothing, editors add, replace, remove and restore, every page sees the library as it is now."""
from __future__ import annotations

import json

from conftest import EDITOR, EDITOR_TOKEN, make_pdf
from gradio_client import Client, handle_file

from indexing.pipeline import open_store

FACT = "The Varnholt accord obliges each platform to staff a child-safety desk around the clock."
QUESTION = "What does the Varnholt accord oblige each platform to staff?"


def rows(client: Client) -> dict[str, list]:
    """The library table as a fresh page load gives it, by document id."""
    *_, table = client.predict(api_name="/library")
    return {r[8]: r for r in table["data"]}


def files(settings) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in settings.corpus_dir.iterdir() if p.is_file()}


def index_state(settings) -> tuple[dict, int]:
    store = open_store(settings)
    return {d: r.content_hash for d, r in store.documents().items()}, store.count()


def audit(settings) -> list[dict]:
    path = settings.data_dir / "library" / "audit.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def cited(client: Client, question: str) -> list[dict]:
    return client.predict(question, None, api_name="/ask")["citations"]


def test_a_reader_cannot_upload_replace_or_remove_and_the_library_is_unchanged(client, app_server, tmp_path):
    _, settings = app_server
    forged = tmp_path / "qatar-submission-2024.txt"
    forged.write_text("A forged memo.", encoding="utf-8")
    before = files(settings), index_state(settings), rows(client), len(audit(settings))
    for token in ("", "a-guessed-token-of-some-length"):
        status, *_ = client.predict([handle_file(str(forged))], token, api_name="/upload")
        assert "Only an editor can change the library" in status
        status, *_ = client.predict("qatar-submission-2024", handle_file(str(forged)), True, token, api_name="/replace")
        assert "Only an editor" in status
        status, *_ = client.predict("gta-2019", True, token, api_name="/remove")
        assert "Only an editor" in status
        *_, status = client.predict(token, api_name="/trash")
        assert "Only an editor" in status
    assert (files(settings), index_state(settings), rows(client), len(audit(settings))) == before
    assert any(c["doc_id"] == "gta-2019" for c in cited(client, "What does the Global Threat Assessment say about sextortion?"))


def test_an_editors_upload_is_seen_by_another_client_marked_as_added_and_removal_can_be_undone(app_server, tmp_path):
    _, settings = app_server
    first, second = (Client(app_server[0].local_url, verbose=False) for _ in range(2))
    assert "Signed in as **editor-1**" in first.predict(EDITOR_TOKEN, api_name="/sign_in")
    pdf = make_pdf(tmp_path / "varnholt accord.pdf", [[FACT]], title="Varnholt accord on platform safety")
    status, *_ = first.predict([handle_file(str(pdf))], EDITOR_TOKEN, api_name="/upload")
    assert status.splitlines()[0] == "Indexed 1 new file." and "✓ varnholt_accord.pdf" in status

    # A page opened by someone else lists it, says who added it, and every citation of it says so too.
    doc_id, row = next((d, r) for d, r in rows(second).items() if r[7] == "varnholt_accord.pdf")
    assert row[9].startswith(f"{EDITOR}, 20")
    (cite,) = [c for c in cited(second, QUESTION) if c["doc_id"] == doc_id][:1]
    assert cite["added_by"] == EDITOR and "child-safety desk" in cite["quote"]
    history, sources, _ = second.predict(QUESTION, [], [doc_id], [], [], api_name="/chat")
    assert f"added by {EDITOR}" in sources and f"added by {EDITOR}" in str(history[-1]["content"])

    status, *_ = second.predict([handle_file(str(pdf))], EDITOR_TOKEN, api_name="/upload")
    assert "already in the library" in status and status.splitlines()[0] == "No file was indexed."

    status, *_ = second.predict(doc_id, False, EDITOR_TOKEN, api_name="/remove")  # an upload: no confirmation
    assert status.startswith(f"Removed {doc_id} to the trash")
    assert not (settings.corpus_dir / "varnholt_accord.pdf").exists() and doc_id not in rows(first)
    assert not any(c["doc_id"] == doc_id for c in cited(first, QUESTION))

    trash, _, _ = first.predict(EDITOR_TOKEN, api_name="/trash")
    kept_id = next(r[0] for r in trash["data"] if r[1] == doc_id)
    status, *_ = first.predict(kept_id, EDITOR_TOKEN, api_name="/restore")
    assert status.startswith(f"Restored {doc_id}") and "Indexed 1 restored file." in status
    assert (settings.corpus_dir / "varnholt_accord.pdf").read_bytes() == pdf.read_bytes()
    assert any(c["doc_id"] == doc_id and c["added_by"] == EDITOR for c in cited(second, QUESTION))

    lines = [e for e in audit(settings) if e["doc_id"] == doc_id]
    assert [(e["action"], e["who"]) for e in lines] == [("add", EDITOR), ("remove", EDITOR), ("restore", EDITOR)]
    assert all(e["file_name"] == "varnholt_accord.pdf" and len(e["sha256"]) == 64 and e["at"] for e in lines)


def test_an_editor_replaces_a_bundled_document_only_when_confirmed_and_can_restore_its_old_version(client, app_server,
                                                                                                 tmp_path):
    _, settings = app_server
    doc_id, name = "mnr-review-2022", "mnr-review-2022.ar.txt"
    original = (settings.corpus_dir / name).read_bytes()
    new = tmp_path / "review-v2.txt"
    new.write_text(FACT.replace("Varnholt", "Quellmark"), encoding="utf-8")

    status, *_ = client.predict(doc_id, handle_file(str(new)), False, EDITOR_TOKEN, api_name="/replace")
    assert "bundled document: confirm" in status and (settings.corpus_dir / name).read_bytes() == original

    status, *_ = client.predict(doc_id, handle_file(str(new)), True, EDITOR_TOKEN, api_name="/replace")
    assert status.startswith(f"Replaced {doc_id}") and "Indexed 1 changed file." in status
    assert any(c["doc_id"] == doc_id and c["added_by"] == EDITOR and "Quellmark" in c["quote"]
               for c in cited(client, QUESTION.replace("Varnholt", "Quellmark")))

    versions, _ = client.predict(doc_id, EDITOR_TOKEN, api_name="/versions")
    kept_id = versions["data"][0][0]
    status, *_ = client.predict(doc_id, kept_id, EDITOR_TOKEN, api_name="/restore_version")
    assert status.startswith(f"Restored version {kept_id}")
    assert (settings.corpus_dir / name).read_bytes() == original
    assert rows(client)[doc_id][9] == "bundled"
    assert [e["action"] for e in audit(settings) if e["doc_id"] == doc_id] == ["replace", "restore_version"]
