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


def _typed(text: str) -> list[str]:
    """Every draft someone typing ``text`` sends: each prefix, letter by letter."""
    return [text[:end] for end in range(1, len(text) + 1)]


@pytest.mark.parametrize("net", ["safety", "tone"])
def test_resuming_a_typed_draft_gives_exactly_the_fresh_sums(net: str) -> None:
    """The state after all but the last word or two is resumed from an earlier draft;
    the additions are the same and in the same order, so the answer is identical (not
    merely close) to summing afresh."""
    if net == "safety":
        weights = risk_model.model().char
        resuming = KnownGrams(weights, risk_model.CHAR_SIZES)
        to_words = lambda text: risk_model.normalise(text).split()  # noqa: E731
    else:
        weights = classifier.model().char
        resuming = KnownGrams(weights, range(2, 6), last_counts_once=True)
        to_words = lambda text: features.words(features.normalise(text))  # noqa: E731
    draft = TEXTS[6] + " Thanks again, the the team at the branch. " + TEXTS[7]
    drafts = _typed(draft)
    # Edits that are not typing at the end: a word changed in the middle, a deletion.
    drafts += [draft.replace("husband", "wife"), draft[: len(draft) // 2], draft.replace("lovely ", "")]
    resumed_any = False
    for text in drafts:
        words = to_words(text)
        fresh = KnownGrams(weights, resuming._sizes, last_counts_once=resuming._last_counts_once).sums(words)
        resumed_any |= len(words) > 9 and tuple(words[:-1]) in resuming._prefixes
        assert resuming.sums(words) == fresh, text
    assert resumed_any


def test_only_so_many_typed_drafts_are_remembered() -> None:
    from policies.recognisers import known_grams

    grams = KnownGrams({" a": (1.0, 1.0, 1.0), "a ": (1.0, 1.0, 1.0)}, (2,))
    for n in range(known_grams._PREFIXES_KEPT * 2):
        words = [f"w{n}"] + ["a"] * 12
        assert grams.sums(words) == KnownGrams(grams._weights, (2,)).sums(words)
    assert len(grams._prefixes) == known_grams._PREFIXES_KEPT


def test_people_typing_at_once_on_threads_get_the_fresh_sums(monkeypatch) -> None:
    """runserver and threaded workers share one KnownGrams: evicting and resuming from
    several threads at once never fails and never mixes one draft's state into another."""
    import threading

    from policies.recognisers import known_grams

    monkeypatch.setattr(known_grams, "_PREFIXES_KEPT", 2)  # evict all the time
    weights = risk_model.model().char
    shared = KnownGrams(weights, risk_model.CHAR_SIZES)
    errors: list[BaseException] = []

    def type_out(text: str) -> None:
        try:
            for end in range(1, len(text) + 1):
                words = risk_model.normalise(text[:end]).split()
                fresh = KnownGrams(weights, risk_model.CHAR_SIZES).sums(words)
                assert shared.sums(words) == fresh
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=type_out, args=(f"{TEXTS[6]} {n} {TEXTS[7]}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.parametrize("text", TEXTS)
def test_word_grams_remembered_equal_counting_them(text: str) -> None:
    """Word unigrams and bigrams summed per token and its neighbour (KnownWordGrams)
    give the scores of counting the draft's word grams, for both nets."""
    from collections import Counter

    from policies.recognisers.known_grams import KnownWordGrams

    safety = risk_model.model()
    normalised = risk_model.normalise(text)
    counted, remembered = [0.0, 0.0], [0.0, 0.0]
    risk_model._block(Counter(risk_model.word_grams(normalised)), safety.word, counted)
    units = KnownWordGrams.units(risk_model._WORD.findall(normalised))
    risk_model._add_block(*KnownWordGrams(safety.word).sums(units), remembered)
    assert all(_close(a, b) for a, b in zip(counted, remembered, strict=True))

    tone = classifier.model()
    normalised = features.normalise(text)
    counted_tone = classifier._block_scores(Counter(features.word_ngrams(normalised)), tone.word)
    units = KnownWordGrams.units(features.tokens(normalised))
    remembered_tone = classifier._scores_of(*KnownWordGrams(tone.word, last_counts_once=True).sums(units))
    assert all(_close(a, b) for a, b in zip(counted_tone, remembered_tone, strict=True))


def test_a_typed_draft_resumes_its_word_grams_exactly() -> None:
    from policies.recognisers.known_grams import KnownWordGrams

    weights = risk_model.model().word
    resuming = KnownWordGrams(weights)
    resumed_any = False
    for text in _typed(TEXTS[6] + " the the team " + TEXTS[7]):
        units = KnownWordGrams.units(risk_model._WORD.findall(risk_model.normalise(text)))
        resumed_any |= len(units) > 9 and tuple(units[:-1]) in resuming._prefixes
        assert resuming.sums(units) == KnownWordGrams(weights).sums(units), text
    assert resumed_any
