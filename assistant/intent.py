"""What kind of answer a question asks for, read from its wording, and how much a passage looks like one.

A question that asks what a text *recommends* is answered by sentences that say "should" / "ينبغي"; one that
asks what a resolution *requires* by its operative paragraphs ("urges", "تحث"), not by the preamble that
recalls earlier texts; one that asks *how many* by a passage holding figures. Retrieval uses the match as a
mild prior on the passages it already found; it never brings in a passage on its own. Whether a question
asks for a number is read here too (`asks_for_number`), for the sentence picker and the abstain rule.
"""
from __future__ import annotations

import re
from functools import lru_cache

from indexing.bibliography import without_bibliography
from indexing.language import ARABIC_LETTERS, normalize, sentence_terms

# Arabic has no \b: a word starts after a non-letter (clitics و ف ب ل ال allowed in front).
_AR = rf"(?<![{ARABIC_LETTERS}])(?:[وفبل]?(?:ال)?)"


def _pattern(english: str, arabic: str) -> re.Pattern:
    """Patterns are written in the search form (folded alef, ta marbuta as ه), like the text they meet."""
    return re.compile(rf"\b(?:{english})\b|{_AR}(?:{normalize(arabic)})", re.IGNORECASE)


QUESTION = {
    "recommendation": _pattern(
        r"recommend\w*|recs|suggest\w*|propos\w*|advi[sc]\w*|should|what can (?:be|we|they|i) do(?:ne)?"
        r"|next steps?|way forward|calls? for|ideas? (?:for|on)|best practices?|good practices?|tips?"
        r"|(?:want|wants|expect|expects|ask|asks|asking) (?:[\w-]+ ){1,4}to do"
        r"|solutions?|priorit\w*|actions? (?:is |are )?(?:needed|required)|key asks?"
        r"|how (?:do|can|could|should|to) (?:we |they |countries |governments |states |you )?"
        r"(?:fix|tackle|stop|prevent|address|combat|deal with|respond to|protect)",
        r"توصي|يوصي|توصيه|توصيات|الموصى|يقترح|تقترح|بيقترح\w*|مقترح\w*|ينبغي|نصح|ينصح|نصايح|نصائح"
        r"|حلول|الحلول|الخطوات|اولويات|الاولويات|كيف نحل|كيف نمنع|كيف نكافح|كيف نواجه|كيف نحمي",
    ),
    # "the difference between X and Y", "X vs Y", "how does X differ from Y", "شو الفرق بين X و Y"
    "difference": _pattern(
        r"differen\w*|diff|differs?|distinguish\w*|vs\.?|versus|tell (?:\w+ )?apart",
        r"الفرق|فرق|الفروق|فروق|الاختلاف|يختلف|تختلف|يميز|التمييز",
    ),
    "obligation": _pattern(
        r"requires?|required|requirements?|obligations?|oblige[sd]?|must|urge[sd]?|calls? (?:up)?on|called (?:up)?on"
        r"|expected to|duty|duties|commit\w*|supposed to|(?:have|has|need|needs|ought) to",
        r"المطلوب|مطلوب|يتعين|يلزم|تلزم|التزام\w*|تحث|تهيب|تطالب|يطالب|واجب\w*|يجب|المفروض|مفروض|يفترض|لازم",
    ),
    # "what is X?" asked of a term alone, "define", "meaning of", "ما المقصود بـ", "تعريف"
    "definition": re.compile(
        r"\b(?:defin\w*|meaning|mean by|what is meant|stands? for)\b"
        r"|^\W*what(?:'s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?"
        r"(?!(?:numbers?|figures?|stats|statistics|estimates?|rates?|percentages?|share|proportion|scale|size)\b)"
        r"[\w-]+(?:\s+[\w-]+){0,2}(?:\s+exactly)?\W*$"
        rf"|{_AR}(?:{normalize('تعريف|يعرف|تعرف|المقصود|يقصد|معنى|مفهوم')})"
        rf"|^\W*(?:ما|ماذا)\s+(?:هو|هي|يعني|تعني)\s+[^\s؟?]+(?:\s+[^\s؟?]+){{0,2}}\W*$",
        re.IGNORECASE,
    ),
    # "which paragraph covers X?", "para on X", "أي فقرة تتحدث عن": the answer is a numbered paragraph (a number
    # after the word is a reference, read elsewhere)
    "paragraph": _pattern(
        r"(?:which|what|the|a|any)\s+(?:operative\s+|preambular\s+)?(?:paragraphs?|paras?|ops?|articles?)(?!\s*\d)"
        r"|^\W*(?:paragraphs?|paras?|ops?)\s+(?:on|about|that|which|for|covering|dealing)\b"
        r"|(?:paragraphs?|paras?)\s+(?:no|nos|number|numbers|num|#)\b(?!\.?\s*\d)"
        r"|where\s+in\s+the\s+(?:resolution|report|document|text|submission|review|assessment)\b",
        r"(?:اي|أي|ما|ماهي|ما هي)\s+(?:الفقره|فقره|الفقرات|فقرات|البند|بند)(?!\s*\d)|(?:الفقره|الفقرات) (?:التي|اللي|يلي)"
        r"|(?:رقم|ارقام)\s+(?:الفقره|الفقرات|البند)(?!\s*\d)|(?:اين|وين|فين)\s+(?:في|ب)\s*(?:القرار|التقرير|الوثيقه)",
    ),
    "statistic": _pattern(
        r"how many|how much|what (?:number|share|proportion|percentage)(?!s? (?:do|can|should|could|would|to|shall)\b)"
        r"|percent\w*|proportion|share of|number of"
        r"|rate of|estimate[sd]?|figures?|statistics?",
        r"كم|ما عدد|عدد|نسبه|حجم|تقدير\w*|احصاء\w*|المئه|المائه",
    ),
    # "whom should we call?", "where can victims report?", "لمن نتوجه؟": the answer names a channel (a hotline,
    # a number, an app, a body to report to). Naming a hotline is not asking for one ("how many reports did the
    # hotline receive"), nor is "ابلاغ"/"بلاغ" alone ("كم بلاغ" counts reports).
    "contact": _pattern(
        r"whom? (?:do|should|can|could|to|would|shall) (?:[\w']+ ){0,2}"
        r"(?:contact|call|report (?:it |this )?to|tell|turn to|go to|reach|ask)"
        r"|(?:numbers?|hotlines?|helplines?) (?:(?:to|do|can|should|could|would) (?:i |we |you |parents |victims |children "
        r"|they |people |families )?)?(?:call|ring|dial|contact|use|reach)"
        r"|is there (?:a|an|any) (?:number|hotline|helpline|app|phone line|reporting)"
        r"|(?:where|how) (?:do|can|could|should|to|would) (?:i |we |you |parents |victims |children |they )?"
        r"(?:report|get help|seek help|ask for help|find help|turn)"
        # "report abuse" as the asker's own act, not as a duty in a list ("detect and report abuse") or put on
        # someone ("companies required to report abuse")
        r"|(?<!\band )(?<!& )(?<!\bor )(?<!required to )(?<!obliged to )(?<!obligated to )(?<!expected to )"
        r"(?<!forced to )(?<!duty to )(?<!\bmust )(?<!have to )(?<!\bhas to )"
        r"report (?:it|this|abuse|a case|an incident|a crime)|(?:get|seek|ask for|find) help|call (?:the )?police",
        rf"(?:ابلغ|نبلغ|اتصل|نتصل|اتواصل|نتواصل|اتوجه|نتوجه|الجا|نلجا)(?![{ARABIC_LETTERS}])"
        r"|(?:كيف|اين|لمن|وين|فين|جهه|جهات|اليات|طرق|قنوات) (?:يتم |يمكن |ممكن )?(?:ال)?ابلاغ"
        r"|(?:كيف|اين|لمن|وين|فين) ب?(?:ي|ت)بلغو"
        r"|رقم (?:هاتف|الهاتف|تلفون|التلفون|للتواصل|للاتصال|للابلاغ|ساخن|الخط الساخن|خط المساعده)"
        rf"|(?:في|فيه|فيش|يوجد) (?:رقم|خط ساخن|خط مساعده|خط للمساعده|تطبيق)(?![{ARABIC_LETTERS}])(?! (?:ال)?(?:فقره|بند))",
    ),
}

