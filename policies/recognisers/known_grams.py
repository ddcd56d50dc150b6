"""Character n-grams a model knows, summed per word, for scoring while someone types.

Both nets (the safety net in ``risk_model`` and the tone classifier) read character
2-5-grams of each whitespace-separated word padded with one space each side, and score
only the grams in their vocabulary, each of which carries three numbers (its IDF squared
and two weights). A draft's grams are the union of its words' grams, and a live check
sees the same words again and again (the draft grows by a few letters between two
checks; most words are common ones). So, once per word per process, the grams of the
word that the vocabulary knows are found and their three numbers summed; a draft then
costs one look-up per word, plus a step for each gram seen again (a gram seen twice
weighs 1 + log 2, not 2, in sublinear TF-IDF). That is about a fifth of the cost of
slicing every gram and looking each one up. The sums are complete after every word, so
the state after all but the last word of a draft is kept and the next draft, a few
letters longer, resumes from it: 52 -> 5 us a draft for the bench's 45-word notice,
where re-counting the repeats of the whole draft at each check had cost most of it.
"""

from __future__ import annotations

import contextlib
import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping

Weights = Mapping[str, tuple[float, float, float]]


def counted_sums(counts: Mapping[str, int], weights: Weights, *,
                 last_counts_once: bool = False) -> tuple[float, float, float]:
    """``KnownGrams.sums`` for grams already counted (a draft's word n-grams): the sum of
    IDF squared x TF squared, of the first weight x TF and of the second weight x TF (or
    once per gram, with ``last_counts_once``), TF being 1 + log(count). Grams outside
    ``weights`` have no weight and no place in the norm (as in scikit-learn)."""
    squares = first = second = 0.0
    get = weights.get
    for gram, count in counts.items():
        known = get(gram)
        if known is None:
            continue
        idf2, weighted_first, weighted_second = known
        if count == 1:
            squares += idf2
            first += weighted_first
            second += weighted_second
        else:
            tf = 1.0 + math.log(count)
            squares += tf * tf * idf2
            first += tf * weighted_first
            second += weighted_second if last_counts_once else tf * weighted_second
    return squares, first, second


def _factors(count: int) -> tuple[float, float, float]:
    """For a gram seen ``count`` times, what to add per unit of each of its three numbers
    to the sums that counted it once per occurrence: TF squared - count, TF - count and
    1 - count, TF being 1 + log(count)."""
    tf = 1.0 + math.log(count)
    return tf * tf - count, tf - count, 1.0 - count


def _step(count: int) -> tuple[float, float, float]:
    """What one more occurrence of a gram already seen ``count`` times adds to those
    corrections: ``_factors(count + 1) - _factors(count)``."""
    after, before = _factors(count + 1), _factors(count)
    return after[0] - before[0], after[1] - before[1], after[2] - before[2]


# Drafts shorter than this are summed afresh (resuming would save little); the states
# of this many recent drafts are kept (tens of KB each), enough for many people typing at once.
_MIN_PREFIX = 8
_PREFIXES_KEPT = 64

_STEPS = [(0.0, 0.0, 0.0)] + [_step(count) for count in range(1, 64)]


