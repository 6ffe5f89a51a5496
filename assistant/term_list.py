"""A first-stage list of the passages that hold the question's glossary terms as whole phrases.

BM25 sees a glossary expansion as a bag of stems: "notice and takedown" becomes "اشعار نموذج اسقاط", each word
weighed alone, and a passage on any "نموذج" (model) competes with the one on the model itself. This list counts
a term only where one of its forms occurs as written (word-bounded, in the search form), and weighs a term by
how few passages hold it, so the passage that names the rare thing asked about leads whatever the words around
it are.
"""
from __future__ import annotations

import math

from indexing.language import tokens
from indexing.models import Chunk

from .glossary import Glossary, Term


class TermList:
    def __init__(self, glossary: Glossary, chunks: list[Chunk]):
        self.glossary = glossary
        self._norms = [" ".join(tokens(c.text)) for c in chunks]
        self._holders: dict[int, frozenset[int]] = {}

    def holders(self, term: Term) -> frozenset[int]:
        """Positions of the chunks holding any form of the term (computed once per term)."""
        key = id(term)
        if key not in self._holders:
            forms = self.glossary.patterns(term)
            self._holders[key] = frozenset(
                i for i, norm in enumerate(self._norms) if any(lit in norm and p.search(norm) for lit, p in forms))
        return self._holders[key]

    def order(self, terms: list[Term], allowed=None, limit: int = 50, max_share: float = 0.5,
              then: list[int] = ()) -> list[int]:
        """Chunk positions by the summed rarity (idf) of the matched terms they hold, best first; passages holding
        the same terms in the order of `then` (the lexical list), the rest after them. A term more than
        `max_share` of the library holds ("child sexual abuse") orders nothing: the list is for specific things."""
        n = len(self._norms)
        score: dict[int, float] = {}
        for term in {id(t): t for t in terms}.values():
            held = self.holders(term)
            if not held or len(held) > max_share * n:
                continue
            idf = math.log(n / len(held))
            for i in held:
                if allowed is None or allowed[i]:
                    score[i] = score.get(i, 0.0) + idf
        place = {i: r for r, i in enumerate(then)}
        return sorted(score, key=lambda i: (-round(score[i], 9), place.get(i, len(place)), i))[:limit]
