"""Generated answers that stay checkable.

The model sees numbered passages and must cite them as [n]. Afterwards every marker is checked against the
passages it was given: markers to nothing are removed and flagged, and an answer left with no valid marker
is replaced by the extractive one. The citations the user sees are never model text: for each marker, the
sentence of the cited passage that best carries the claim is quoted verbatim.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from .composing import abstain_text, build_citations
from .sentence_picker import Sentence, SentencePicker
from .models import Answer, Passage
from .render.markdown import marker

log = logging.getLogger(__name__)

_MARKERS = re.compile(r"\[(\s*\d{1,3}(?:\s*[,،]\s*\d{1,3})*\s*)\]")
_CLAIM = re.compile(r"[^.!?؟\n]*(?:\[[\d\s,،]+\][^.!?؟\n]*)+[.!?؟]?")
_NOT_IN_DOCS = re.compile(r"^\W*(not in the documents|ليس في الوثائق)\W*$", re.IGNORECASE)

NOTICES = {
    "invalid": "Removed citation markers to passages the model was not given: {markers}.",
    "uncited": "The model's answer cited no passage, so the documents' own sentences are shown instead.",
    "failed": "The language model could not answer ({reason}); the documents' own sentences are shown instead.",
    "timeout": "The language model did not finish within {seconds:.0f} s; the documents' own sentences are shown instead.",
}


def load_prompt(prompts_dir: Path, name: str) -> str:
    """A prompt template by name (`prompts/<name>.txt`)."""
    path = prompts_dir / f"{name}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"prompt template {name!r} not found at {path}")
    return path.read_text(encoding="utf-8").strip()


@dataclass
class Checked:
    text: str  # markers renumbered to the citations' order
    used: list[int]  # passage numbers (1-based, as the model saw them) in order of first use
    invalid: list[int]


def check_markers(text: str, n_passages: int) -> Checked:
    """Keep markers that name a given passage, drop the rest, renumber by first use ([3] then [1] -> [1], [2])."""
    used: list[int] = []
    invalid: list[int] = []

    def fix(m: re.Match) -> str:
        keep = []
        for part in re.split(r"[,،]", m.group(1)):
            n = int(part)
            if 1 <= n <= n_passages:
                if n not in used:
                    used.append(n)
                keep.append(used.index(n) + 1)
            elif n not in invalid:
                invalid.append(n)
        return "".join(marker(k) for k in dict.fromkeys(keep))

    fixed = _MARKERS.sub(fix, text)
    fixed = re.sub(r"[ \t]+([.,،؛;])", r"\1", fixed)
    return Checked(re.sub(r"[ \t]{2,}", " ", fixed).strip(), used, invalid)


def claims_for(text: str, original_n: int, used: list[int]) -> str:
    """The model's sentences that carry marker n (after renumbering), to find the quote they rest on."""
    k = marker(used.index(original_n) + 1)
    return " ".join(m.group(0) for m in _CLAIM.finditer(text) if k in m.group(0))


LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}


