"""Scoring with character grams remembered per word (policies/recognisers/known_grams.py)
gives the scores of slicing and counting every gram, for both nets."""

from __future__ import annotations

import pytest

from policies.checks.tone_signals import classifier, features
from policies.recognisers import risk_model
from policies.recognisers.known_grams import KnownGrams

TEXTS = [
    "",
    "   ",
    "aaaa",
    "a  b\tc\n\nd",
    "Ünïcödé 🎉 words, 12:30pm!",
    # words and grams that repeat, which sublinear TF-IDF weighs 1 + log(count)
    "the the the cat sat on the mat with the other cat, the end",
    "Huge thanks to the lovely lady who popped into our Cirencester branch on Tuesday after "
    "losing her husband last month. We hope the new account helps.",
    "Wow, another five-star review from someone who clearly never read the letter we sent. Genius. Genius!!",
    "Join us Saturday 10am at Stroud library for our family history drop-in - all welcome. " * 8,
]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@pytest.mark.parametrize("text", TEXTS)
def test_safety_net_scores_equal_slicing_every_gram(text: str) -> None:
    weights = risk_model.model()
    normalised = risk_model.normalise(text)
    every, remembered = [0.0, 0.0], [0.0, 0.0]
    risk_model._block(risk_model.char_gram_counts(normalised), weights.char, every)
    risk_model._add_block(*weights.known_chars.sums(normalised.split()), remembered)
    assert all(_close(a, b) for a, b in zip(every, remembered, strict=True))


@pytest.mark.parametrize("text", TEXTS)
def test_tone_classifier_scores_equal_slicing_every_gram(text: str) -> None:
    weights = classifier.model()
    normalised = features.normalise(text)
    every = classifier._block_scores(features.char_gram_counts(normalised), weights.char)
    remembered = classifier._scores_of(*weights.known_chars.sums(features.words(normalised)))
    assert all(_close(a, b) for a, b in zip(every, remembered, strict=True))


def test_repeated_grams_weigh_one_plus_log_of_their_count() -> None:
    import math

    weights = {" a": (1.0, 2.0, 3.0), "ab": (1.0, 1.0, 1.0), "b ": (4.0, 0.0, -1.0)}
    tf = 1.0 + math.log(2)
    # "ab" twice: each of its three grams twice.
    expected = (tf * tf * 6.0, tf * 3.0, tf * 3.0)
    tf_weighted = KnownGrams(weights, (2,)).sums(["ab", "ab", "x"])
    assert all(abs(a - b) < 1e-12 for a, b in zip(tf_weighted, expected, strict=True))
    assert KnownGrams(weights, (2,)).sums(["ab", "ab", "x"]) == tf_weighted  # remembered, same answer
    presence = KnownGrams(weights, (2,), last_counts_once=True).sums(["ab", "ab"])
    assert abs(presence[2] - 3.0) < 1e-12  # the last weight counts each gram once


def test_memory_starts_afresh_past_its_limit() -> None:
    grams = KnownGrams({" a": (1.0, 1.0, 1.0)}, (2,), limit=3)
    for word in ("a1", "a2", "a3", "a4"):
        grams.sums([word])
    assert len(grams._by_word) <= 3
    assert grams.sums(["a9"]) == (1.0, 1.0, 1.0)
