"""The learned safety net behind the rules: how much a draft reads like a risky one.

The rules in ``identifiers``, ``customer_privacy`` and ``tone`` explain themselves but
only know the phrasings someone wrote down. This module scores a draft with two logistic
regressions trained by ``tools/train_risk.py`` on every labelled draft in the repository:

- ``identification``: does this read like a post about one particular person or their
  dealings with us (labelled risky for identifiers or customer_privacy)?
- ``tone``: does this read like a sharp, sarcastic or hostile post (labelled for tone)?

Both read the same features: sublinear TF-IDF over word 1-2-grams and over character
2-5-grams inside word boundaries, each block L2-normalised on its own. The analyzers
below are the ONLY definition of those features: the training script hands them to
scikit-learn as callables, so training and run time cannot drift apart. Scoring is a few
hundred dict lookups in pure Python (no scikit-learn or numpy at run time).

The weights ship in ``policies/checks/data/risk/model.json.gz``; it is loaded once, lazily.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from policies.checks.base import Finding, Severity
from policies.recognisers.known_grams import KnownGrams, KnownWordGrams, counted_sums

MODEL_PATH = Path(__file__).resolve().parent.parent / "checks" / "data" / "risk" / "model.json.gz"

# The nets read at most this much: a post is under 1,000 characters, and a pasted 100 KB
# essay must not stall the live preview (the rules still read all of it).
MAX_CHARS = 4000

MODELS = ("identification", "tone")

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
CHAR_SIZES = (2, 3, 4, 5)
MIN_WORDS = 4


def normalise(text: str) -> str:
    """Fold what should not matter: compatibility forms, case, and which digits.

    Every digit becomes 0 so "aged 47" and "aged 52", "10am" and "11am" share features:
    the nets should learn that a post gives an age or a time, not which one.
    """
    return _DIGIT.sub("0", unicodedata.normalize("NFKC", text[:MAX_CHARS]).lower())


def word_grams(normalised: str) -> list[str]:
    """Word unigrams and bigrams of an already ``normalise``d text."""
    tokens = _WORD.findall(normalised)
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def char_grams(normalised: str) -> Iterator[str]:
    """Character 2-5-grams of each whitespace-separated word padded with one space each
    side (so " me " and "me" at a word's edge differ from "me" inside "meeting")."""
    for word in normalised.split():
        padded = f" {word} "
        length = len(padded)
        for size in CHAR_SIZES:
            if size > length:
                break
            for start in range(length - size + 1):
                yield padded[start : start + size]


def char_gram_counts(normalised: str) -> Counter[str]:
    """The multiset of ``char_grams``, counted fast, plus grams that span two words.

    The padded words are laid end to end (" w1  w2 "), so every window inside one padded
    word is one of ``char_grams``; a window across two words always contains two spaces
    in a row, which no gram of a single padded word does, so it is never in the
    vocabulary and drops out at lookup. Counting in one C-level pass per size is about
    three times faster than generating the grams word by word.
    """
    joined = " " + "  ".join(normalised.split()) + " "
    counts: Counter[str] = Counter()
    length = len(joined)
    for size in CHAR_SIZES:
        counts.update([joined[start : start + size] for start in range(length - size + 1)])
    return counts


@dataclass(frozen=True, slots=True)
class RiskModel:
    """Shared vocabulary of the two nets, ready for scoring: each gram maps to
    (idf squared, idf x identification weight, idf x tone weight), so a gram seen once
    (almost all of them) costs three additions. The file stores [idf, weight, weight].
    ``known_chars`` remembers, per word, which of its character grams ``char`` holds, and
    ``known_words`` which of its word grams ``word`` holds."""

    word: dict[str, tuple[float, float, float]]
    char: dict[str, tuple[float, float, float]]
    bias: tuple[float, float]
    thresholds: dict[str, float]
    known_chars: KnownGrams
    known_words: KnownWordGrams
    # A post of ``long_words`` words or more is read with ``long_thresholds`` where the
    # file gives one (lower: see ``net_fires``).
    long_words: int = 0
    long_thresholds: dict[str, float] = field(default_factory=dict)


def _prepared(table: dict[str, list[float]]) -> dict[str, tuple[float, float, float]]:
    return {gram: (idf * idf, idf * first, idf * second) for gram, (idf, first, second) in table.items()}


@functools.cache
def model(path: Path = MODEL_PATH) -> RiskModel:
    """Load the shipped weights once per process."""
    payload = json.loads(gzip.decompress(path.read_bytes()))
    if tuple(payload["models"]) != MODELS:
        raise ValueError(f"{path} holds models {payload['models']}, expected {MODELS}")
    char, word = _prepared(payload["char"]), _prepared(payload["word"])
    return RiskModel(
        word=word,
        char=char,
        bias=tuple(payload["bias"]),
        thresholds=dict(payload["thresholds"]),
        known_chars=KnownGrams(char, CHAR_SIZES),
        known_words=KnownWordGrams(word),
        long_words=int(payload.get("long_words", 0)),
        long_thresholds=dict(payload.get("long_thresholds", {})),
    )


def _block(counts: Counter[str], weights: dict[str, tuple[float, float, float]], scores: list[float]) -> None:
    """Add the block's L2-normalised sublinear TF-IDF vector dotted with each net's
    weights to ``scores`` (``counted_sums`` says how grams are weighed)."""
    _add_block(*counted_sums(counts, weights), scores)


def _add_block(squares: float, first: float, second: float, scores: list[float]) -> None:
    """Add a block to ``scores`` from its sums (``counted_sums`` or ``KnownGrams.sums``)."""
    if squares:
        norm = math.sqrt(squares)
        scores[0] += first / norm
        scores[1] += second / norm


def _sigmoid(score: float) -> float:
    score = max(-50.0, min(50.0, score))  # a pathological input cannot overflow exp
    return 1.0 / (1.0 + math.exp(-score))


@functools.lru_cache(maxsize=256)
def probabilities(text: str) -> dict[str, float]:
    """Probability (0-1) per model in ``MODELS`` that ``text`` is risky in that way.

    Cached per text: the identifiers and tone checks both ask for the same draft.
    """
    weights = model()
    normalised = normalise(text)
    scores = list(weights.bias)
    _add_block(*weights.known_words.sums(KnownWordGrams.units(_WORD.findall(normalised))), scores)
    _add_block(*weights.known_chars.sums(normalised.split()), scores)
    return {name: _sigmoid(score) for name, score in zip(MODELS, scores, strict=True)}


# Added to a finding the identification net clears (identifiers, customer_privacy).
CLEARED_NOTE = (
    "The learned check reads this draft as about nobody in particular, so it is noted, "
    "not held: take the details out if it is about someone."
)


# The probability under which the identification net clears a rule's finding, unless a
# check's ``risk_model_clear_threshold`` says otherwise (chosen in round 18 on nets
# trained with each source left out: tests/data/README.md).
CLEAR_THRESHOLD = 0.10


def net_clears(text: str, name: str, settings: dict) -> bool:
    """Whether the ``name`` net is confident ``text`` is not risky in its way: its
    probability under ``risk_model_clear_threshold`` (``CLEAR_THRESHOLD``; 0: never).
    Off with the net (``risk_model`` false) and on drafts too short to read."""
    below = float(settings.get("risk_model_clear_threshold", CLEAR_THRESHOLD))
    if not text or below <= 0 or settings.get("risk_model", True) is False or word_count(text) < MIN_WORDS:
        return False
    return probabilities(text)[name] < below


def as_cleared(finding: Finding) -> Finding:
    """``finding`` shown, not held: at LOW, with ``CLEARED_NOTE``."""
    return replace(finding, severity=Severity.LOW, message=f"{finding.message} {CLEARED_NOTE}")


@functools.lru_cache(maxsize=256)
def word_count(text: str) -> int:
    """How many words the nets see in ``text`` (at most ``MAX_CHARS`` of it). Remembered
    per text: both nets ask it of the whole draft and of each sentence, and a live check
    sees the same sentences again at every pause."""
    return len(_WORD.findall(text[:MAX_CHARS]))


def whole_text_span(text: str) -> tuple[int, int]:
    """Start and end of ``text`` without its surrounding whitespace."""
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))


