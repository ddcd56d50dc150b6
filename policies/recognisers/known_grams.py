"""Character n-grams a model knows, summed per word, for scoring while someone types.

Both nets (the safety net in ``risk_model`` and the tone classifier) read character
2-5-grams of each whitespace-separated word padded with one space each side, and score
only the grams in their vocabulary, each of which carries three numbers (its IDF squared
and two weights). A draft's grams are the union of its words' grams, and a live check
sees the same words again and again (the draft grows by a few letters between two
checks; most words are common ones). So, once per word per process, the grams of the
word that the vocabulary knows are found and their three numbers summed; a draft then
costs one look-up per word plus a count of its grams to find the few that repeat (a gram
seen twice weighs 1 + log 2, not 2, in sublinear TF-IDF), which the scorer corrects.
That is about a fifth of the cost of slicing every gram and looking each one up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Weights = Mapping[str, tuple[float, float, float]]


@dataclass(frozen=True, slots=True)
class Block:
    """A draft's known grams: the three numbers summed over every occurrence (a gram
    seen twice counted twice) and the grams seen more than once, with their counts."""

    sums: tuple[float, float, float]
    repeated: dict[str, int]


class KnownGrams:
    """Per word, the character n-grams of ``sizes`` that ``weights`` holds, and the sum
    of their weights.

    ``limit`` bounds the memory: past that many distinct words the memory starts afresh
    (a pasted essay of unseen words cannot grow it without end).
    """

    __slots__ = ("_weights", "_sizes", "_limit", "_by_word")

    def __init__(self, weights: Weights, sizes: Iterable[int], limit: int = 50_000) -> None:
        self._weights = weights
        self._sizes = tuple(sizes)
        self._limit = limit
        self._by_word: dict[str, tuple[tuple[str, ...], float, float, float]] = {}

    def _of(self, word: str) -> tuple[tuple[str, ...], float, float, float]:
        padded = f" {word} "
        length = len(padded)
        get = self._weights.get
        known: list[str] = []
        zero = one = two = 0.0
        for size in self._sizes:
            if size > length:
                break
            for start in range(length - size + 1):
                gram = padded[start : start + size]
                numbers = get(gram)
                if numbers is not None:
                    known.append(gram)
                    zero += numbers[0]
                    one += numbers[1]
                    two += numbers[2]
        return tuple(known), zero, one, two

    def block(self, words: Iterable[str]) -> Block:
        """The known grams of ``words`` (already normalised), summed."""
        by_word = self._by_word
        grams: list[str] = []
        zero = one = two = 0.0
        for word in words:
            entry = by_word.get(word)
            if entry is None:
                entry = self._of(word)
                if len(by_word) >= self._limit:
                    by_word.clear()
                by_word[word] = entry
            grams += entry[0]
            zero += entry[1]
            one += entry[2]
            two += entry[3]
        counts = Counter(grams)
        repeated = {gram: n for gram, n in counts.items() if n > 1} if len(counts) < len(grams) else {}
        return Block((zero, one, two), repeated)