_CHANNEL_EN = (r"hotlines?|helplines?|help lines?|toll-free|(?:tele)?phone numbers?|phone lines?"
               r"|reporting (?:portals?|channels?|buttons?|lines?|apps?)"
               r"|report(?:ed|s)? (?:to|via|through) (?:the |a )?(?:police|hotline|helpline|authorities)"
               r"|call (?:the )?(?:police|hotline|helpline)")
_CHANNEL_AR = (r"الخط الساخن|خط ساخن|خطوط ساخنه|الخطوط الساخنه|خط المساعده|خطوط المساعده|رقم (?:ال)?هاتف|الهاتف المجاني"
               r"|(?:عبر|من خلال|طريق) (?:ال)?تطبيق|تطبيقات? (?:الهاتف|ذكي|ذكيه)")

PASSAGE = {
    "definition": _pattern(
        r"refers? to|defined as|is defined|defines|definition|means|the term|understood as|is the (?:act|process|practice)",
        r"يشير مصطلح|يشير|يقصد|يعرف|تعرف|تعريف|مصطلح|ويعني|يعني|المقصود|يطلق|تطلق",
    ),
    "recommendation": _pattern(
        r"should|must|ought to|recommend\w*",
        r"ينبغي|يجب|توصي|نوصي|يوصى|توصيه|توصيات",
    ),
    # what sets one thing apart from another: "differs from", "unlike", "يختلف ... عن", "بخلاف"
    "difference": _pattern(
        r"differs?|different from|unlike|distinct from|as opposed to|in contrast|whereas|distinguish\w*",
        r"يختلف|تختلف|بخلاف|على عكس|خلافا ل|على خلاف|يميز|تمييز|يتميز|تتميز",
    ),
    "obligation": _pattern(
        r"urges|calls upon|requests|encourages|shall|must|decides|invites",
        r"تحث|تهيب|تطلب|تشجع|تدعو|تقرر|يجب|يتعين",
    ),
    # A channel to report or call: a hotline, a helpline, a number, a reporting app or portal. Not "contact"
    # alone ("contact abuse" is a kind of abuse), "التواصل مع" ("communicating with children" is grooming) nor
    # "تطبيق" alone ("تطبيق القانون" applies the law).
    "contact": _pattern(_CHANNEL_EN + r"|reporting (?:mechanisms?|tools?|platforms?)",
                        _CHANNEL_AR + r"|الابلاغ|ابلاغ|بلاغات"),
}
# The channel itself, named in one sentence (reporting in general, "الإبلاغ", is what a passage on it is about).
_CHANNEL = _pattern(_CHANNEL_EN, _CHANNEL_AR)
# A telephone number: "(66815757)", "116111"; not a year, an amount with separators ("750,000", read before the
# search form drops them), or a date.
_PHONE = re.compile(r"\(\d{4,}\)|(?<!\d)(?<!\d[.,/])\d{6,}(?!\d|[.,/]\d)")
_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*%|%\s*\d+|\b(?!(?:19|20)\d\d\b)\d{2,}(?:\.\d+)?\b|\b(?:million|billion|thousand)\b"
    rf"|{_AR}(?:مليون|مليار|الف|الاف)",
    re.IGNORECASE,
)