class KnownGrams:
    """Per word, the character n-grams of ``sizes`` that ``weights`` holds, and the sum
    of their weights. Each gram's three numbers are (IDF squared, IDF x a weight, a
    second weight): ``sums`` gives the sublinear TF-IDF sums of the first two and of the
    third either TF-weighted too or, with ``last_counts_once``, once per distinct gram
    (an NB-LR weight of presence).

    ``limit`` bounds the memory: past that many distinct words the memory starts afresh
    (a pasted essay of unseen words cannot grow it without end).
    """

    __slots__ = ("_weights", "_sizes", "_last_counts_once", "_limit", "_by_word", "_prefixes")

    def __init__(self, weights: Weights, sizes: Iterable[int], *, last_counts_once: bool = False,
                 limit: int = 50_000) -> None:
        self._weights = weights
        self._sizes = tuple(sizes)
        self._last_counts_once = last_counts_once
        self._limit = limit
        self._by_word: dict[str, tuple[frozenset[str], tuple[str, ...], float, float, float]] = {}
        # all-but-the-last words of recent drafts -> the running state after them
        self._prefixes: OrderedDict[tuple[str, ...], tuple[frozenset[str], dict[str, int], float, float, float]] = (
            OrderedDict())

    def _grams(self, word: str) -> Iterator[str]:
        """Every gram of ``word``: its character grams of ``sizes``, padded with a space."""
        padded = f" {word} "
        length = len(padded)
        for size in self._sizes:
            if size > length:
                break
            for start in range(length - size + 1):
                yield padded[start : start + size]

    def _of(self, word: str) -> tuple[frozenset[str], tuple[str, ...], float, float, float]:
        """The word's known grams (as a set, and each further occurrence of one within
        the word) and the sums of their three numbers, every occurrence counted."""
        get = self._weights.get
        known: list[str] = []
        zero = one = two = 0.0
        for gram in self._grams(word):
            numbers = get(gram)
            if numbers is not None:
                known.append(gram)
                zero += numbers[0]
                one += numbers[1]
                two += numbers[2]
        unique = frozenset(known)
        again: tuple[str, ...] = ()
        if len(unique) < len(known):  # "banana": "an" and "na" twice
            again = tuple(gram for gram, count in Counter(known).items() for _ in range(count - 1))
        return unique, again, zero, one, two

    def sums(self, words: Iterable[str]) -> tuple[float, float, float]:
        """Over the known grams of ``words`` (already normalised): the sum of IDF squared
        x TF squared (the squared norm), of the first weight x TF, and of the second
        weight x TF (or once per gram), where TF is 1 + log(count).

        Each occurrence of a gram adds its numbers once; a gram seen again also adds the
        step from its old count's TF to its new one (``_STEPS``), at once, so the sums
        are complete after every word. Someone typing changes the last word or starts a
        new one, so the state after all but the last word (grams seen, counts of those
        seen twice or more, sums) is remembered and an earlier draft's is resumed when it
        is this draft's all-but-last or all-but-two words. The resumed state is read,
        never copied or changed; the words after it are summed with the same additions in
        the same order as afresh, so the answer is the same to the last bit."""
        words = words if isinstance(words, list) else list(words)
        total = len(words)
        prefixes = self._prefixes
        resumed = None
        done = 0
        if total > _MIN_PREFIX:
            for done in (total - 1, total - 2):
                key = tuple(words[:done])
                resumed = prefixes.get(key)
                if resumed is not None:
                    with contextlib.suppress(KeyError):  # another thread may have let it go
                        prefixes.move_to_end(key)
                    break
        if resumed is None:
            done = 0
            earlier_seen: frozenset[str] = frozenset()
            earlier_counts: Mapping[str, int] = {}
            squares = first = second = 0.0
        else:
            earlier_seen, earlier_counts, squares, first, second = resumed
        seen: set[str] = set()  # grams first seen since ``done``
        counts: dict[str, int] = {}  # counts (2 or more) changed since ``done``
        weights, once, by_word = self._weights, self._last_counts_once, self._by_word
        for index in range(done, total):
            if index == total - 1 and index > _MIN_PREFIX and index != done:
                prefixes[tuple(words[:index])] = (earlier_seen | seen, {**earlier_counts, **counts},
                                                  squares, first, second)
                if len(prefixes) > _PREFIXES_KEPT:
                    with contextlib.suppress(KeyError):  # emptied by another thread meanwhile
                        prefixes.popitem(last=False)
            word = words[index]
            entry = by_word.get(word)
            if entry is None:
                entry = self._of(word)
                if len(by_word) >= self._limit:
                    by_word.clear()
                by_word[word] = entry
            unique, again, zero, one, two = entry
            squares += zero
            first += one
            second += two
            # The word's grams seen before (in the word's own order) and its grams that
            # repeat within it: each is one more occurrence of a gram already counted.
            repeats = [gram for gram in unique if gram in seen or gram in earlier_seen]
            seen |= unique
            for gram in (*repeats, *again):
                count = counts.get(gram) or earlier_counts.get(gram, 1)
                counts[gram] = count + 1
                square_step, tf_step, once_step = _STEPS[count] if count < 64 else _step(count)
                idf2, weighted_first, weighted_second = weights[gram]
                squares += square_step * idf2
                first += tf_step * weighted_first
                second += (once_step if once else tf_step) * weighted_second
        return squares, first, second


class KnownWordGrams(KnownGrams):
    """``KnownGrams`` for word unigrams and bigrams: the units summed are each token
    with the token before it ("before token"; the first token alone), whose grams are
    the token and the pair. A typed draft resumes the same way: only its last token or
    two are new."""

    __slots__ = ()

    def __init__(self, weights: Weights, *, last_counts_once: bool = False, limit: int = 50_000) -> None:
        super().__init__(weights, (), last_counts_once=last_counts_once, limit=limit)

    @staticmethod
    def units(tokens: list[str]) -> list[str]:
        """The units of ``tokens``: the first token, then each pair of neighbours."""
        return tokens[:1] + [f"{before} {token}" for before, token in zip(tokens, tokens[1:], strict=False)]

    def _grams(self, unit: str) -> Iterator[str]:
        token = unit.rpartition(" ")[2]
        yield token
        if token != unit:
            yield unit
