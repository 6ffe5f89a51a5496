"""The cited page panel's words: each citation in the list (with its page, or that it has none) and the line
above the image, in the asker's language (see `assistant.page_view` for the image itself)."""
from __future__ import annotations

from pathlib import PurePath

from ..models import Citation
from ..page_view import PageView
from .references import references, short

_NO_IMAGE = {"en": "no page image", "ar": "بلا صورة صفحة"}
_TEXT = {"en": "a text file", "ar": "ملف نصي"}
_WORD = {"en": "a Word document, which has no fixed pages", "ar": "مستند Word بلا صفحات ثابتة"}
NOTES = {
    "en": {"exact": "", "continues": "The quote continues on page {next}.",
           "approximate": "The quote was not found letter for letter on this page; the lines that best match it "
                          "are highlighted.",
           "not_found": "The quote could not be found on this page; the page is shown without a highlight.",
           "no_pages": "this source is {kind}; no page image.", "missing": "{detail} is no longer in the library.",
           "no_page": "the quote's page is not known; no page image.",
           "bad_page": "this PDF has no page {page} (it has {detail})."},
    "ar": {"exact": "", "continues": "يتواصل الاقتباس في الصفحة {next}.",
           "approximate": "لم يوجد الاقتباس حرفياً في هذه الصفحة؛ ظُلّلت الأسطر الأقرب إليه.",
           "not_found": "لم يوجد الاقتباس في هذه الصفحة؛ تُعرض الصفحة بلا تظليل.",
           "no_pages": "هذا المصدر {kind}، فلا صورة لصفحاته.", "missing": "لم يعد {detail} في المكتبة.",
           "no_page": "صفحة الاقتباس غير معروفة، فلا صورة لها.",
           "bad_page": "لا صفحة {page} في هذا الملف (عدد صفحاته {detail})."},
}


def note(view: PageView, language: str) -> str:
    """What the panel says about the image, or instead of one, in the asker's language."""
    lang = "ar" if references(language).arabic else "en"
    kind = (_WORD if view.detail == ".docx" else _TEXT)[lang]
    return NOTES[lang][view.status].format(next=(view.page or 0) + 1, page=view.page, detail=view.detail, kind=kind)


def has_pages(c: Citation) -> bool:
    return PurePath(c.file_name).suffix.lower() == ".pdf"


def choice(c: Citation, language: str) -> str:
    """`[2] A/HRC/28/56, p. 7` for a PDF's citation; `[1] Title (no page image)` for a text source."""
    ref = references(language)
    name = c.symbol or short(c.title, 50)
    if has_pages(c) and c.page:
        return f"[{c.n}] {name}{ref.sep}{ref.page} {c.page}"
    return f"[{c.n}] {name} ({_NO_IMAGE['ar' if ref.arabic else 'en']})"


def choices(citations, language: str) -> tuple[list[tuple[str, str]], str | None]:
    """The dropdown's (shown, value) pairs and the one it opens on: the first citation that has a page image."""
    pairs = [(choice(c, language), str(c.n)) for c in citations]
    first = next((str(c.n) for c in citations if has_pages(c) and c.page), pairs[0][1] if pairs else None)
    return pairs, first


def caption(view: PageView, c: Citation, language: str) -> str:
    """Markdown above the image: which citation and page, then anything approximate about the mark, or why
    there is no image."""
    ref = references(language)
    where = f"**[{c.n}] {c.symbol or c.title}**"
    said = note(view, language)
    if view.image is None:
        return f"{where}: {said}"
    return f"{where}{ref.sep}{ref.page} {view.page}" + (f"\n\n{said}" if said else "")