# A sentence: up to and including its end marks, or a line.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# A sentence the net reads on its own needs this many words (twice MIN_WORDS: a short
# sentence puts all the weight on a few n-grams).
SENTENCE_MIN_WORDS = 8
# ... and a higher probability than a whole post: with fewer n-grams the net is surer of
# itself ("Lovely to see so many of you at the fun run." scores 0.936). Chosen on the
# development sets (tools/eval.py): at 0.96 it holds four more of train12's risky drafts,
# which the net never saw, and no harmless draft more; at 0.93 it held four warm ones.
SENTENCE_THRESHOLD = 0.96


def firing_sentence(text: str, name: str, settings: dict) -> tuple[int, int] | None:
    """Start and end of the first sentence of a post of several on which the ``name``
    net fires, or None.

    The net reads a whole post, so one jibe at the end of a cheerful notice ("We fixed 23
    lamps and 11 bikes! Some of you really should read the letters we send before
    complaining.") is diluted below the threshold by the sentences around it. Reading
    each sentence of eight words or more as well finds it. Off with the net, or with
    ``risk_model_by_sentence`` false; ``risk_model_sentence_threshold`` sets the bar.
    """
    if not text or settings.get("risk_model", True) is False or settings.get("risk_model_by_sentence", True) is False:
        return None
    spans = []
    for match in _SENTENCE.finditer(text[:MAX_CHARS]):
        piece = match.group()
        start = match.start() + len(piece) - len(piece.lstrip())
        end = match.start() + len(piece.rstrip())
        if start < end:
            spans.append((start, end))
    if len(spans) < 2:
        return None  # one sentence: the whole-post reading already covered it
    threshold = float(settings.get("risk_model_sentence_threshold", SENTENCE_THRESHOLD))
    for start, end in spans:
        sentence = text[start:end]
        if word_count(sentence) >= SENTENCE_MIN_WORDS and probabilities(sentence)[name] >= threshold:
            return start, end
    return None


