"""The glossary: which terms a text uses, where, and in which of their forms."""
from assistant.glossary import Glossary, Term, indefinite
from indexing.config import PROJECT_ROOT
from indexing.language import tokens

GROOMING = Term(("grooming", "online grooming"), ("الاستمالة", "استمالة الأطفال"))
CSAM = Term(("child sexual abuse material", "CSAM"), ("مواد الاعتداء الجنسي على الأطفال",))
GLOSSARY = Glossary([GROOMING, CSAM])


def norm(text: str) -> str:
    return " ".join(tokens(text))


def test_occurrences_give_each_form_found_with_its_span():
    text = norm("Online grooming precedes CSAM production.")
    found = [(term, text[a:b].strip(), form) for term, (a, b), form in GLOSSARY.occurrences(text)]
    assert (GROOMING, "grooming", "grooming") in found
    assert (GROOMING, "online grooming", "online grooming") in found
    assert (CSAM, "csam", "CSAM") in found


def test_occurrences_find_arabic_forms_through_normalisation():
    text = norm("تنتشر ظاهرة الإستمالة عبر الإنترنت")
    assert [(t, f) for t, _, f in GLOSSARY.occurrences(text)] == [(GROOMING, "الاستمالة")]


def test_matches_are_word_bounded():
    assert GLOSSARY.matches("pregrooming") == []
    assert Glossary([GROOMING], inflections=False).matches("groomingly") == []
    assert GLOSSARY.matches("what is CSAM?") == [CSAM]


def test_expand_gives_the_other_language_forms():
    assert GLOSSARY.expand("define grooming", "en", bare=False) == "الاستمالة استمالة الأطفال"
    assert "grooming" in GLOSSARY.expand("ما هي الاستمالة", "ar")


def test_the_library_glossary_loads_with_both_languages_on_every_term():
    glossary = Glossary.load(PROJECT_ROOT / "corpus" / "glossary.toml")
    assert len(glossary.terms) > 20
    assert all(t.en and t.ar for t in glossary.terms)


def test_an_english_form_matches_its_inflections_unless_turned_off():
    treaty = Term(("international treaty",), ("المعاهدة الدولية",))
    assert Glossary([treaty]).matches("which international treaties apply?") == [treaty]
    assert Glossary([GROOMING]).matches("kids groomed online") == [GROOMING]
    assert Glossary([treaty], inflections=False).matches("which international treaties apply?") == []
    assert Glossary([treaty]).matches("international law and treaties") == []  # the words in a row only


def test_inflections_leave_derivations_and_acronyms_apart():
    offenders = Term(("abusers",), ("المعتدون",))
    assert Glossary([offenders]).matches("what counts as abuse?") == []
    ai = Term(("AI",), ("الذكاء الاصطناعي",))
    assert Glossary([ai]).matches("what is the law?") == []  # a lemmatiser reads "AI" as a form of "be"


def test_indefinite_drops_the_article_only_when_every_word_has_it():
    assert indefinite("الفتيات") == "فتيات"
    assert indefinite("الاعتداء الجنسي") == "اعتداء جنسي"
    assert indefinite("مواد الاعتداء الجنسي") == ""
    assert indefinite("child abuse") == ""


def test_an_arabic_form_matches_and_expands_without_its_article():
    girls = Term(("girls",), ("الفتيات",))
    glossary = Glossary([girls])
    assert glossary.matches("تتعرض فتاة من كل 4 فتيات") == [girls]
    assert glossary.expand("girls", "en").split() == ["الفتيات", "فتيات"]
    assert glossary.expand("girls", "en", bare=False).split() == ["الفتيات"]
    assert Glossary([girls], bare_forms=False).matches("كل 4 فتيات") == []


def test_occurrences_report_only_the_forms_the_glossary_writes():
    glossary = Glossary([Term(("girls",), ("الفتيات",))])
    assert [f for _, _, f in glossary.occurrences(norm("كل 4 فتيات"))] == []
    assert [f for _, _, f in glossary.occurrences(norm("حماية الفتيات"))] == ["الفتيات"]
