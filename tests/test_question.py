"""Question understanding: colloquial Arabic, abbreviations and typos mapped onto the documents' words."""
from __future__ import annotations

from conftest import CORPUS

from assistant.question import QuestionReader, Registers, Speller, Subjects, library_vocabulary
from indexing.language import tokens

REGISTERS = Registers.load(CORPUS / "registers.toml")


def test_colloquial_arabic_question_words_become_standard_arabic():
    assert REGISTERS.rewrite("شو المطلوب من الدول؟").startswith("ما المطلوب")
    assert REGISTERS.rewrite("قديش عدد البلاغات").startswith("كم ")
    assert REGISTERS.rewrite("ليش؟") == "لماذا؟"
    assert "عبر الإنترنت" in REGISTERS.rewrite("الاستغلال اونلاين")
    assert REGISTERS.rewrite("وين مكتوب انو البيانات لازم تنحط بقاعدة وطنية؟") == (
        "أين مكتوب أن البيانات لازم توضع بقاعدة وطنية؟")
    assert REGISTERS.rewrite("شو عم يصير هلق") == "ما يحدث الآن"


def test_everyday_arabic_tech_words_and_loans_become_the_documents_words():
    assert REGISTERS.rewrite("في داتابيز للصور؟") == "في قاعدة بيانات للصور؟"
    assert REGISTERS.rewrite("كم ناس بيتواصلوا") == "كم أشخاص بيتواصلوا"
    assert REGISTERS.rewrite("الابتزاز على السوشيال ميديا") == "الابتزاز على وسائل التواصل الاجتماعي"


def test_everyday_words_for_children_and_the_internet_become_the_documents_words_with_or_without_article():
    assert REGISTERS.rewrite("كم ولاد وبنات عندهم نت؟") == "كم أطفال وفتيات عندهم الإنترنت؟"
    assert REGISTERS.rewrite("العيال والجهال") == "الأطفال والأطفال"
    assert REGISTERS.rewrite("التقرير تبع قطر ايمتى صدر") == "التقرير قطر متى صدر"


def test_iraqi_maghrebi_egyptian_and_gulf_everyday_words_become_standard_arabic():
    assert REGISTERS.rewrite("شكد دولة اكو بيها قانون؟") == "كم دولة يوجد بها قانون؟"
    assert REGISTERS.rewrite("شكون كتب ده") == "من كتب هذا"
    assert REGISTERS.rewrite("الحكومات سوت هالشي") == "الحكومات فعلت هذا الشيء"


def test_everyday_words_for_ones_own_children_and_for_being_blackmailed_become_the_documents_words():
    assert REGISTERS.rewrite("بنتي انبتزت على النت") == "طفلتي تعرضت للابتزاز على الإنترنت"
    assert REGISTERS.rewrite("ولادي انبتزوا") == "أطفالي تعرضوا للابتزاز"


def test_maghrebi_and_egyptian_words_for_of_how_much_money_and_police_become_standard_arabic():
    assert REGISTERS.rewrite("شحال ديال البلاغات") == "كم البلاغات"
    assert REGISTERS.rewrite("القانون بتاع الشرطة") == "القانون الشرطة"
    assert REGISTERS.rewrite("البوليس خدا فلوس بالظبط") == "الشرطة خدا أموال بالضبط"
    assert REGISTERS.rewrite("شكون كيدير المشروع") == "من يدير المشروع"
    assert REGISTERS.rewrite("صعيب نهضر بحال هاد") == "صعب نتحدث مثل هذا"


def test_a_colloquial_for_means_so_that_before_a_verb_for_before_a_noun_and_because_before_a_clause():
    assert REGISTERS.rewrite("عشان نحمي البنات") == "لكي نحمي الفتيات"
    assert REGISTERS.rewrite("عشان ما بيعرفوا") == "لكي ما بيعرفوا"
    assert REGISTERS.rewrite("عشان التقرير") == "من أجل التقرير"
    assert REGISTERS.rewrite("عشان انو الأهل خايفين") == "لأن الأهل خايفين"


def test_a_conjunction_stays_on_a_rewritten_colloquial_word():
    assert REGISTERS.rewrite("وشو عن التوصيات").startswith("وما ")


def test_two_word_colloquial_phrases_are_rewritten_whole():
    assert REGISTERS.rewrite("هل في تعريف للاستمالة").startswith("هل يوجد تعريف")


def test_abbreviations_expand_to_their_full_forms_keeping_punctuation():
    text = REGISTERS.rewrite("SR recs on ISPs pls?")
    assert text == "SR (Special Rapporteur) recommendations on ISPs (internet service providers)?"
    assert REGISTERS.rewrite("what does OP 4 say") == "what does operative paragraph 4 say"


