"""The answer policy: abstain on weak or foreign evidence, quotas from the settings, a named paragraph at length."""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager

from conftest import retriever_with


@contextmanager
def answer_settings(answerer, **changed):
    """The answerer with some answer settings changed, for the length of a `with` block."""
    kept = answerer.cfg
    answerer.cfg = kept.model_copy(update=changed)
    try:
        yield answerer
    finally:
        answerer.cfg = kept


def assert_enough_only_through(answerer, question, retrieval, **off):
    """The evidence is enough (support infinite), and would fall under the abstain threshold with `off` set."""
    assert answerer.support(question, retrieval) == float("inf")
    with answer_settings(answerer, **off):
        assert answerer.support(question, retrieval) < answerer.cfg.abstain_threshold


def with_one_passage(library, question, text):
    """The question's retrieval with its passages replaced by one made of `text` (its support is that text's)."""
    from assistant.models import Passage
    from indexing.models import Chunk

    return dataclasses.replace(library.retrieve(question),
                               passages=[Passage(Chunk("d#1", "d", text, text, 0, len(text), 0), 1.0)])


def without_the_phrase_list(library, tmp_path, question):
    """The question's retrieval with the glossary-phrase list off: the passages a rule of the answerer was shown
    to matter on (the list brings passages that support these questions by their words alone)."""
    return retriever_with(library, tmp_path, term_list_weight=0.0).retrieve(question)


def assert_leads_with_one_of(answer, retrieval, spans):
    """The answer is given and its first quote lies in one of `spans` ({chunk id: [(start, end)] in its text})."""
    assert not answer.abstained
    lead = answer.citations[0]
    chunk = next(p.chunk for p in retrieval.passages if p.chunk.chunk_id == lead.chunk_id)
    assert any(a <= lead.start - chunk.start < b for a, b in spans.get(lead.chunk_id, ()))


def test_a_paragraph_question_quotes_that_paragraph_with_its_label(library):
    answer = library.ask("What does operative paragraph 3 of the resolution call upon Member States to do?")
    assert answer.citations[0].label == "OP 3"


def test_off_topic_question_is_answered_with_a_plain_abstention(library):
    answer = library.ask("Which football club won the 1998 World Cup final?")
    assert answer.abstained and not answer.citations and not answer.groups
    assert answer.intro.startswith("The documents do not mention 1998.")  # the year the library never names
    assert "The documents do not answer this question" in answer.intro
    assert answer.passages  # the nearest passages are still shown
    ar = library.ask("ما هي أفضل وصفة لطهي الأرز بالزعفران؟")
    assert ar.abstained and ar.intro.startswith("لا تجيب الوثائق")


def test_an_arabic_question_made_of_words_the_library_never_uses_abstains(library):
    answer = library.ask("كيف أصنع كعكة الشوكولاتة في البيت؟")
    assert answer.abstained and not answer.citations


def test_the_quotas_follow_the_settings_once_the_assistant_is_refreshed(library):
    question = "What does the resolution ask internet service providers to do?"
    assert len(library.ask(question).citations) > 1
    before = library.settings.answer.max_sentences
    library.settings.answer.max_sentences = 1
    try:
        library.refresh()
        assert len(library.ask(question).citations) == 1
    finally:
        library.settings.answer.max_sentences = before
        library.refresh()


def test_a_paragraph_named_by_reference_is_always_enough_support(library):
    retrieval = library.retrieve("What does operative paragraph 3 of the resolution say?")
    assert retrieval.referenced and library.support(retrieval.question, retrieval) == float("inf")


def test_a_cited_resolution_paragraph_carries_its_verb_and_force_in_the_askers_language(library):
    from assistant.render.markdown import body

    en = library.ask("What does operative paragraph 6 of the resolution say?")
    assert {c.label for c in en.citations} == {"OP 6"}
    assert {c.force_note for c in en.citations} == {"OP 6 encourages (تشجع): a recommendation, not a requirement"}
    assert body(en).count("a recommendation, not a requirement") == 1  # one line per cited paragraph
    ar = library.ask("ماذا تقول الفقرة 19 من منطوق القرار؟")
    assert {c.force_note for c in ar.citations if c.label == "OP 19"} == {
        "الفقرة 19 من المنطوق: تطلب (requests) — توجيه: تقرر الهيئة أو تكلّف"}
    other = library.ask("What does the Special Rapporteur report say about live streaming of child sexual abuse?")
    assert not any(c.force_note for c in other.citations if not c.label.startswith(("OP", "PP")))


def test_the_glossarys_own_language_forms_of_a_questions_words_count_as_its_support(library):
    question = "كم دولة وقعت على الاتفاقية الجديدة؟"
    text = "وقعت 45 من البلدان على الاتفاقية الجديدة في ذلك العام بعد مفاوضات طويلة بين الحكومات."
    retrieval = with_one_passage(library, question, text)
    answerer = library.answerer
    with_forms = answerer.support(question, retrieval)
    with answer_settings(answerer, support_synonyms=False):
        without = answerer.support(question, retrieval)
    assert with_forms > without > 0.0  # "البلدان" is the glossary's other Arabic form of "دولة"


