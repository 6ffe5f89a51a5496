"""`Response`: iterate for the streamed text, then read the finished answer."""
from __future__ import annotations

from assistant.render.markdown import body


def test_the_streamed_text_of_an_extractive_answer_is_its_markdown(library):
    response = library.respond("What does the resolution ask internet service providers to do?")
    text = "".join(response)
    assert text == body(response.answer) and response.answer.citations


def test_the_answer_can_be_read_without_iterating_and_the_text_is_kept(library):
    response = library.respond("ما الذي يطلبه القرار من مقدمي خدمات الإنترنت؟")
    answer = response.answer
    assert answer.language == "ar" and response.text() == body(answer)
    assert "".join(response) == body(answer)  # iterating again replays the text


def test_an_empty_question_streams_its_request(library):
    response = library.respond("   ")
    assert list(response) == ["Please type a question about the documents."] and response.answer.abstained