def test_everyday_english_shorthand_becomes_the_words_documents_use():
    assert REGISTERS.rewrite("what should tech cos do abt it") == "what should technology companies do about it"
    assert REGISTERS.rewrite("reqs for orgs, esp ngos").startswith("requirements for organisations, especially")


def test_chat_shorthand_becomes_words():
    assert REGISTERS.rewrite("whats sextortion pls?") == "what is sextortion?"  # politeness carries no topic
    assert REGISTERS.rewrite("r govts shld block imgs acc to the res?") == (
        "are governments should block images according to the resolution?")


def test_contractions_typed_without_their_apostrophe_are_words_not_names():
    assert REGISTERS.rewrite("how many countries dont have offender mgmt progs") == (
        "how many countries do not have offender management programmes")
    assert REGISTERS.rewrite("whats the deadline n word limit, cant find it") == (
        "what is the deadline and word limit, cannot find it")


def test_chat_abbreviations_are_words_so_they_are_never_taken_for_a_name_the_library_lacks(library):
    assert REGISTERS.rewrite("defn of grooming pls, smth short") == "definition of grooming, something short"
    assert REGISTERS.rewrite("what shd govts do w reports btw") == "what should governments do with reports"
    answer = library.ask("defn of grooming pls, smth short")
    assert not answer.abstained and "smth" not in answer.intro and "defn" not in answer.intro


def test_a_glued_colloquial_ala_is_unglued_for_words_the_library_holds_once_unglued():
    reader = QuestionReader(REGISTERS, vocabulary=library_vocabulary(["الاطفال العالمية عالمي"]))
    assert reader.search_text("الاعتداء عالاطفال عالنت") == "الاعتداء على الاطفال على الإنترنت"
    assert reader.search_text("عالمي") == "عالمي"  # a word of the library stays as written


def test_a_glued_colloquial_demonstrative_is_unglued_the_same_way():
    reader = QuestionReader(REGISTERS, vocabulary=library_vocabulary(["التقرير هالة"]))
    assert reader.search_text("شو بيقول هالتقرير") == "ما يقول هذا التقرير"
    assert reader.search_text("هالة") == "هالة"


def test_words_without_a_rule_are_left_as_typed():
    assert REGISTERS.rewrite("What is sextortion?") == "What is sextortion?"


def test_a_misspelt_word_becomes_the_nearest_library_word():
    speller = Speller({"recommend", "grooming", "rapporteur"})
    assert speller.correct("what does the raporteur recomend") == "what does the rapporteur recommend"


def test_at_the_same_distance_the_librarys_word_wins_over_a_dictionary_word():
    assert Speller(set()).correct("formt") == "form"  # the more frequent English word
    assert Speller({"format"}).correct("formt") == "format"


def test_a_short_word_is_corrected_within_one_edit_so_a_short_name_is_not_turned_into_a_word():
    speller = Speller({"robot", "recommend"}, two_edits_from=8)
    assert speller.correct("reports from roblox") == "reports from roblox"  # two edits from "robot"
    assert speller.correct("robos") == "robot"
    assert speller.correct("recomendd") == "recommend"  # a long word may take two


def test_every_speller_shares_one_english_index_built_once_a_process():
    assert Speller({"grooming"}).english() is Speller({"rapporteur"}).english()


def test_known_short_and_arabic_words_are_never_respelt():
    speller = Speller({"recommend", "grooming"})
    assert speller.correct("groomings ok") == "grooming ok"
    assert speller.correct("recommend") == "recommend"
    assert speller.correct("rec") == "rec"
    assert speller.correct("التوصيات") == "التوصيات"


def test_the_reader_applies_registers_then_spelling_against_the_library_vocabulary():
    vocab = library_vocabulary(["The Special Rapporteur recommends that States ..."])
    reader = QuestionReader(REGISTERS, Speller(vocab))
    assert reader.search_text("wat does the SR recommnds") == "what does the SR (Special Rapporteur) recommends"


def test_the_answer_keeps_the_question_as_typed(library):
    typed = "شو بتقول الوثائق عن الاستمالة اونلاين؟"
    answer = library.ask(typed)
    assert answer.question == typed
    assert any("الاستمالة" in p.chunk.text for p in answer.passages[:3])


def _subjects(text: str) -> Subjects:
    from indexing.language import tokens

    library = " ".join(tokens(text))
    return Subjects(library, library_vocabulary([text]), set(), Speller(set()).known)


def test_a_country_the_library_never_names_is_missing_in_either_language():
    subjects = _subjects("تقرير عن الفلبين والمملكة المتحدة في عام 2019")
    assert subjects.missing("What about the Philippines in 2019?") == []
    assert subjects.missing("hotlines in Peru?") == ["Peru"]
    assert subjects.missing("ماذا عن الخط الساخن بالأرجنتين؟") == ["الأرجنتين"]


