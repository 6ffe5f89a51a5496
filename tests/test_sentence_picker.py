"""Picking the answer's sentences: greedy by what each adds, fragments carried on, endnotes never quoted."""
from __future__ import annotations

from assistant.models import Passage
from indexing.config import AnswerSettings
from assistant.sentence_picker import SentencePicker
from indexing.language import search_terms
from indexing.models import Chunk


def passage(text: str) -> Passage:
    return Passage(Chunk("d#1", "d", text, text, 0, len(text), 0), score=1.0)


def test_a_fragment_left_by_a_pdf_line_cut_is_quoted_with_the_sentence_that_carries_it_on():
    text = ("The report defines social validation as live-streaming . 3 of sexual performances by children on webcams "
            "to collect likes and validation from viewers.\nDeception is when a child is tricked by an adult.")
    picked = SentencePicker().pick("What does social validation mean?", "", [passage(text)], max_sentences=1, per_passage=3)
    assert picked[0].text.startswith("The report defines social validation")
    assert picked[0].text.endswith("validation from viewers.")  # carried on, but not across the line break
    assert text[picked[0].start: picked[0].end] == picked[0].text


def test_a_question_about_figures_prefers_the_sentence_holding_a_number():
    text = ("The hotline reports on child abuse material every year. "
            "The hotline received 4,500 reports on child abuse material in 2023.")
    figures = SentencePicker().pick("How many reports did the hotline receive?", "", [passage(text)], 1, 2)
    assert "4,500" in figures[0].text


def test_a_two_part_question_gets_a_sentence_for_each_part():
    text = ("Hotlines remove abuse material quickly. Hotlines remove abuse material from servers. "
            "Police training on encryption is lacking.")
    picked = SentencePicker().pick("How do hotlines remove abuse material and what about police training?", "",
                                   [passage(text)], 2, 3)
    assert any("training" in s.text for s in picked)


def test_a_title_block_that_only_repeats_the_documents_name_is_not_quoted_but_its_other_facts_are():
    title = "Annual report of the Ombudsperson on children online"
    cover = Chunk("d#0", "d", f"{title}\n\nSubmitted under agenda item 7 at the request of the Council.",
                  "", 0, 120, 0, is_heading=True, title=title)
    body = ("The Ombudsperson reports that children online meet strangers in games. "
            "Most reports came from schools.")
    heading_only = Chunk("d#0", "d", title, title, 0, len(title), 0, is_heading=True, title=title)
    picked = SentencePicker().pick("What does the Ombudsperson say about children online?", "",
                                   [Passage(heading_only, 1.0), passage(body)], 3, 3)
    assert picked and all(s.passage.chunk.chunk_id == "d#1" for s in picked)
    picked = SentencePicker().pick("Under which agenda item was the report submitted?", "", [Passage(cover, 1.0)], 1, 3)
    assert "agenda item 7" in picked[0].text


def test_a_bare_heading_inside_a_passage_is_never_quoted():
    text = "At the international level\n\nStates should share hashes of abuse material at the international level."
    picked = SentencePicker().pick("What should happen at the international level?", "", [passage(text)], 3, 3)
    assert [s.text for s in picked] == ["States should share hashes of abuse material at the international level."]


def test_a_questionnaires_question_restated_in_a_passage_is_never_quoted():
    text = ("5. What measures can States take to prevent online abuse?\n\n"
            "States can adopt laws that criminalise the online abuse of children.")
    picked = SentencePicker().pick("What measures can States take to prevent online abuse?", "", [passage(text)], 3, 3)
    assert [s.text for s in picked] == ["States can adopt laws that criminalise the online abuse of children."]


def test_terms_set_apart_are_not_looked_for_so_a_documents_name_does_not_pick_its_sentences():
    text = ("The Ministry of Borduria sent this submission to the Office on 12 May. "
            "Parents should install parental control apps on the devices their children use.")
    question = "What does Borduria recommend about parental control apps?"
    name = search_terms("Borduria")[0]
    picker = SentencePicker(idf={name: 6.0})  # a country's name is rare in a library: it weighs much
    assert "Ministry of Borduria" in picker.pick(question, "", [passage(text)], 1, 2)[0].text
    named_apart = picker.pick(question, "", [passage(text)], 1, 2, ignore=frozenset({name}))
    assert "parental control" in named_apart[0].text