# The term a definition question asks about: what follows "define", "meaning of", "what is", "تعريف", "ما هو" ...
# up to the question's end, a comma, or the next clause ("and ...", "و...").
_DEFINED = re.compile(
    r"(?:\bdefin\w*|\bmeaning of|\bwhat is meant by|\bwhat(?:'s|\s+is|\s+are|\s+does))\s+(?:an?\s+|the\s+|term\s+)*"
    r"(.+?)(?=\s+(?:mean|exactly|and|in|according|as|under)\b|\s+[-–—]\s|[?,.;:؟،]|$)"
    r"|(?:تعريف|معنى|مفهوم|المقصود\s+ب|يقصد\s+ب|ما\s+هو|ما\s+هي|ماذا\s+يعني|ماذا\s+تعني)\s*(?:مصطلح\s+)?"
    r"(.+?)(?=\s+(?:في|حسب|بحسب|وفق|عند)\s|\sو|[?,.;:؟،]|$)",
    re.IGNORECASE,
)


_DEFINED_PASSIVE = re.compile(r"\b(?:how|where)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+|term\s+)*(.+?)\s+defined\b()",
                              re.IGNORECASE)


def defined_term(question: str) -> str:
    """The term a definition question asks about ("what is <online grooming>?", "شو تعريف <الاستدراج>؟"); ""
    when the question asks for no definition or names none."""
    if "definition" not in question_intents(question):
        return ""
    passive = _DEFINED_PASSIVE.search(question)
    found = passive or _DEFINED.search(question)
    term = (found.group(1) or found.group(2) or "").strip() if found else ""
    term = re.sub(r"[\"'‘’“”«»]", "", term).strip()  # "defining 'digital sexual exploitation'": the quoted term
    return re.sub(r"^(?:the\s+)?(?:meaning|definition)\s+of\s+(?:the\s+)?", "", term, flags=re.IGNORECASE)


