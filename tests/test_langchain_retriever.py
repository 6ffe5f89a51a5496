"""`Assistant.as_retriever()`: the hybrid retrieval as a LangChain retriever, used inside an LCEL chain."""
from __future__ import annotations

from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.langchain_retriever import locator
from assistant.models import Filters
from indexing.models import Chunk

EN_ABOUT_ARABIC = "What does the threat assessment say about offenders using encrypted platforms?"


def test_retriever_is_a_langchain_retriever_returning_documents_with_their_references(library):
    retriever = library.as_retriever(k=5)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke(EN_ABOUT_ARABIC)
    assert len(docs) == 5 and all(isinstance(d, Document) for d in docs)
    for doc in docs:
        meta = doc.metadata
        chunk = library.chunk(meta["chunk_id"])
        assert doc.page_content == chunk.text and doc.id == chunk.chunk_id
        assert meta["doc_id"] == chunk.doc_id and meta["title"] and meta["start"] < meta["end"]
        if meta["label"]:
            assert meta["locator"] == meta["label"]
        elif meta["page"]:
            assert meta["locator"].endswith(f"p. {meta['page']}")


def test_an_english_question_finds_arabic_passages(library):
    docs = library.as_retriever(k=5).invoke(EN_ABOUT_ARABIC)
    arabic = [d for d in docs if d.metadata["language"] == "ar"]
    assert arabic and any("\u0600" <= ch <= "\u06ff" for ch in arabic[0].page_content)
    assert arabic[0].metadata["doc_id"] == "gta-2019"


def test_a_named_paragraph_comes_first_with_its_label_as_locator(library):
    docs = library.as_retriever(k=3).invoke("What does OP 4 of the resolution say?")
    assert docs[0].metadata["doc_id"] == "ga-resolution-2022"
    assert docs[0].metadata["label"] == docs[0].metadata["locator"] == "OP 4"


def test_filters_and_batch_keep_each_query_to_the_chosen_documents(library):
    retriever = library.as_retriever(k=4, filters=Filters(doc_ids=("qatar-submission-2024",)))
    results = retriever.batch([EN_ABOUT_ARABIC, "ما هي جهود دولة قطر في حماية الأطفال على الإنترنت؟"])
    assert len(results) == 2 and all(results)
    assert {d.metadata["doc_id"] for docs in results for d in docs} == {"qatar-submission-2024"}


def test_retriever_runs_inside_an_lcel_chain_that_builds_a_cited_prompt(library):
    def format_docs(docs: list[Document]) -> str:
        return "\n\n".join(f"[{d.metadata['title']}, {d.metadata['locator']}]\n{d.page_content}" for d in docs)

    prompt = RunnableLambda(lambda x: f"Answer from these passages only.\n\n{x['context']}\n\nQuestion: {x['question']}")
    chain = {"context": library.as_retriever(k=3) | format_docs, "question": RunnablePassthrough()} | prompt
    text = chain.invoke(EN_ABOUT_ARABIC)
    docs = library.as_retriever(k=3).invoke(EN_ABOUT_ARABIC)
    assert text.endswith(f"Question: {EN_ABOUT_ARABIC}")
    assert all(d.page_content in text and f"[{d.metadata['title']}, {d.metadata['locator']}]" in text for d in docs)


def test_an_unlabelled_passage_is_located_by_its_nearest_heading_and_page():
    chunk = Chunk("c1", "d", "text", "text", 0, 4, 0, section="Part II > Hotlines", page=12)
    assert locator(chunk) == "Hotlines, p. 12"
    assert locator(Chunk("c2", "d", "t", "t", 0, 1, 1, label="para. 77", section="Part II", page=3)) == "para. 77"
    assert locator(Chunk("c3", "d", "t", "t", 0, 1, 2)) == ""