def test_an_arabic_country_adjective_names_its_country():
    subjects = _subjects("قدمت قطر مساهمتها عن الأطفال في تركيا")
    assert subjects.missing("شو بيقول القانون المغربي عن الابتزاز؟") == ["المغرب"]
    assert subjects.missing("ايش دور الحكومة القطرية والشركات التركية؟") == []
    assert subjects.missing("هل في برامج كويتية للتوعية؟") == ["الكويت"]


def test_a_country_the_library_names_only_by_its_adjective_is_not_missing():
    subjects = _subjects("تعرض شباب من اللاجئين السوريين للابتزاز")
    assert subjects.missing("شو صار مع اللاجئين بسوريا؟") == []
    assert subjects.missing("what happened to refugees from Syria?") == []
    assert subjects.missing("ماذا عن اللاجئين في العراق؟") == ["العراق"]


def test_a_peoples_name_stands_for_its_country():
    subjects = _subjects("تعرض شباب من اللاجئين السوريين للابتزاز في قطر")
    assert subjects.missing("what do the Qataris want platforms to do?") == []
    assert subjects.missing("are Syrians at risk?") == []
    assert subjects.missing("what do Moroccans report?") == ["Moroccans"]


def test_a_capitalised_word_that_owns_something_is_a_name_even_when_the_dictionary_lists_it():
    from indexing.language import tokens

    text = "the hotline and the alliance scan images"
    vocabulary = library_vocabulary([text])
    dictionary = {"thorn", "scan", "tool", "alliance", "hotline"}.__contains__
    subjects = Subjects(" ".join(tokens(text)), vocabulary, set(), dictionary)
    assert subjects.missing("does Thorn's scanning tool work?") == ["Thorn"]
    assert subjects.missing("what does the Alliance's hotline scan?") == []
    assert subjects.missing("what does the report say of a Thorn in the law?") == []


def test_a_lower_case_name_nothing_knows_or_can_correct_is_missing_as_a_capitalised_one_is():
    from indexing.language import tokens

    text = "reports received by the hotline from platforms"
    vocabulary = library_vocabulary([text])
    speller = Speller(vocabulary, two_edits_from=8)
    subjects = Subjects(" ".join(tokens(text)), vocabulary, set(), speller.known, speller)
    assert subjects.missing("how many reports from roblox?") == ["roblox"]
    assert subjects.missing("what does the eSafety commissioner say?") == ["eSafety"]
    assert subjects.missing("how many reports from platforms?") == []
    assert subjects.missing("how many reprts from platfroms?") == []  # typos the speller corrects are not names


def test_a_named_body_or_service_the_library_never_names_is_missing_by_any_of_its_forms():
    from assistant.question import Body
    from indexing.language import tokens

    text = "أشار مكتب التحقيقات الاتحادي إلى البلاغات عبر الإنترنت"
    vocabulary = library_vocabulary([text])
    bodies = [Body(("League of Arab States", "Arab League"), ("جامعة الدول العربية",)),
              Body(("FBI",), ("مكتب التحقيقات الاتحادي",)), Body(("Signal",), (), cased=True)]
    subjects = Subjects(" ".join(tokens(text)), vocabulary, set(), Speller(vocabulary).known, bodies=bodies)
    assert subjects.missing("what does the arab league recommend?") == ["Arab League"]
    assert subjects.missing("ما موقف جامعة الدول العربية؟") == ["جامعة الدول العربية"]
    assert subjects.missing("what does the FBI do?") == []  # the library names it in Arabic
    assert subjects.missing("is Signal safe?") == ["Signal"]
    assert subjects.missing("a signal of grooming") == []  # in lower case, an everyday word


def test_an_inflected_or_compound_word_is_not_taken_for_a_name():
    from indexing.language import tokens

    text = "live streams of abuse"
    vocabulary = library_vocabulary([text])
    speller = Speller(vocabulary, two_edits_from=8)
    subjects = Subjects(" ".join(tokens(text)), vocabulary, set(), speller.known, speller)
    assert subjects.missing("how are livestreams found?") == []


def test_a_year_or_product_name_the_library_never_names_is_missing_but_dictionary_words_are_not():
    subjects = _subjects("reports received in 2019 by the hotline")
    assert subjects.missing("How many Reports in 2031 on Snapchat?") == ["2031", "Snapchat"]
    assert subjects.missing("What Project did the Hotline run in 2019?") == []


def test_a_regional_body_or_instrument_named_in_arabic_is_a_subject_though_its_adjective_is_everywhere():
    subjects = _subjects("وتشير الاتفاقية الأوروبية إلى ذلك، وقدمت المملكة العربية السعودية تقريرها")
    assert subjects.missing("شو بتقول الاتفاقيه العربيه عن الأطفال؟") == ["الاتفاقيه العربيه"]
    assert subjects.missing("وماذا عن الميثاق الأفريقي؟") == ["الميثاق الأفريقي"]
    assert subjects.missing("ماذا تقول الاتفاقيه الاوروبيه؟") == []  # the library's own pair, however spelt
    assert subjects.missing("ما دور المملكة العربية السعودية؟") == []


