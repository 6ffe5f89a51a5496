"""The library: uploads copied in under safe names and indexed, documents removed whole, metadata for all."""
from __future__ import annotations

import pytest
from conftest import EDITOR, EDITOR_TOKEN

from assistant.editors import NotAllowed
from assistant.library import Library, Refused, safe_file_name
from indexing.pipeline import file_hash, open_store


def test_uploaded_file_names_with_path_parts_or_arabic_letters_stay_inside_the_library(small_library, tmp_path):
    library = Library(small_library, open_store(small_library))
    library.index(show_progress=False)
    outside = tmp_path / "uploads"
    outside.mkdir()
    sneaky = outside / "..\\..\\..\\escape.md"
    sneaky.write_text("# Escape\n\nThe Corran guideline asks hotlines to publish yearly reports.", encoding="utf-8")
    arabic = outside / "تقرير الخط الساخن 2024.txt"
    arabic.write_text("يطلب دليل كوران من الخطوط الساخنة نشر تقارير سنوية عن البلاغات.", encoding="utf-8")
    report, errors = library.add_files([sneaky, arabic], token=EDITOR_TOKEN)
    assert errors == []
    names = {p.name for p in small_library.corpus_dir.iterdir()}
    assert "escape.md" in names and "تقرير_الخط_الساخن_2024.txt" in names
    assert not (tmp_path / "escape.md").exists() and not any(".part" in n for n in names)
    assert {d.file_name for d in report.documents if d.status == "indexed"} >= {"escape.md", "تقرير_الخط_الساخن_2024.txt"}