def test_a_favoured_sentence_is_picked_first_though_another_shares_more_of_the_question():
    text = ("Grooming of children online grows quickly as children go online at ever younger ages in every region. "
            "It refers to befriending a young person in order to abuse them later, often for grooming.")
    question = "what is grooming of children online?"
    plain = SentencePicker().pick(question, "", [passage(text)], 1, 2)
    assert plain[0].text.startswith("Grooming of children online grows")
    second = text.index("It refers")
    lead = SentencePicker().pick(question, "", [passage(text)], 1, 2, favoured={"d#1": [(second, len(text))]},
                                 favour=10.0)
    assert lead[0].text.startswith("It refers")


def test_a_running_title_with_its_page_number_is_not_a_sentence_to_quote():
    from assistant.sentence_picker import running_title
    from indexing.language import sentence_terms

    title = sentence_terms("Global Threat Assessment 2019 تقييم التهديد العالمي 2019")
    foot = "WeProtect Global Alliance - 2019 تقييم التهديدات العالمية 44"
    assert running_title(foot, sentence_terms(foot), title)
    figure = "يقدر تقييم التهديد العالمي أن 750,000 شخص يتطلعون إلى التواصل مع الأطفال"
    assert not running_title(figure, sentence_terms(figure), title)  # no page number at its end
    short = "بلغ عدد الأطفال 44"
    assert not running_title(short, sentence_terms(short), title)  # not the title's words


def test_a_sentence_that_qualifies_or_points_back_at_a_picked_one_is_quoted_after_it_without_using_up_the_answer():
    text = ("Nearly all of the surveyed countries have a national child helpline for children in need of support. "
            "However, most of them are run by NGOs. Funding for helplines is rarely stable.")
    picked = SentencePicker().pick("Which countries have a national child helpline?", "", [passage(text)], 1, 1)
    assert [s.text for s in picked] == ["Nearly all of the surveyed countries have a national child helpline for children in need of support.",
                                        "However, most of them are run by NGOs."]
    arabic = "تملك جميع البلدان التي شملها الاستبيان تقريباً خط مساعدة للطفل على المستوى الوطني.¹¹ وتشغل الحكومات بعض تلك الخطوط. ويتزايد عدد البلاغات."
    picked = SentencePicker().pick("كم بلدا يملك خط مساعدة للطفل؟", "", [passage(arabic)], 1, 1)
    assert len(picked) == 2 and "تلك الخطوط" in picked[1].text and "البلاغات" not in picked[1].text


def test_a_following_sentence_that_stands_on_its_own_is_not_pulled_in():
    text = ("Nearly all of the surveyed countries have a national child helpline for children in need of support. "
            "Funding for helplines is rarely stable.")
    picked = SentencePicker().pick("Which countries have a national child helpline?", "", [passage(text)], 1, 1)
    assert len(picked) == 1
    off = SentencePicker(AnswerSettings(qualifier_follow=False)).pick(
        "Which countries have a national child helpline?", "",
        [passage("Nearly all of the surveyed countries have a national child helpline for children in need of support. "
                 "However, NGOs run most.")], 1, 1)
    assert len(off) == 1


def test_a_quote_never_opens_on_the_footnote_mark_the_previous_sentence_left():
    text = ("Nearly all of the surveyed countries have a national child helpline for children in need.¹¹ "
            "Most of the surveyed national helplines for children are run by non-governmental organisations.")
    picked = SentencePicker().pick("who runs the national helplines for children?", "", [passage(text)], 2, 2)
    assert picked and all(not s.text.startswith("¹") for s in picked)
    assert any(s.text.startswith("Most of the surveyed") for s in picked)
    assert all(text[s.start: s.end] == s.text for s in picked)


def test_a_line_ending_in_a_colon_is_quoted_with_the_item_it_introduces_and_never_alone():
    text = ("The forms of online sexual exploitation of children seen by the hotlines include:\n"
            "- Sharing images through messaging apps.\n"
            "- Grooming in games.\n\n"
            "Reports on online sexual exploitation of children by hotlines rose steeply, as set out in the annex:")
    picked = SentencePicker().pick("forms of online sexual exploitation of children seen by hotlines?", "",
                                   [passage(text)], 2, 4)
    texts = [s.text for s in picked]
    lead = texts.index("The forms of online sexual exploitation of children seen by the hotlines include:")
    assert texts[lead + 1] == "Sharing images through messaging apps."
    assert not any(t.startswith("Reports on online") for t in texts)  # nothing after it to introduce
