"""The library: uploads copied in under safe names and indexed, documents removed whole, metadata for all."""
from __future__ import annotations

import pytest
from conftest import EDITOR_TOKEN

from assistant.library import Library, Refused, safe_file_name
from indexing.pipeline import open_store


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
