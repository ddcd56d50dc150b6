"""The trained tone classifier, scored in pure Python.

The weights (``data/tone/model.json.gz``, written by ``tools/train_tone.py``) are two
logistic regressions over the same word and character n-grams plus the profanity
matcher's verdicts: one reads the n-grams as TF-IDF, the other (NB-LR, Wang & Manning
2012) as presence weighted by how much likelier each n-gram is in offensive tweets.
Their probabilities are averaged: the two err on different tweets, and the average beats
either alone in cross-validation. Both are scored in one pass over the draft's n-grams,
a few hundred dict lookups, so the product needs neither scikit-learn nor numpy.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from policies.checks.tone_signals import features
from policies.checks.tone_signals.profanity import Scan
from policies.recognisers.known_grams import KnownGrams, KnownWordGrams, counted_sums

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "tone" / "model.json.gz"

# Per n-gram, ready for scoring: (idf squared, idf x weight in the TF-IDF model, weight in
# the NB model), so a gram seen once (almost all of them) costs three additions.
GramWeights = dict[str, tuple[float, float, float]]


@dataclass(frozen=True, slots=True)
class ToneModel:
    threshold: float
    lexicon_scale: float
    tfidf_bias: float
    tfidf_lexicon: dict[str, float]
    nb_bias: float
    nb_lexicon: dict[str, float]
    word: GramWeights
    char: GramWeights
    known_chars: KnownGrams  # per word, which of its character grams ``char`` holds
    known_words: KnownWordGrams  # per token and the one before, which word grams ``word`` holds


def _grams(block: dict[str, list]) -> GramWeights:
    # The file stores parallel lists of idf, TF-IDF weight and NB weight: they load several
    # times faster than a JSON object of 80,000 small lists.
    return {gram: (idf * idf, idf * tfidf, nb)
            for gram, idf, tfidf, nb in zip(block["grams"], block["idf"], block["tfidf"], block["nb"], strict=True)}


@functools.cache
def model(path: Path = MODEL_PATH) -> ToneModel:
    """Load the shipped weights once per process."""
    payload = json.loads(gzip.decompress(path.read_bytes()))
    char, word = _grams(payload["char"]), _grams(payload["word"])
    if features.WORD_NGRAMS != (1, 2):
        raise ValueError("known_words sums word unigrams and bigrams; features.WORD_NGRAMS changed")
    return ToneModel(
        threshold=payload["threshold"],
        lexicon_scale=payload["lexicon_scale"],
        tfidf_bias=payload["tfidf"]["bias"],
        tfidf_lexicon=payload["tfidf"]["lexicon"],
        nb_bias=payload["nb"]["bias"],
        nb_lexicon=payload["nb"]["lexicon"],
        word=word,
        char=char,
        known_chars=KnownGrams(char, range(features.CHAR_NGRAMS[0], features.CHAR_NGRAMS[1] + 1), last_counts_once=True),
        known_words=KnownWordGrams(word, last_counts_once=True),
    )


def _block_scores(counts: Mapping[str, int], weights: GramWeights) -> tuple[float, float]:
    """One block's contribution to each model, from the draft's n-gram counts.

    TF-IDF model: dot product of the L2-normalised sublinear TF-IDF vector with its
    weights; NB model: the sum of the weights of the grams present (each counts once).
    """
    return _scores_of(*counted_sums(counts, weights, last_counts_once=True))


def _scores_of(squares: float, dot: float, nb: float) -> tuple[float, float]:
    """Both models' block scores from the block's sums (``counted_sums`` or
    ``KnownGrams.sums``)."""
    return (dot / math.sqrt(squares) if squares else 0.0), nb


def _sigmoid(score: float) -> float:
    # Clamp before exp so a pathological 100 KB input cannot overflow.
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


def offensive_probability(text: str, scanned: Scan | None = None) -> float:
    """Probability (0-1) that ``text`` reads as offensive, as TweetEval annotators judged.

    Pass ``scanned`` (the profanity matcher's scan of ``text``) to avoid scanning twice.
    """
    return probability_with(model(), text, scanned)


def probability_with(weights: ToneModel, text: str, scanned: Scan | None = None) -> float:
    """``offensive_probability`` under given weights (the training script checks that the
    exported weights reproduce scikit-learn's probabilities)."""
    normalised = features.normalise(text)
    word_tfidf, word_nb = _scores_of(*weights.known_words.sums(KnownWordGrams.units(features.tokens(normalised))))
    char_tfidf, char_nb = _scores_of(*weights.known_chars.sums(features.words(normalised)))
    tfidf = weights.tfidf_bias + word_tfidf + char_tfidf
    nb = weights.nb_bias + word_nb + char_nb
    for name, value in features.lexicon_features(text, scanned).items():
        tfidf += weights.tfidf_lexicon.get(name, 0.0) * value * weights.lexicon_scale
        nb += weights.nb_lexicon.get(name, 0.0) * value * weights.lexicon_scale
    return (_sigmoid(tfidf) + _sigmoid(nb)) / 2.0
