"""The list of passages holding the question's glossary terms as whole phrases, rare terms first."""
from __future__ import annotations

import numpy as np

from assistant.glossary import Glossary, Term
from assistant.term_list import TermList
from indexing.models import Chunk


def chunk(i: int, text: str) -> Chunk:
    return Chunk(f"d#{i}", "d", text, text, 0, len(text), 0)


GLOSSARY = Glossary([
    Term(("notice and takedown",), ("الإشعار والإزالة",)),
    Term(("child sexual abuse material", "CSAM"), ("مواد الاعتداء الجنسي على الأطفال",)),
    Term(("model",), ("نموذج",)),
])
CHUNKS = [
    chunk(0, "ينبغي التحول عن نموذج الإشعار والإزالة الحالي."),
    chunk(1, "نموذج آخر للتعاون بين الشركات، ومواد الاعتداء الجنسي على الأطفال."),
    chunk(2, "تنتشر مواد الاعتداء الجنسي على الأطفال على الإنترنت."),
    chunk(3, "مواد الاعتداء الجنسي على الأطفال في كل مكان."),
    chunk(4, "الإشعار بالاجتماع والإزالة لاحقاً."),  # the words, not the phrase
]


def test_a_passage_holding_the_rare_term_as_a_phrase_leads_and_the_scattered_words_do_not_count():
    terms = GLOSSARY.matches("what about moving away from the notice and takedown model? CSAM")
    order = TermList(GLOSSARY, CHUNKS).order(terms, max_share=1.0)
    assert order[0] == 0  # the rare term (and the model) beat the common one
    assert 4 not in order


def test_a_term_most_passages_hold_orders_nothing():
    terms = GLOSSARY.matches("CSAM statistics")
    lists = TermList(GLOSSARY, CHUNKS)
    assert lists.order(terms, max_share=1.0) == [1, 2, 3]
    assert lists.order(terms, max_share=0.5) == []  # three passages of five hold it


def test_the_filter_mask_keeps_other_documents_out():
    terms = GLOSSARY.matches("notice and takedown")
    allowed = np.array([False, True, True, True, True])
    assert TermList(GLOSSARY, CHUNKS).order(terms, allowed, max_share=1.0) == []
