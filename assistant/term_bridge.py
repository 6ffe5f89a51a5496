"""English words to the library's own Arabic words, through the multilingual encoder (a word-level bridge).

The glossary lists the field's terms in both languages, but an English question also uses everyday words
("publish", "regularly", "covid", "restricting") that no glossary holds, and BM25 cannot match them against
Arabic text. The multilingual encoder places a single English word near its Arabic translation (publish ->
نشر at cosine 0.87, companies -> الشركات 0.93), so every Arabic word the library uses is embedded once (at
index time, indexing/word_vectors.py) and an English question's content words are looked up among them: the
nearest Arabic words above a cosine floor join the lexical query. The vocabulary comes from the documents
themselves, so it grows with the library.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from indexing.language import STOPWORDS, tokens
from indexing.models import Chunk
from indexing.word_vectors import library_words, word_vectors

from .cognates import Cognates

_LATIN_WORD = re.compile(r"^[a-z][a-z\-]+$")
# Words that name the form of the answer or the asking, not its subject: the intent stage reads them, and
# bridged they pull in passages that merely use the word ("figure" -> الشكل, a chart's caption; "tell" -> يقولون).
FRAME_WORDS = frozenset("""
paragraph paragraphs para paras section sections page pages figure figures number numbers stat stats statistic
statistics slide slides quote quotes cite tell tells mention mentions mentioned talk talks explain list pls please
need want give show anything something thing things stuff doc docs question questions quick glossary trainer trainers
trainees presentation deck handout
""".split())


@dataclass(frozen=True)
class BridgedTerms:
    nearest: list[str] = field(default_factory=list)  # near in meaning: they rank, never support
    spelled: list[str] = field(default_factory=list)  # the same name in Arabic letters: as good as the word


class TermBridge:
    def __init__(self, embedder, chunks: list[Chunk], cache: Path, min_count: int, min_length: int = 3):
        self.embedder, self.min_length = embedder, min_length
        self.words = library_words(chunks, min_count, min_length)
        self.vectors = word_vectors(self.words, cache, embedder)
        self.cognates = Cognates(self.words)
        # (word, (per_word, min_cos)) -> (nearest, spelled): a question's words are looked up once, and again only
        # for words no earlier question had (retrieval asks twice when a document's name is taken out)
        self._looked: dict[tuple[str, tuple[int, float]], tuple[list[str], list[str]]] = {}

    def lookup(self, question: str, per_word: int, min_cos: float) -> BridgedTerms:
        """The library's Arabic words nearest the question's English content words (`per_word` at most each,
        cosine >= `min_cos`); a word the encoder places near none ("covid") brings its transliterations (كوفيد)."""
        words = list(dict.fromkeys(t for t in tokens(question) if _LATIN_WORD.match(t) and t not in STOPWORDS
                                   and t not in FRAME_WORDS and len(t) >= self.min_length))
        if not words or not len(self.words):
            return BridgedTerms()
        key = (per_word, min_cos)
        new = [w for w in words if (w, key) not in self._looked]
        if new:
            if len(self._looked) > 20_000:  # questions' words, a few each: a long-running app clears it rarely
                self._looked.clear()
            sims = self.embedder.encode_documents(new).astype(np.float32) @ self.vectors.T
            for word, row in zip(new, sims):
                near = [self.words[j] for j in np.argsort(-row)[:per_word] if row[j] >= min_cos]
                self._looked[(word, key)] = (near, [] if near else self.cognates.of(word)[:per_word])
        nearest = [w for word in words for w in self._looked[(word, key)][0]]
        spelled = [w for word in words for w in self._looked[(word, key)][1]]
        return BridgedTerms(list(dict.fromkeys(nearest)), list(dict.fromkeys(spelled)))

    def terms(self, question: str, per_word: int, min_cos: float) -> list[str]:
        return self.lookup(question, per_word, min_cos).nearest