def test_the_bridges_arabic_words_are_evidence_for_an_english_question_unless_it_asks_for_a_quantity(library, tmp_path):
    answerer = library.answerer
    question = "how do offenders cover their tracks online?"
    retrieval = without_the_phrase_list(library, tmp_path, question)
    assert retrieval.bridged
    bridged = answerer.support(question, retrieval)
    with answer_settings(answerer, bridged_support=False):
        glossary_only = answerer.support(question, retrieval)
    assert bridged >= answerer.cfg.abstain_threshold > glossary_only
    assert not library.ask(question).abstained
    markup = "<script>alert(1)</script>"  # words the bridge places near library words, and nothing else
    retrieval = library.retrieve(markup)
    assert answerer.support(markup, retrieval) < answerer.cfg.abstain_threshold
    counting = "how many offenders cover their tracks online?"
    retrieval = library.retrieve(counting)
    with answer_settings(answerer, bridged_support=False):
        glossary_only = answerer.support(counting, retrieval)
    assert answerer.support(counting, retrieval) == glossary_only


def test_a_question_asking_whom_to_contact_leads_with_the_sentence_naming_the_hotline(library):
    from assistant.intent import names_a_channel

    for question in ("whom should a family in Qatar call to report abuse of a child?", "لمين نتوجه بقطر إذا انبتز طفل؟"):
        answer = library.ask(question)
        assert not answer.abstained and names_a_channel(answer.citations[0].quote), (question, answer.citations[0])


def test_a_figures_question_lists_each_quoted_figure_with_what_it_counts_from_the_figures_index(library):
    answer = library.ask("How many CSAM reports did NCMEC receive in 2018?")
    note = next(n for n in answer.notices if n.startswith("Figures quoted"))
    index = {(f.value, f.counts) for f in library.figures().figures}
    listed = [part.rsplit(" [", 1)[0].split(" — ", 1) for part in note.split(": ", 1)[1].split("; ")]
    assert listed and all((value, counts) in index for value, counts in listed)
    quoted = " ".join(c.quote for c in answer.citations)
    assert all(value.split()[0].rstrip("%") in quoted for value, _ in listed)
    assert not any(n.startswith("Figures quoted") for n in library.ask("What does OP 4 of the resolution urge?").notices)


def test_recommendations_addressed_to_the_group_asked_about_are_evidence_though_they_never_name_it(library):
    question = "What should technology companies do, according to Qatar?"
    retrieval = library.retrieve(question)
    assert retrieval.addressed and retrieval.passages[0].chunk.chunk_id in retrieval.addressed
    answerer = library.answerer
    # the industry's items share too few of the question's words to be enough on their own terms
    assert_enough_only_through(answerer, question, retrieval, addressed_supports=False)
    answer = library.ask(question)
    assert not answer.abstained and answer.citations[0].doc_id == "qatar-submission-2024"


def test_a_sentence_defining_the_term_asked_about_is_evidence_though_its_words_are_common(library, tmp_path):
    question = "ما المقصود بالابتزاز الجنسي؟"
    answerer = library.answerer
    # without the glossary-phrase list the passages retrieved support the question only through the rule
    plain = without_the_phrase_list(library, tmp_path, question)
    assert_enough_only_through(answerer, question, plain, defining_supports=False)
    retrieval = library.retrieve(question)
    answer = library.ask(question)
    assert not answer.abstained and "يشير مصطلح" in answer.citations[0].quote  # the defining sentence leads
    with answer_settings(answerer, defining_factor=1.0):
        assert "يشير مصطلح" not in library.answerer.extractive(question, "ar", retrieval).citations[0].quote
    assert library.ask("ما المقصود بمصطلح الكريكيت الرقمي؟").abstained  # a term no passage defines


def test_a_question_on_what_a_group_should_do_drawn_to_a_list_addressed_to_it_quotes_that_list(library):
    question = "what does qatar recommend for online platforms"
    answerer = library.answerer
    retrieval = library.retrieve(question)
    assert retrieval.addressee == "Private sector and internet service providers"
    items = [(r.chunk_id, r.start, r.start + len(r.text)) for rs in library.retriever.recommendation_items.values()
             for r in rs if r.listed and r.addressee == retrieval.addressee]
    answer = answerer.extractive(question, "en", retrieval)
    starts = [(c.chunk_id, c.start) for c in answer.citations]
    assert len(starts) >= 5 and all(any(cid == i and a <= s < b for i, a, b in items) for cid, s in starts)
    assert starts == sorted(starts)  # as the list gives them
    more = [n for n in answer.notices if "more recommendations addressed to" in n]
    assert len(starts) <= answerer.cfg.addressed_items_max or more
    with answer_settings(answerer, addressed_list_min=0):
        assert [(c.chunk_id, c.start) for c in answerer.extractive(question, "en", retrieval).citations] != starts
    picked = answerer.picker.pick(question, f"{retrieval.expansion} {retrieval.bridged}",
                                  retrieval.passages[: answerer.cfg.passages], 6, 5, question_vector=retrieval.query_vector)
    assert answerer.addressed_lists(question, picked, retrieval)[0]
    # a question that asks for a definition too is not answered with the list, whatever the pick
    both = library.retrieve("how does qatar recommend platforms define abuse?")
    assert both.intents > {"recommendation"}
    assert not answerer.addressed_lists(both.question, picked, dataclasses.replace(retrieval, intents=both.intents))[0]