def test_unwritable_library_folder_gives_a_clear_error_and_writes_nothing(small_library, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the library folder should be")
    upload = tmp_path / "note.txt"
    upload.write_text("The Corran guideline asks hotlines to publish yearly reports.", encoding="utf-8")
    settings = small_library.model_copy(update={"corpus_dir": blocker / "corpus"})
    report, errors = Library(settings, open_store(small_library)).add_files([upload], token=EDITOR_TOKEN)
    assert len(errors) == 1 and "cannot be written" in errors[0]
    assert blocker.read_text() == "a file where the library folder should be"


def test_a_removed_document_loses_its_file_its_chunks_and_its_answers(small_library):
    from assistant import Assistant

    assistant = Assistant(small_library)
    assistant.index(show_progress=False)
    record = next(r for r in assistant.documents() if r.file_name == "qatar-submission-2024.txt")
    assert any(p.chunk.doc_id == record.doc_id for p in assistant.retrieve("Qatar hotline reports").passages)
    assert assistant.remove_document(record.doc_id, token=EDITOR_TOKEN, confirm=True).doc_id == record.doc_id
    assert not (small_library.corpus_dir / record.file_name).exists()
    assert record.doc_id not in {r.doc_id for r in assistant.documents()}
    assert all(p.chunk.doc_id != record.doc_id for p in assistant.retrieve("Qatar hotline reports").passages)
    with pytest.raises(Refused, match="no document"):  # already gone: said plainly
        assistant.remove_document(record.doc_id, token=EDITOR_TOKEN, confirm=True)


def test_a_document_the_catalogue_does_not_list_gets_its_metadata_from_the_index(small_library):
    (small_library.corpus_dir / "hotline-note.txt").write_text(
        "Hotline yearly report\n\nThe hotline publishes a yearly report on the notices it received.", encoding="utf-8")
    library = Library(small_library, open_store(small_library))
    library.index(show_progress=False)
    metas = {m.doc_id: m for m in library.metas()}
    listed = {r.doc_id for r in library.documents()}
    assert listed <= set(metas)
    uncatalogued = next(r for r in library.documents() if r.file_name == "hotline-note.txt")
    assert metas[uncatalogued.doc_id].file_name == "hotline-note.txt"
    assert metas[uncatalogued.doc_id].title_en == uncatalogued.title


def test_safe_file_names_keep_letters_and_drop_path_parts():
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("تقرير 2024.pdf") == "تقرير_2024.pdf"
    assert safe_file_name(".hidden") == "document.hidden"  # never a hidden file


# -- roles, trash, versions, duplicates, provenance ---------------------------------------------------
NOTE = "The Corran guideline asks every hotline to publish a yearly report on the notices it received."


def _state(settings, library):
    """What a refused change must leave alone: the files (with their bytes), the index records and chunks."""
    files = {p.name: p.read_bytes() for p in settings.corpus_dir.iterdir()}
    return files, {d: r.content_hash for d, r in library.store.documents().items()}, library.store.count()


@pytest.fixture
def editable(small_library):
    library = Library(small_library, open_store(small_library))
    library.index(show_progress=False)
    return small_library, library


def test_without_an_editor_token_nothing_can_be_added_replaced_removed_or_restored(editable, tmp_path):
    settings, library = editable
    upload = tmp_path / "note.txt"
    upload.write_text(NOTE, encoding="utf-8")
    before = _state(settings, library)
    for token in (None, "", "not-the-editor-token-at-all"):
        with pytest.raises(NotAllowed, match="Only an editor"):
            library.add_files([upload], token=token)
        with pytest.raises(NotAllowed):
            library.replace("qatar-submission-2024", upload, token=token, confirm=True)
        with pytest.raises(NotAllowed):
            library.remove("qatar-submission-2024", token=token, confirm=True)
        with pytest.raises(NotAllowed):
            library.trash(token=token)
    assert _state(settings, library) == before
    assert library.audit.entries() == []


def test_a_short_token_never_makes_an_editor():
    from assistant.editors import Editors
    from indexing.config import LibrarySettings

    editors = Editors(LibrarySettings(editors="weak:changeme,strong:a-long-enough-secret-token"))
    assert editors.who("changeme") is None and editors.who("a-long-enough-secret-token").name == "strong"


def test_an_upload_matching_a_document_by_name_or_content_is_refused(editable, tmp_path):
    settings, library = editable
    same_name = tmp_path / "Qatar-Submission-2024.txt"  # a name differing only in case is the same name
    same_name.write_text(NOTE, encoding="utf-8")
    copy = tmp_path / "copy-of-the-resolution.txt"
    copy.write_bytes((settings.corpus_dir / "ga-resolution-2022.ar.txt").read_bytes())
    before = _state(settings, library)
    report, errors = library.add_files([same_name, copy], token=EDITOR_TOKEN)
    assert len(errors) == 2, errors
    assert "named qatar-submission-2024.txt is already in the library" in errors[0] and "Replace" in errors[0]
    assert "same content as ga-resolution-2022" in errors[1]
    assert _state(settings, library) == before and not [d for d in report.documents if d.status == "indexed"]


def test_a_removed_upload_goes_to_the_trash_and_comes_back_whole_with_its_mark(editable, tmp_path):
    settings, library = editable
    upload = tmp_path / "corran-note.txt"
    upload.write_text(NOTE, encoding="utf-8")
    report, errors = library.add_files([upload], token=EDITOR_TOKEN)
    doc_id = next(d.doc_id for d in report.documents if d.file_name == "corran-note.txt")
    chunks = [c for c in library.store.all_chunks() if c.doc_id == doc_id]
    assert chunks and all(c.added_by == EDITOR and c.added_at for c in chunks)
    assert not library.is_bundled(library.store.documents()[doc_id])

    kept = library.remove(doc_id, token=EDITOR_TOKEN)  # an upload needs no confirmation
    assert not (settings.corpus_dir / "corran-note.txt").exists() and doc_id not in library.store.documents()
    assert [k.kept_id for k in library.trash(token=EDITOR_TOKEN)] == [kept.kept_id]

    library.restore(kept.kept_id, token=EDITOR_TOKEN)
    assert (settings.corpus_dir / "corran-note.txt").read_text(encoding="utf-8") == NOTE
    back = [c for c in library.store.all_chunks() if c.doc_id == doc_id]
    assert [c.text for c in back] == [c.text for c in chunks] and all(c.added_by == EDITOR for c in back)
    assert library.trash(token=EDITOR_TOKEN) == []
    assert [(e.action, e.who, e.doc_id) for e in library.audit.entries()] == [
        ("add", EDITOR, doc_id), ("remove", EDITOR, doc_id), ("restore", EDITOR, doc_id)]
    assert {e.sha256 for e in library.audit.entries()} == {kept.sha256}


def test_a_bundled_document_is_replaced_only_when_confirmed_and_its_old_version_can_be_restored(editable, tmp_path):
    settings, library = editable
    original = (settings.corpus_dir / "qatar-submission-2024.txt").read_bytes()
    record = library.store.documents()["qatar-submission-2024"]
    assert library.is_bundled(record)
    forged = tmp_path / "new.txt"
    forged.write_text(NOTE, encoding="utf-8")
    before = _state(settings, library)
    with pytest.raises(Refused, match="bundled document: confirm"):
        library.replace(record.doc_id, forged, token=EDITOR_TOKEN)
    with pytest.raises(Refused, match="bundled document: confirm"):
        library.remove(record.doc_id, token=EDITOR_TOKEN)
    assert _state(settings, library) == before

    library.replace(record.doc_id, forged, token=EDITOR_TOKEN, confirm=True)
    assert (settings.corpus_dir / record.file_name).read_text(encoding="utf-8") == NOTE
    replaced = [c for c in library.store.all_chunks() if c.doc_id == record.doc_id]
    assert NOTE in " ".join(c.text for c in replaced) and all(c.added_by == EDITOR for c in replaced)
    (version,) = library.versions(record.doc_id, token=EDITOR_TOKEN)
    with pytest.raises(Refused):  # a document id names a folder, never a path out of it
        library.versions("../trash", token=EDITOR_TOKEN)
    assert version.sha256 == record.content_hash

    library.restore_version(record.doc_id, version.kept_id, token=EDITOR_TOKEN)
    assert (settings.corpus_dir / record.file_name).read_bytes() == original
    assert library.store.documents()[record.doc_id].content_hash == record.content_hash
    assert all(not c.added_by for c in library.store.all_chunks() if c.doc_id == record.doc_id)
    assert library.is_bundled(library.store.documents()[record.doc_id])
    assert [v.sha256 for v in library.versions(record.doc_id, token=EDITOR_TOKEN)] == [file_hash(forged)]  # kept in turn
    assert [e.action for e in library.audit.entries()] == ["replace", "restore_version"]
