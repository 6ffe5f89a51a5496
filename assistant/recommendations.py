"""Recommendations by addressee: the recommendations part of any report, item by item, grouped by whom each
asks to act (States, the private sector and internet service providers, the international community, civil
society ...), each linked to the resolution paragraphs nearest it in meaning.

An officer preparing a negotiation wants "what did the Special Rapporteur ask of the industry, and which
resolution paragraph answers it", not a chat answer. Which headings open recommendations and the names of the
groups are data (`corpus/recommendations.toml`). A recommendations part is a section whose heading names them
("باء- توصيات", "Recommendations") or a line that does ("2. التوصيات العملية:", "What practical
recommendations would you propose to States ...?"), up to the next numbered line of the same kind. Its items
are its list items ("- ...", "(أ) ...", "(a) ...") and its numbered paragraphs without sub-items; an item's
addressee is the group named by the nearest lead-in ("تدعو المقررة الخاصة جميع الدول إلى القيام بما يلي:"),
sub-heading ("صناعة التكنولوجيا:") or section ("على المستوى الدولي"), else "General".
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from indexing.bibliography import is_bibliographic
from indexing.language import tokens
from indexing.models import Chunk

from .paragraph_table import _form, _matches, _words
from .render.references import references

log = logging.getLogger(__name__)

GENERAL = "General"
_ITEM = re.compile(r"^\s*(?:[-•*▪◦]\s*|\(?([\u0621-\u064A]{1,2}|[a-z]{1,4})\)\s*)")
_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.\-–]\s")
_LETTERS_EN = dict(zip("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ", "abcdefghijklmnopqrstuvwxyz"))


@dataclass(frozen=True)
class Group:
    name: str
    forms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class RecommendationWords:
    heading: frozenset[str]
    other: frozenset[str]
    groups: tuple[Group, ...]
    phrases: tuple[tuple[str, ...], ...] = ()  # several words that together name an action part ("looking ahead")

    @classmethod
    def load(cls, path: Path) -> "RecommendationWords":
        if not path.exists():
            log.warning("no recommendation words at %s; no recommendations are found", path)
            return cls(frozenset(), frozenset(), ())
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        one = lambda ws: frozenset(t for w in ws for t in tokens(w))  # noqa: E731
        groups = tuple(Group(g["name"], tuple(_form(f) for f in (*g.get("forms_en", ()), *g.get("forms_ar", ()))
                                              if _form(f))) for g in data.get("group", []))
        phrases = tuple(tuple(tokens(p)) for p in data.get("heading_phrases", ()) if tokens(p))
        return cls(one(data.get("heading_words", ())), one(data.get("other_headings", ())), groups, phrases)

    def names_recommendations(self, text: str) -> bool:
        """A heading word, or all the words of a heading phrase in the heading, in any order: headings taken
        from PDFs often come out with their words reversed ("المنشود العمل")."""
        words = set(tokens(text))
        return bool(self.heading & words) or any(set(p) <= words and len(words) <= len(p) + 3 for p in self.phrases)

    def names_other(self, text: str) -> bool:
        return bool(self.other & set(tokens(text)))

    def group_of(self, text: str) -> str:
        """The group the text names first (the longest form at a place wins); "" when it names none."""
        words = _words(text)
        best: tuple[int, int, str] | None = None
        for g in self.groups:
            for form in g.forms:
                n = len(form)
                for i in range(len(words) - n + 1):
                    if _matches(form, [w.norm for w in words[i:i + n]]):
                        key = (i, -n, g.name)
                        best = key if best is None or key < best else best
                        break
        return best[2] if best else ""


@dataclass(frozen=True)
class Link:
    """A resolution paragraph on the same topic as a recommendation."""

    doc_id: str
    label: str
    score: float
    text: str
    chunk_id: str


@dataclass(frozen=True)
class Recommendation:
    doc_id: str
    label: str  # "para. 87 (أ)", "• 3"
    label_en: str  # "para. 87 (a)"
    text: str
    addressee: str
    locator: str
    section: str
    chunk_id: str
    start: int
    links: tuple[Link, ...] = ()
    listed: bool = False  # an item of a marked list ("- ...", "(a) ..."), not a paragraph read as one

    def as_dict(self) -> dict:
        return {"doc_id": self.doc_id, "label": self.label, "label_en": self.label_en, "text": self.text,
                "addressee": self.addressee, "locator": self.locator, "section": self.section,
                "chunk_id": self.chunk_id, "start": self.start,
                "links": [{"doc_id": k.doc_id, "label": k.label, "score": round(k.score, 3), "text": k.text}
                          for k in self.links]}


def _paragraphs(chunk: Chunk) -> list[tuple[int, str]]:
    """(offset in the cleaned text, text) of each paragraph of the chunk."""
    out, pos = [], 0
    for part in re.split(r"(\n\s*\n)", chunk.text):
        if part.strip() and not re.fullmatch(r"\n\s*\n", part):
            lead = len(part) - len(part.lstrip())
            out.append((chunk.start + pos + lead, part.strip()))
        pos += len(part)
    return out


class RecommendationReader:
    def __init__(self, words: RecommendationWords, item_min_chars: int = 40, lead_max_chars: int = 120,
                 endnote_share: float = 0.12, group_heading_max_words: int = 5):
        self.words = words
        self.group_heading_max_words = group_heading_max_words  # 0: a group's sub-heading opens nothing
        self.item_min_chars = item_min_chars  # shorter list items are fragments or sub-headings
        self.lead_max_chars = lead_max_chars  # a numbered paragraph this short introduces the items below it
        self.endnote_share = endnote_share  # Settings.answer.endnote_share: a reference is no recommendation

    def in_section(self, section: str) -> bool:
        """The deepest heading naming recommendations or something else decides ("ألف- استنتاجات" under
        "استنتاجات وتوصيات" is not; "1- على المستوى الوطني" under "باء- توصيات" is)."""
        for part in reversed([p for p in section.split(" > ") if p.strip()]):
            if self.words.names_recommendations(part):
                return True
            if self.words.names_other(part):
                return False
        return False

    def _opens(self, text: str) -> bool:
        return (len(text) < 300 and not _ITEM.match(text) and self.words.names_recommendations(text)
                and (text.rstrip().endswith((":", "؟", "?", ":")) or bool(_NUMBERED.match(text))))

    def names_only_a_group(self, text: str) -> bool:
        """A sub-heading that is a group's name and a colon ("صناعة التكنولوجيا:", "On the national level:"):
        the list below it says what that group should do, wherever the section's heading puts it."""
        if not text.rstrip().endswith((":", ":")) or _ITEM.match(text):
            return False
        words = tokens(text)
        return 0 < len(words) <= self.group_heading_max_words and bool(self.words.group_of(text))

    def read(self, chunks: list[Chunk]) -> list[Recommendation]:
        """A document's recommendations in reading order."""
        out: list[Recommendation] = []
        seen: set[int] = set()
        opener: tuple[str, str | None, str] | None = None  # (text, number, section) of a line opening a block
        context = ""  # the latest lead-in or sub-heading inside the block
        context_section = ""
        count = 0
        grouped = False  # inside the list under a sub-heading that names only a group
        for chunk in sorted(chunks, key=lambda c: c.ordinal):
            if chunk.is_heading:
                if opener and not self.words.names_recommendations(chunk.text):
                    opener = None
                context, count, grouped = "", 0, False
                continue
            fmt = references("ar" if chunk.language == "ar" else "en")
            by_section = self.in_section(chunk.section)
            for start, text in _paragraphs(chunk):
                if start in seen:
                    continue
                seen.add(start)
                numbered = _NUMBERED.match(text)
                if self._opens(text):
                    opener, context, count = (text, numbered.group(1) if numbered else None, chunk.section), "", 0
                    continue
                if opener and numbered and not _ITEM.match(text) and numbered.group(1) != opener[1] \
                        and not chunk.label:
                    opener = None  # the next question or numbered heading
                item = _ITEM.match(text)
                if self.names_only_a_group(text):
                    grouped = True
                elif not item:
                    grouped = False
                if not (by_section or opener or grouped):
                    continue
                if text.rstrip().endswith((":", ":")) and not item:
                    context, context_section, count = text, chunk.section, 0  # a lead-in or a sub-heading
                    continue
                if not item and not ((chunk.label and numbered) or by_section) or len(text) < self.item_min_chars:
                    continue
                if not item and len(text) < self.lead_max_chars:
                    context, context_section, count = text, chunk.section, 0  # "86- توصي ... الواردة أدناه."
                    continue
                if is_bibliographic(text, self.endnote_share):
                    continue
                if not item:
                    context, context_section, count = "", chunk.section, 0
                count += 1
                label, label_en = self._label(chunk, item, count)
                out.append(Recommendation(
                    doc_id=chunk.doc_id, label=label, label_en=label_en, text=text,
                    addressee=self._addressee(text if not item else "", context if context_section == chunk.section
                                              else "", "" if opener and opener[2] == chunk.section else chunk.section,
                                              opener[0] if opener else ""),
                    locator=fmt.locate(chunk, start), section=chunk.section, chunk_id=chunk.chunk_id, start=start,
                    listed=item is not None,
                ))
        return out

    @staticmethod
    def _label(chunk: Chunk, item: re.Match | None, count: int) -> tuple[str, str]:
        base = chunk.label or ""
        if item is None:
            return base or f"¶ {count}", base or f"¶ {count}"
        letter = item.group(1)
        if letter:
            en = "".join(_LETTERS_EN.get(ch, ch) for ch in letter.replace("ـ", ""))
            return f"{base} ({letter})".strip(), f"{base} ({en})".strip()
        return f"{base} • {count}".strip(), f"{base} • {count}".strip()

    def _addressee(self, own: str, context: str, section: str, opener: str) -> str:
        """The group named by the item's own lead (a paragraph without sub-items), the lead-in or sub-heading
        above it, its section's headings (deepest first), or the line that opened the block."""
        parts = [p for p in reversed(section.split(" > ")) if p.strip()]
        for text in (own[:160], context[:200], *parts, opener):
            if text:
                group = self.words.group_of(text)
                if group:
                    return group
        return GENERAL


