"""Conversations as the browser keeps them: answers back whole from JSON, newest first, capped."""
from __future__ import annotations

import json

from assistant.kept import answer_of, answer_record, forget, keep, kept_list
from assistant.sessions import Session, Turn


def test_an_answer_comes_back_whole_from_its_json_record(library, answers):
    for answer in answers.values():
        record = json.loads(json.dumps(answer_record(answer)))  # what localStorage holds
        assert answer_of(record, library.chunk) == answer


def test_passages_are_kept_by_chunk_id_and_one_the_library_lost_is_left_out(library, answers):
    answer = answers["none"]
    record = answer_record(answer)
    assert record["passages"] and all(set(p) == {"chunk_id", "score", "why", "dense"} for p in record["passages"])
    lost = answer.passages[0].chunk.chunk_id
    back = answer_of(record, lambda cid: None if cid == lost else library.chunk(cid))
    assert len(back.passages) == len(answer.passages) - 1


def test_a_record_from_an_older_app_still_loads(library, answers):
    record = answer_record(answers["en"])
    record["no_longer_a_field"] = 1
    del record["read_with"]
    assert answer_of(record, library.chunk).citations == answers["en"].citations


def test_the_conversation_just_saved_is_first_with_its_follow_up_turns_and_the_list_is_capped(answers):
    session = Session([Turn("q1", "q1", ("gta-2019",), "a1")])
    data = {}
    for i in range(4):
        data = keep(data, f"c{i}", [answers["en"]], session, max_conversations=3, max_answers=5)
    kept = kept_list(json.loads(json.dumps(data)))
    assert [k.id for k in kept] == ["c3", "c2", "c1"]
    assert kept[0].session().turns == session.turns
    assert kept[0].title.startswith("What does the Special Rapporteur")
    data = keep(data, "c1", [answers["en"], answers["ar"]], session, 3, 5)  # asked again in c1: it moves up
    assert [k.id for k in kept_list(data)] == ["c1", "c3", "c2"] and len(kept_list(data)[0].answers) == 2
    assert [k.id for k in kept_list(forget(data, "c3"))] == ["c1", "c2"]


def test_an_empty_conversation_is_not_kept_and_unreadable_data_is_dropped(answers):
    assert keep({}, "c0", [], Session(), 3, 5) == {"conversations": []}
    assert kept_list("garbage") == [] and kept_list({"conversations": [{"id": "x", "bad": 1}]})[0].id == "x"
