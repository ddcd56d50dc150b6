"""The trained tone classifier, scored in pure Python.

The weights (``data/tone/model.json.gz``, written by ``tools/train_tone.py``) are a
logistic regression over TF-IDF word and character n-grams plus the profanity matcher's
verdicts. Scoring a 280-character draft is a few hundred dict lookups, so the product
needs neither scikit-learn nor numpy.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from policies.checks.tone_signals import features
from policies.checks.tone_signals.profanity import Scan

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "tone" / "model.json.gz"


@dataclass(frozen=True, slots=True)
class ToneModel:
    bias: float
    threshold: float
    lexicon_scale: float
    lexicon: dict[str, float]
    word: dict[str, list[float]]
    char: dict[str, list[float]]


@functools.cache
def model(path: Path = MODEL_PATH) -> ToneModel:
    """Load the shipped weights once per process."""
    payload = json.loads(gzip.decompress(path.read_bytes()))
    return ToneModel(
        bias=payload["bias"],
        threshold=payload["threshold"],
        lexicon_scale=payload["lexicon_scale"],
        lexicon=payload["lexicon"],
        word=payload["word"],
        char=payload["char"],
    )


def _block_score(grams: Iterable[str], weights: dict[str, list[float]]) -> float:
    """Dot product of the L2-normalised sublinear TF-IDF vector with the weights.

    Grams outside the vocabulary have no weight and no place in the norm (exactly as in
    scikit-learn), so they are dropped before counting.
    """
    counts: dict[str, int] = {}
    for gram in grams:
        if gram in weights:
            counts[gram] = counts.get(gram, 0) + 1
    squares = dot = 0.0
    for gram, count in counts.items():
        idf, coef = weights[gram]
        value = (1.0 + math.log(count)) * idf
        squares += value * value
        dot += value * coef
    return dot / math.sqrt(squares) if squares else 0.0


def offensive_probability(text: str, scanned: Scan | None = None) -> float:
    """Probability (0-1) that ``text`` reads as offensive, as TweetEval annotators judged.

    Pass ``scanned`` (the profanity matcher's scan of ``text``) to avoid scanning twice.
    """
    weights = model()
    normalised = features.normalise(text)
    score = weights.bias
    score += _block_score(features.word_ngrams(normalised), weights.word)
    score += _block_score(features.iter_char_ngrams(normalised), weights.char)
    for name, value in features.lexicon_features(text, scanned).items():
        score += weights.lexicon.get(name, 0.0) * value * weights.lexicon_scale
    # Clamp before exp so a pathological 100 KB input cannot overflow.
    score = max(-50.0, min(50.0, score))
    return 1.0 / (1.0 + math.exp(-score))