def link(recommendations: list[Recommendation], embedder, paragraphs: list[Chunk], vectors: dict[str, np.ndarray],
         k: int, min_score: float) -> list[Recommendation]:
    """Each recommendation with the `k` resolution paragraphs nearest it in meaning, from `min_score` up."""

    paragraphs = [c for c in paragraphs if c.chunk_id in vectors]
    if not recommendations or not paragraphs or k <= 0:
        return recommendations
    matrix = np.stack([np.asarray(vectors[c.chunk_id], dtype=np.float32) for c in paragraphs])
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    queries = np.asarray(embedder.encode_documents([r.text for r in recommendations]), dtype=np.float32)
    queries /= np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
    scores = queries @ matrix.T
    out = []
    for r, row in zip(recommendations, scores):
        best = [i for i in np.argsort(-row, kind="stable")[:k] if row[i] >= min_score]
        out.append(replace(r, links=tuple(
            Link(paragraphs[i].doc_id, paragraphs[i].label, float(row[i]), paragraphs[i].text, paragraphs[i].chunk_id)
            for i in best)))
    return out


def by_addressee(recommendations: list[Recommendation]) -> dict[str, list[Recommendation]]:
    """Grouped in the order the groups first appear, "General" last."""
    groups: dict[str, list[Recommendation]] = {}
    for r in recommendations:
        groups.setdefault(r.addressee, []).append(r)
    return dict(sorted(groups.items(), key=lambda kv: kv[0] == GENERAL))