def test_a_year_asked_about_as_a_period_is_told_apart_from_a_year_that_names_a_document():
    assert Subjects.periods("how many reports in 2022, and since 2019?") == ["2022", "2019"]
    assert Subjects.periods("كم بلاغ في عام ٢٠٢١ وسنة 2023") == ["2021", "2023"]
    assert Subjects.periods("what does the 2022 resolution say on figures from the GTA 2019?") == []
    assert Subjects.periods("figures in 2019 report") == []
    # a year after "published", "الصادرة", "صدر" dates the document asked about
    assert Subjects.periods("ماذا تقترح المراجعة الصادرة عام 2022 عن البيانات؟") == []
    assert Subjects.periods("the review published in 2022: what about hotlines?") == []
    assert Subjects.periods("التقرير الذي صدر في 2019 كم بلاغ فيه لعام 2018؟") == ["2018"]


def test_a_question_on_a_country_the_library_lacks_says_so_and_abstains(library):
    answer = library.ask("How many child sexual abuse reports did Bolivia receive?")
    assert answer.abstained
    assert answer.intro.startswith("The documents do not mention Bolivia.")
    arabic = library.ask("كم عدد البلاغات في الأرجنتين؟")
    assert arabic.abstained and "الأرجنتين" in arabic.intro


def test_an_acronym_or_a_latin_word_in_an_arabic_question_is_a_name_whatever_the_dictionary_says():
    subjects = _subjects("reports received in 2019 by the hotline and the IWF")
    assert subjects.missing("How does it compare with the SHIELD Act?") == ["SHIELD"]  # "shield" is a word, SHIELD a name
    assert subjects.missing("كم بلاغ وصل من Signal سنة 2019؟") == ["Signal"]  # Latin in Arabic: a name
    assert subjects.missing("What Signal did the Hotline send in 2019?") == []  # English capitals: the dictionary's
    assert subjects.missing("كم بلاغ وصل IWF سنة 2019؟") == []  # the library's own acronym is no stranger
    assert subjects.missing("شو بيقول التقرير عن Safer Internet Day؟") == []  # a title, which may be translated


def test_an_acronym_in_an_arabic_question_gets_its_arabic_full_form_and_in_an_english_one_its_english():
    from assistant.glossary import Glossary
    from indexing.config import Settings

    settings = Settings(corpus_dir=CORPUS)
    registers = Registers.load(settings.registers_path).in_arabic(Glossary.load(settings.glossary_path))
    assert registers.rewrite("شو بيقول التقرير عن CSAM؟") == "ما بيقول التقرير عن CSAM (مواد الاعتداء الجنسي على الأطفال)؟"
    assert registers.rewrite("what does it say about CSAM?") == "what does it say about CSAM (child sexual abuse material)?"
    assert "IWF (مؤسسة مراقبة الإنترنت)" in registers.rewrite("كم بلاغ عند IWF")
    assert all("(" in rule and any("\u0600" <= ch <= "\u06ff" for ch in rule) for rule in registers.arabic.values())


def test_a_maghrebi_present_tense_loses_its_k_as_a_levantine_one_loses_its_b():
    reader = QuestionReader(REGISTERS, vocabulary=library_vocabulary(["كتاب يقترح"]))
    assert reader.search_text("قطر كتقترح، الدول بيقترحوا") == "قطر تقترح، الدول يقترحوا"
    assert reader.search_text("كتاب") == "كتاب"  # a word of the library stays as written


def test_the_countries_a_question_names_are_found_in_either_language_and_in_texts_by_name_or_adjective():
    assert Subjects.countries_named("How many reports from India in 2018?") == [("India", "الهند")]
    assert [en for en, _ in Subjects.countries_named("ايش يقول القانون المغربي؟")] == ["Morocco"]
    assert Subjects.countries_named("how many countries have a hotline?") == []
    # CLDR lists the United Nations among its territories; "according to the UN report" names a source, no place
    assert Subjects.countries_named("what share of people use the internet in Africa, says the United Nations?") == []
    assert Subjects.countries_named("كم نسبة مستخدمي الإنترنت حسب تقرير الأمم المتحدة؟") == []
    india = ("India", "الهند")
    assert Subjects.mentions_country(india, " ".join(tokens("تلقت الشرطة الهندية 200 بلاغ")))
    assert Subjects.mentions_country(india, " ".join(tokens("reports from India rose")))
    assert not Subjects.mentions_country(india, " ".join(tokens("تلقى المركز 18.4 مليون بلاغ")))
