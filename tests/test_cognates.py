"""Transliterated names and loanwords: an English spelling finds the library's Arabic spelling by its consonants."""
from assistant.cognates import Cognates, arabic_skeletons, english_skeletons


def test_both_spellings_reduce_to_the_same_consonants():
    assert english_skeletons("covid") & arabic_skeletons("كوفيد") == {"kfd"}
    assert english_skeletons("Interpol") & arabic_skeletons("الانتربول")
    assert english_skeletons("Facebook") & arabic_skeletons("وفيسبوك")  # the conjunction و comes off
    assert english_skeletons("arachnid") & arabic_skeletons("اراكنيد")  # "ch" read as k
    assert english_skeletons("chat") & arabic_skeletons("شات")  # and as sh


def test_native_words_written_without_vowels_are_not_taken_for_transliterations():
    cognates = Cognates(["خفض", "نصف", "العقوبات", "كوفيد", "اليونيسف"])
    assert cognates.of("covid") == ["كوفيد"]  # not خفض, which has the same consonants
    assert cognates.of("unicef") == ["اليونيسف"]  # not نصف
    assert cognates.of("ecpat") == []  # العقوبات holds ع, a letter no English spelling gives


def test_short_skeletons_match_nothing():
    assert Cognates(["تيك", "توك"]).of("tok") == []


def test_the_bridge_spells_out_only_words_the_encoder_cannot_place(library):
    bridge = library.retriever.bridge
    looked = bridge.lookup("what did covid do to companies", 2, 0.7)
    assert "كوفيد" in looked.spelled and "كوفيد" not in looked.nearest
    assert "الشركات" in looked.nearest
    assert bridge.lookup("companies", 2, 0.7).spelled == []


def test_a_transliterated_name_finds_its_passage_and_the_answer_quotes_it(library):
    answer = library.ask("what does the GA say covid did to kids online")
    assert not answer.abstained
    assert answer.passages[0].chunk.doc_id == "ga-resolution-2022"
    assert any("كوفيد" in c.quote for c in answer.citations)