_ART = r"(?:an?\s+|the\s+)?"
_UPTO = r"(?=[?,.;:؟،!]|\s+(?:in|according|per|under|for)\s|$)"  # the end of the thing named
_CONTRASTED = re.compile(
    rf"\b(?:between|betwen)\s+{_ART}(.+?)\s+and\s+{_ART}(.+?){_UPTO}"
    rf"|^\W*(?:[\w-]+\s+){{0,3}}?{_ART}([\w-]+(?:\s+[\w-]+){{0,2}}?)\s+(?:vs\.?|versus)\s+{_ART}"
    r"([\w-]+(?:\s+[\w-]+){0,2}?)(?=[?,.;:؟،!]|\s+[-–—]\s|\s+(?:in|according|per|under|for)\s|$)"
    rf"|\bdoes\s+{_ART}(.+?)\s+differ\s+from\s+{_ART}(.+?)(?=[?,.;:؟،!]|\s+(?:in|according|per|under)\s|$)"
    r"|(?:بين)\s+(.+?)\s+و\s*(?!بين)(.+?)(?=[?,.;:؟،!]|\s+(?:في|حسب|بحسب|وفق|عند)\s|$)",
    re.IGNORECASE,
)


def contrasted_terms(question: str) -> tuple[str, ...]:
    """The two things a difference question sets side by side ("the difference between <a hotline> and <a child
    helpline>", "<grooming> vs <sextortion>", "الفرق بين <الخط الساخن> و<خط المساعدة>"); () for any other question."""
    if "difference" not in question_intents(question):
        return ()
    found = _CONTRASTED.search(question)
    if not found:
        return ()
    pair = [g.strip() for g in found.groups() if g]
    return tuple(pair[:2]) if len(pair) >= 2 and all(pair[:2]) else ()


def defines(sentence: str, forms: list[frozenset[str]], window: int = 60, contrast: bool = False) -> bool:
    """A sentence that says what a term means ("يطلق ... على", "refers to"), every word of one of the term's forms
    (in search form) within `window` characters of the defining words: "... موجه لطفل" far from "يطلق" does
    not define "child"."""
    text = normalize(sentence)
    cues = [*PASSAGE["definition"].finditer(text), *(PASSAGE["difference"].finditer(text) if contrast else ())]
    for cue in cues:
        near = sentence_terms(text[max(0, cue.start() - window): cue.end() + window])
        if any(f and f <= near for f in forms):
            return True
    return False


def names_a_channel(text: str) -> bool:
    """A sentence naming a channel to report or call: a hotline, a helpline, a phone number, a reporting app."""
    return bool(_PHONE.search(text) or _CHANNEL.search(normalize(text)))


def question_intents(question: str) -> frozenset[str]:
    text = normalize(question)
    return frozenset(name for name, pattern in QUESTION.items() if pattern.search(text))


# The answer itself is a quantity ("how many", "how long", "what penalty"), read on the wording as typed.
_QUANTITY = re.compile(
    r"\b(how many|how much|what number(?! (?:do|can|should|could|would|to|shall)\b)|what percentage|what share|what proportion|how long|how old|what amount|"
    r"what (?:prison |jail )?(?:sentence|penalty|term)|what fine)\b|(?:^|\s)(كم|ما عدد|ما نسبة|ما مقدار|ما مدة|ما قيمة|ما العقوبة|ما الحكم|ما حجم)",
    re.IGNORECASE,
)
# The thing a quantity question counts: "how many <children>", "what <prison> sentence", "كم عدد <الأطفال>".
_FOCUS = re.compile(
    r"\b(?:how many|how much|what (?:number|amount|percentage|share|proportion) of|what)\s+(?:of\s+)?"
    r"(?:(?:the|these|those|all|its|their|a|an)\s+)?([a-z]+)"
    r"|(?:^|\s)(?:(?:كم|ما) (?:عدد|نسب[ةه]|حجم|مقدار|قيم[ةه]|معدل)|كم من|كم)\s+(\S+)",
    re.IGNORECASE,
)