class Generator:
    def __init__(self, model: BaseChatModel, prompts_dir: Path, picker: SentencePicker, embedder,
                 timeout_s: float, max_passages: int = 5, passage_chars: int = 1200, prompt_chars: int = 0):
        self.model = model
        self.picker = picker
        self.embedder = embedder
        self.timeout_s = timeout_s
        self.max_passages = max_passages
        self.passage_chars = passage_chars
        self.prompt_chars = prompt_chars  # all passages together; 0 = no budget
        # Read once, so a missing template fails at start-up, not mid-conversation.
        self.prompts = {name: load_prompt(prompts_dir, name) for name in ("system_en", "system_ar", "answer", "rewrite",
                                                                      "translate")}

    def messages(self, question: str, language: str, passages: list[Passage]):
        system = self.prompts["system_ar" if language == "ar" else "system_en"]
        per = self.passage_chars
        if self.prompt_chars and passages:
            per = max(200, min(per, self.prompt_chars // len(passages)))
        numbered = "\n\n".join(
            f"[{i}] ({p.chunk.symbol or p.chunk.title}{', ' + p.chunk.label if p.chunk.label else ''})\n"
            f"{p.chunk.text[:per]}"
            for i, p in enumerate(passages, 1)
        )
        user = self.prompts["answer"].format(passages=numbered, question=question)
        return [SystemMessage(system), HumanMessage(user)]

    def rewrite(self, question: str, previous_question: str, previous_answer: str) -> str:
        """A follow-up as a standalone question; the original question if the model fails or rambles."""
        prompt = self.prompts["rewrite"].format(
            previous_question=previous_question, previous_answer=previous_answer[:400], question=question)
        try:
            text = str(self.model.invoke([HumanMessage(prompt)]).content).strip().splitlines()
        except Exception as exc:
            log.warning("follow-up rewriting failed (%s); using the question as asked", exc)
            return question
        out = text[0].strip().strip('"') if text else ""
        return out if 3 <= len(out) <= 3 * len(question) + 200 else question

    def translate(self, text: str, language: str) -> str:
        """The model's translation of `text` into `language` ("ar" or "en"); raises when the model fails or
        runs past the timeout, so the caller can say so instead of showing half a translation."""
        prompt = self.prompts["translate"].format(text=text, language=LANGUAGE_NAMES[language])
        started, out = time.perf_counter(), ""
        for chunk in self.model.stream([HumanMessage(prompt)]):
            out += str(chunk.content)
            if time.perf_counter() - started > self.timeout_s:
                raise TimeoutError(f"no complete translation within {self.timeout_s:.0f} s")
        return out.strip()

    def stream(self, question: str, language: str, passages: list[Passage],
               fallback: Answer) -> Iterator[str | Answer]:
        """Yield the model's text as it comes, then the checked `Answer` (or the extractive fallback)."""
        given = passages[: self.max_passages]
        started = time.perf_counter()
        raw = ""
        try:
            for chunk in self.model.stream(self.messages(question, language, given)):
                delta = str(chunk.content)
                raw += delta
                if delta:
                    yield delta
                if time.perf_counter() - started > self.timeout_s:
                    yield "\n\n"
                    yield self._fallback(fallback, NOTICES["timeout"].format(seconds=self.timeout_s))
                    return
        except Exception as exc:
            log.warning("language model failed: %s", exc)
            yield "\n\n"
            yield self._fallback(fallback, NOTICES["failed"].format(reason=_reason(exc)))
            return
        timings = {"generate_ms": (time.perf_counter() - started) * 1000}
        if _NOT_IN_DOCS.match(raw.strip()):
            yield Answer(question, language, intro=abstain_text(language), passages=tuple(passages), abstained=True,
                         backend=self.backend, timings=timings, support=fallback.support)
            return
        checked = check_markers(raw, len(given))
        notices = (NOTICES["invalid"].format(markers=", ".join(marker(n) for n in checked.invalid)),) if checked.invalid else ()
        if not checked.used:
            yield self._fallback(fallback, *notices, NOTICES["uncited"])
            return
        citations = self.citations(checked, given, language)
        yield Answer(question, language, prose=checked.text, citations=citations, passages=tuple(passages),
                     notices=notices, backend=self.backend, timings=timings, support=fallback.support)

    def citations(self, checked: Checked, given: list[Passage], language: str = "en"):
        """For each cited passage, its sentence closest to the claims that cite it: a verbatim quote."""
        sentences = []
        for n in checked.used:
            claim = claims_for(checked.text, n, checked.used) or checked.text
            vector = self.embedder.encode_query(claim) if self.embedder is not None else None
            best = self.picker.pick(claim, "", [given[n - 1]], 1, 1, question_vector=vector)
            sentences.append(best[0] if best else whole_passage(given[n - 1]))
        citations = build_citations(sentences, language)
        # build_citations orders by reading order; the text's [k] numbers follow first use, so map back.
        by_chunk = {c.chunk_id: c for c in citations}
        return tuple(replace(by_chunk[s.passage.chunk.chunk_id], n=k) for k, s in enumerate(sentences, 1))

    @property
    def backend(self) -> str:
        return getattr(self.model, "_llm_type", type(self.model).__name__)

    def _fallback(self, fallback: Answer, *notices: str) -> Answer:
        return replace(fallback, notices=(*fallback.notices, *notices), backend="extractive (fallback)")


def whole_passage(passage: Passage) -> Sentence:
    """The quote for a cited passage with no sentence to pick (a heading, a table row): all of it, trimmed."""
    text = passage.chunk.text
    start = len(text) - len(text.lstrip())
    return Sentence(passage, start, len(text.rstrip()), 0.0)


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    text = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{name}: {text}" if text else name
