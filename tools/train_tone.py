"""Train the tone classifier and write the weights the product ships.

Usage: .venv/bin/python tools/train_tone.py [--out policies/checks/data/tone/model.json.gz]

Reads TweetEval offensive (OLID) train from $SHARED_DIR/data/tweeteval/offensive
($SHARED_DIR defaults to ../shared beside the repo). Only the train split is used here:
the regularisation strength, the weight of the lexicon signals and the decision threshold
are all chosen by 5-fold cross-validation on train, so the validation split stays an
honest estimate (see tools/eval_tone.py) and the test split is never touched.

Model: TF-IDF (sublinear) word 1-2-grams and character 2-5-grams, computed by the very
functions the product uses (policies/checks/tone_signals/features.py), plus the
profanity matcher's verdicts, into a logistic regression. The weights are written as
plain JSON (gzipped) so the product scores a draft with dict lookups: no scikit-learn
or numpy at run time. Deterministic: fixed fold seed, deterministic solver.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policies.checks.tone_signals import features  # noqa: E402

DEFAULT_OUT = REPO / "policies/checks/data/tone/model.json.gz"
SEED = 20261121
C_GRID = (0.5, 1.0, 2.0)
LEXICON_SCALE_GRID = (1.0, 2.0)
WORD_MAX_FEATURES = 20_000
CHAR_MAX_FEATURES = 60_000
THRESHOLDS = np.round(np.arange(0.20, 0.701, 0.01), 2)


def shared_dir() -> Path:
    folder = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
    if not folder.is_dir():
        sys.exit(f"{folder} not found: set SHARED_DIR to the shared data folder")
    return folder


def load_split(split: str) -> tuple[list[str], np.ndarray]:
    """One TweetEval offensive split: texts and 0/1 labels (1 = offensive)."""
    folder = shared_dir() / "data/tweeteval/offensive"
    labels = [int(x) for x in (folder / f"{split}_labels.txt").read_text().split()]
    texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").split("\n")[: len(labels)]
    return texts, np.array(labels)


class Featuriser:
    """The three feature blocks, fitted on one set of texts."""

    def __init__(self, lexicon_scale: float) -> None:
        self.lexicon_scale = lexicon_scale
        self.word = TfidfVectorizer(
            analyzer=features.word_ngrams, sublinear_tf=True, min_df=2, max_features=WORD_MAX_FEATURES, dtype=np.float64
        )
        self.char = TfidfVectorizer(
            analyzer=features.char_ngrams, sublinear_tf=True, min_df=2, max_features=CHAR_MAX_FEATURES, dtype=np.float64
        )
        self.lexicon = DictVectorizer()

    def fit_transform(self, normalised: list[str], lexical: list[dict[str, float]]) -> csr_matrix:
        return hstack(
            [
                self.word.fit_transform(normalised),
                self.char.fit_transform(normalised),
                self.lexicon.fit_transform(lexical) * self.lexicon_scale,
            ]
        ).tocsr()

    def transform(self, normalised: list[str], lexical: list[dict[str, float]]) -> csr_matrix:
        return hstack(
            [
                self.word.transform(normalised),
                self.char.transform(normalised),
                self.lexicon.transform(lexical) * self.lexicon_scale,
            ]
        ).tocsr()


def best_threshold(labels: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    scored = [(f1_score(labels, probabilities >= t, average="macro"), float(t)) for t in THRESHOLDS]
    f1, threshold = max(scored)
    return threshold, f1


def cross_validate(normalised, lexical, labels) -> tuple[float, float, float, float]:
    """Pick C, the lexicon weight and the threshold by 5-fold CV on train."""
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED).split(normalised, labels))
    best = None
    for scale in LEXICON_SCALE_GRID:
        fold_features = []
        for train_idx, test_idx in folds:
            featuriser = Featuriser(scale)
            x_train = featuriser.fit_transform([normalised[i] for i in train_idx], [lexical[i] for i in train_idx])
            x_test = featuriser.transform([normalised[i] for i in test_idx], [lexical[i] for i in test_idx])
            fold_features.append((x_train, x_test))
        for c in C_GRID:
            out_of_fold = np.zeros(len(labels))
            for (train_idx, test_idx), (x_train, x_test) in zip(folds, fold_features, strict=True):
                model = LogisticRegression(C=c, max_iter=3000).fit(x_train, labels[train_idx])
                out_of_fold[test_idx] = model.predict_proba(x_test)[:, 1]
            threshold, f1 = best_threshold(labels, out_of_fold)
            print(f"  cv C={c:<4} lexicon_scale={scale:<4} macro-F1={f1:.4f} at threshold {threshold:.2f}", flush=True)
            if best is None or f1 > best[0]:
                best = (f1, c, scale, threshold)
    return best


def export(featuriser: Featuriser, model: LogisticRegression, threshold: float, out: Path, figures: dict) -> None:
    coef = model.coef_[0]
    n_word = len(featuriser.word.vocabulary_)
    n_char = len(featuriser.char.vocabulary_)

    def block(vectoriser: TfidfVectorizer, offset: int) -> dict[str, list[float]]:
        return {
            gram: [round(float(vectoriser.idf_[i]), 4), round(float(coef[offset + i]), 5)]
            for gram, i in sorted(vectoriser.vocabulary_.items())
        }

    lexicon_coef = {
        name: round(float(coef[n_word + n_char + i]), 5) for name, i in sorted(featuriser.lexicon.vocabulary_.items())
    }
    payload = {
        "format": 1,
        "about": "tone classifier: TF-IDF word 1-2 + char_wb 2-5 + lexicon signals, logistic "
        "regression, trained by tools/train_tone.py on TweetEval offensive train",
        "figures": figures,
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 5),
        "lexicon_scale": featuriser.lexicon_scale,
        "lexicon": lexicon_coef,
        "word": block(featuriser.word, 0),
        "char": block(featuriser.char, n_word),
    }
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    # mtime=0 keeps the gzip bytes identical between runs, so retraining shows no diff.
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {out.relative_to(REPO)}: {out.stat().st_size / 1e6:.2f} MB ({n_word} word + {n_char} char features)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    started = time.perf_counter()
    texts, labels = load_split("train")
    print(f"train: {len(texts)} tweets, {labels.mean():.1%} offensive")
    normalised = [features.normalise(t) for t in texts]
    lexical = [features.lexicon_features(t) for t in texts]

    cv_f1, c, scale, threshold = cross_validate(normalised, lexical, labels)
    print(f"chosen by CV: C={c} lexicon_scale={scale} threshold={threshold:.2f} (CV macro-F1 {cv_f1:.4f})")

    featuriser = Featuriser(scale)
    model = LogisticRegression(C=c, max_iter=3000).fit(featuriser.fit_transform(normalised, lexical), labels)
    figures = {"cv_macro_f1": round(cv_f1, 4), "C": c, "train_size": len(texts)}
    export(featuriser, model, threshold, args.out, figures)
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