def asks_for_number(question: str, *, exactly: bool) -> bool:
    """Whether the question asks for a number, in one of two readings, each the one its user was tuned with:

    exactly=True: the answer *is* a quantity ("how many", "how long", "what penalty", "كم", "ما مدة"), so the
    abstain rule wants a sentence giving a new number next to the thing counted (support.py);
    exactly=False: the question is about figures (the `statistic` intent, which also reads "estimates",
    "rate of", "نسبة"), so the sentence picker prefers sentences holding a number.
    """
    if exactly:
        return bool(_QUANTITY.search(question))
    return "statistic" in question_intents(question)


# A question about a penalty ("what sentence", "ما العقوبة", "الغرامة") is answered by a number of years, months or
# money, not by any number in a passage on the case or the law.
_PENALTY = re.compile(
    r"\b(?:sentence[sd]?|penalt(?:y|ies)|punish\w*|fines?|imprison\w*|jail)\b"
    rf"|{_AR}(?:{normalize('عقوب|حكم|الحكم|غرام|سجن|حبس')})",
    re.IGNORECASE,
)
PENALTY_UNITS = ("years year months month weeks days life imprisonment prison fine riyals dollars euros "
                 "سنة سنوات سنين عام عاما أعوام شهر أشهر شهور أسبوع أيام يوما الحياة المؤبد السجن بالسجن الحبس بالحبس "
                 "غرامة ريال ريالات دولار دولارات يورو")


def counted_units(question: str) -> str:
    """For a quantity question about a penalty, the words the number must stand next to (both languages)."""
    if not asks_for_number(question, exactly=True) or not _PENALTY.search(normalize(question)):
        return ""
    return PENALTY_UNITS


_AUXILIARIES = frozenset("do does did is are was were will would can could should has have had".split())


def quantity_focus(question: str) -> str:
    """The noun a quantity question asks about ("money" in "how much money…"), or ""."""
    if not asks_for_number(question, exactly=True):
        return ""
    m = _FOCUS.search(question)
    focus = (m.group(1) or m.group(2) or "") if m else ""
    return "" if focus.lower() in _AUXILIARIES else focus  # "how much does it cost": the verb counts nothing


def numbered(label: str) -> bool:
    """A numbered paragraph ("OP 3", "PP 12", "para. 87"), not a footnote nor an unlabelled passage."""
    return bool(label) and not label.startswith("fn. ")


_FIRST_STAGE = re.compile(r"^(?:dense|dense2|bm25|sentence)#(\d+)$")


def agreeing(why: tuple[str, ...], rank: int) -> int:
    """How many first-stage signals rank a passage within their top `rank` (read from its `why`)."""
    return sum(1 for w in why if (m := _FIRST_STAGE.match(w)) and int(m.group(1)) <= rank)


@lru_cache(maxsize=16_384)
def passage_fit(text: str, label: str, intents: frozenset[str], saturation: int, section: str = "") -> float:
    """0..1: how much the passage has the shape of the answer the question's intents ask for, counting up to
    `saturation` markers (RetrievalSettings.intent_saturation; cached: the same passages come back question
    after question). A passage under a heading that names recommendations ("Recommendations", "ما هي التوصيات
    التي تقترحها…؟") is one, however its items are worded ("تطوير أدوات …", "Establish …")."""
    if not intents:
        return 0.0
    plain = without_bibliography(text)  # an endnote's dates and URLs are not figures
    body = normalize(plain)
    best = 0.0
    for intent in intents:
        if intent == "obligation" and label.startswith("OP "):
            return 1.0
        if intent == "paragraph":
            best = max(best, 1.0 if numbered(label) else 0.0)
            continue
        if intent == "recommendation" and section and QUESTION["recommendation"].search(normalize(section)):
            return 1.0
        pattern = _FIGURE if intent == "statistic" else PASSAGE[intent]
        markers = len(pattern.findall(body)) + (len(_PHONE.findall(plain)) if intent == "contact" else 0)
        best = max(best, min(markers, saturation) / saturation)
    return best