def net_fires(text: str, name: str, settings: dict) -> bool:
    """Whether the ``name`` net holds ``text`` under ``settings``: on unless
    ``risk_model`` is false; fires at ``risk_model_threshold`` (or the shipped
    threshold chosen by cross-validation). Each check has its own settings, so the
    identifiers and tone checks set their nets apart.

    A post of ``risk_model_long_words`` words or more (shipped: 25) is read at
    ``risk_model_long_threshold`` where there is one (shipped for tone: 0.65), or the
    ordinary threshold if that is lower. A short post gives the net few n-grams, and
    its probability swings on one or two of them: warm short posts ("Thank you, you
    absolute legend!") score up to 0.93, which is why the ordinary tone threshold is
    that high. A long post gives the net more to read, and there the lower threshold
    holds the sarcasm the high one let through (tools/train_risk.py, LONG).
    """
    if not text or settings.get("risk_model", True) is False:
        return False
    # Too few words to read: with a handful of known n-grams, the L2 normalisation puts
    # all the weight on one or two of them and the probability means nothing ("aaaa").
    words = word_count(text)
    if words < MIN_WORDS:
        return False
    weights = model()
    threshold = float(settings.get("risk_model_threshold", weights.thresholds[name]))
    long_words = int(settings.get("risk_model_long_words", weights.long_words))
    long_threshold = settings.get("risk_model_long_threshold", weights.long_thresholds.get(name))
    if long_words and words >= long_words and long_threshold is not None:
        threshold = min(threshold, float(long_threshold))
    return probabilities(text)[name] >= threshold
