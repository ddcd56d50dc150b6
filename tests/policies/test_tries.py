"""Word lists written as regex tries match as the lists they replace."""

from __future__ import annotations

import random
import re

import pytest

from policies.checks import customer_privacy
from policies.recognisers import temporal
from policies.recognisers.tries import in_order, longest_first


def _random_texts(vocabulary: list[str], seed: int, count: int = 1500):
    rnd = random.Random(seed)
    for _ in range(count):
        text = rnd.choice(["", " ", "-"]).join(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 8)))
        yield "".join(c.upper() if rnd.random() < 0.1 else c for c in text)[rnd.randint(0, 2):]


@pytest.mark.parametrize("name", ["STATUS_WORDS", "RECORD_WORDS", "DISCLOSERS", "KIND_HANDOFFS"])
def test_longest_first_matches_as_the_longest_first_list(name: str) -> None:
    words = getattr(customer_privacy, name)
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    flat = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")\b", re.I)
    trie = re.compile(rf"\b(?:{longest_first(words)})\b", re.I)
    for text in _random_texts([*words, "the", "a", "in", "not", "paid", "  ", "\n", "x"], seed=3):
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_longest_first_reads_as_a_trie() -> None:
    assert longest_first(["in arrears", "in", "owe", "owed", "owing"]) == r"(?:in(?:\s+arrears)?|ow(?:e(?:d)?|ing))"


NUMBERS = ["one", "four", "fourteen", "forty", "six", "sixteen", "sixty", "seven", "seventeen", "a", "an",
           "a few", "several", "eight", "eighteen", "eighty"]


@pytest.mark.parametrize("tail", [r"\s+years\b", r"[\s-]*(?:yo|y/o)\b", r"(?:[- ]\w+)?", ""])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_in_order_matches_as_the_list_where_the_same_word_wins(tail: str, flags: int) -> None:
    # What follows the word decides which of "six" / "sixty" can match, so the order
    # of the list matters; in_order keeps it.
    flat = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in NUMBERS) + ")" + tail, flags)
    trie = re.compile(r"\b(?:" + in_order(NUMBERS) + ")" + tail, flags)
    vocabulary = [*NUMBERS, "years", "yo", "y/o", "ty", "teen", "n", " "]
    for text in _random_texts(vocabulary, seed=5, count=3000):
        assert [(m.span(), m.group()) for m in trie.finditer(text)] == [
            (m.span(), m.group()) for m in flat.finditer(text)], text


def test_in_order_keeps_a_longer_word_first_when_it_was_listed_first() -> None:
    assert in_order(["sixty", "six"]) == "six(?:ty|)"
    assert in_order(["six", "sixty"]) == "six(?:|ty)"
    assert in_order(["a few", "b"]) == r"(?:a\ few|b)"  # spaces survive a VERBOSE pattern
    with pytest.raises(ValueError, match="list it first or last"):
        in_order(["sixty", "six", "sixteen"])


def test_number_words_keep_their_matches() -> None:
    flat = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
            r"hundred|a|an|several)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?")
    for tail in (r"[\s-]+years", r"\b", ""):
        old = re.compile(rf"\b{flat}{tail}", re.IGNORECASE | re.VERBOSE)
        new = re.compile(rf"\b{temporal.NUMBER_WORDS}{tail}", re.IGNORECASE | re.VERBOSE)
        vocabulary = ["twenty", "one", "six", "sixty", "seventeen", "a", "an", "several", "years", "eight", "x"]
        for text in _random_texts(vocabulary, seed=7, count=2000):
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text