def test_a_which_paragraph_question_is_answered_by_a_numbered_paragraph_the_signals_agree_on(library):
    question = "which paragraph mentions pooling datasets?"
    retrieval = library.retrieve(question)
    answerer = library.answerer
    # (the bridge's words are evidence too; without them the paragraph alone is)
    assert_enough_only_through(answerer, question, retrieval, paragraph_supports=False, bridged_support=False)
    answer = library.ask(question)
    assert not answer.abstained and answer.citations[0].label.startswith(("OP ", "PP ", "para. "))


def test_a_figures_question_on_a_year_no_top_passage_holds_says_the_documents_give_no_figures_for_it(library):
    # 2022 is in the library (the resolution's date, endnotes' access dates), but no hotline figure is for 2022
    answer = library.ask("How many child abuse reports did hotlines handle in 2022?")
    assert answer.abstained
    assert answer.intro.startswith("The documents give no figures for 2022. What they say on the wider subject")
    arabic = library.ask("كم عدد البلاغات التي تلقتها الخطوط الساخنة في عام 2022؟")
    assert arabic.abstained and arabic.intro.startswith("لا تقدم الوثائق المتاحة أرقاماً عن 2022.")
    assert not library.ask("what did the general assembly adopt in 2022?").abstained  # not a figures question
    with answer_settings(library.answerer, periods_in_evidence=False):
        assert not library.ask("How many child abuse reports did hotlines handle in 2022?").intro.startswith(
            "The documents give no figures")


def test_a_difference_question_is_answered_by_what_defines_or_sets_apart_either_thing(library):
    question = "شو الفرق بين الاستدراج والابتزاز الجنسي؟"
    search = library.reader.search_text(question)
    retrieval = library.retrieve(search)
    answerer = library.answerer
    defining = answerer.defining(search, retrieval, answerer.cfg.passages)
    assert defining  # "يشير مصطلح Sextortion", "الإغواء - الذي يعني ..."
    assert_enough_only_through(answerer, search, retrieval, contrast_defines=False)
    assert_leads_with_one_of(library.ask(question), retrieval, defining)


def test_a_term_no_glossary_entry_is_whole_is_looked_for_by_the_entries_inside_it(library):
    question = "how is digital sexual exploitation of children defined in the awareness leaflet?"
    search = library.reader.search_text(question)
    retrieval = library.retrieve(search)
    answerer = library.answerer
    found = answerer.defining(search, retrieval, answerer.cfg.passages)
    assert any("يطلق" in retrieval.passages[0].chunk.text[a:b] for spans in found.values() for a, b in spans)
    with answer_settings(answerer, defined_term_parts=False):
        assert not answerer.defining(search, retrieval, answerer.cfg.passages)
    assert_leads_with_one_of(library.ask(question), retrieval, found)


def test_a_figures_question_on_a_country_no_top_passage_names_gets_the_figures_labelled_as_not_its(library):
    for question, country in (("How many CSAM reports from India did NCMEC receive in 2018?", "India"),
                              ("كم بلاغ من الهند استقبل NCMEC؟", "الهند")):
        answer = library.ask(question)
        assert answer.abstained and country in answer.intro, (question, answer.intro)
        assert answer.citations  # the global figures, under the label
    assert not library.ask("How many reports did NCMEC receive in 2018?").abstained
    assert not library.ask("How much does a child sexual abuse case cost in Finland?").abstained  # Finland's own
    with answer_settings(library.answerer, places_in_evidence=False):
        assert "India" not in library.ask("How many CSAM reports from India did NCMEC receive in 2018?").intro


def test_a_count_next_to_the_article_less_form_of_what_is_counted_supports_a_figures_question(library):
    from dataclasses import replace

    from assistant.glossary import Glossary

    question = "how many girls reported abuse online?"
    text = "وأفادت الدراسة أن 3 من كل 10 فتيات أبلغن عن تعرضهن للإساءة عبر الإنترنت خلال ذلك العام."
    retrieval = with_one_passage(library, question, text)
    answerer = library.answerer
    with_bare = answerer.support(question, retrieval)
    written = Glossary.load(library.settings.glossary_path, bare_forms=False)
    kept, answerer.glossary = answerer.glossary, written
    try:  # the glossary writes "الفتيات"; the stemmer reads "فتيات" apart from it
        without = answerer.support(question, replace(retrieval, expansion=written.expand(question, "en")))
    finally:
        answerer.glossary = kept
    assert with_bare >= answerer.cfg.abstain_threshold > without
