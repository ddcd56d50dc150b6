"""Train the learned safety net behind the rules and write the weights the product ships.

Usage: .venv/bin/python tools/train_risk.py [--out policies/checks/data/risk/model.json.gz]
                                            [--no-lofo] [--compare] [--sweep-tone-floor F,F,...]

Reads only labelled files in this repository (field ``risky`` and ``checks``), thirty-two
sources: tests/data/drafts.jsonl, tests/data/holdout.jsonl, tests/data/holdout2.jsonl,
tests/data/holdout3.jsonl, tests/data/holdout4.jsonl, tests/data/holdout5.jsonl,
tests/data/holdout6.jsonl, "train7" (tests/data/train7a.jsonl, train7b.jsonl and
train7c.jsonl, one source group, so leave-one-file-out leaves all three out together),
"holdout7" (tests/data/holdout7a.jsonl and holdout7b.jsonl, one group), "holdout8"
(tests/data/holdout8a.jsonl and holdout8b.jsonl, one group), "holdout9"
(tests/data/holdout9a.jsonl and holdout9b.jsonl, one group), "holdout10"
(tests/data/holdout10a.jsonl and holdout10b.jsonl, one group),
"holdout11", "holdout12" (two files each), "train13" (tests/data/train13a.jsonl and
train13b.jsonl, one group), "holdout13", "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19", "holdout20", "holdout21", "holdout22", "holdout23", "holdout24",
"holdout25", "holdout26" (two files each),
tests/data/train16.jsonl, "train22" (tests/data/train22.jsonl and train22b.jsonl, one group) and policies/packs/examples/*.jsonl. (holdout3, holdout4, holdout5, holdout6, the train7 sets,
holdout7, holdout8, holdout9, holdout10, holdout11, holdout12, train13, holdout13 and
holdout14 each joined once its before-tuning figures were recorded: tests/data/README.md,
"Measurement history"; holdout7 and holdout8 joined in round 8, holdout9 in round 9,
holdout10 in round 10, holdout11, holdout12 and train13 in round 13, holdout13 and
holdout14 in round 15, holdout15 in round 16 once holdout16 had been written, holdout16
in round 17 once holdout17 had been written, holdout17 in round 18 once holdout18 had been written,
holdout18 in round 19 once holdout19 had been written, holdout19 in round 20 once holdout20
had been written, holdout20 in round 21 once holdout21 had been written, holdout21 (with
train22) in round 22 once holdout22 had been written, holdout22 in round 23 once holdout23
had been written, holdout23 to holdout26 in round 24 once holdout27 had been written.
train12 is still not a source: see the README.)

Two nets over the same features (policies/recognisers/risk_model.py, whose analyzers are
handed to scikit-learn as callables so run time matches training exactly):
- identification: positive = risky rows labelled for identifiers or customer_privacy,
  negative = harmless rows; used by the identifiers check;
- tone: positive = rows labelled for tone, negative = harmless rows; used by the tone check.
``--compare`` also cross-validates a single risky-vs-harmless net for comparison.

Thresholds target the product's asymmetry. A net only matters for posts the rules
auto-approve; among those it should hold as many risky posts as possible while newly
holding at most MAX_HARMLESS_HELD of the harmless posts the rules auto-approve. They are
chosen on out-of-fold probabilities (5-fold, fixed seed). The honest estimate of the
combined system (rules + nets) is leave-one-file-out: train and choose thresholds on
the other sources (thresholds by an inner 5-fold CV), test on the one left out.

Measured and not kept: the static MiniLM sentence vector (an experiment not merged; see tools/train_tone.py;
128-d, L2-normalised) appended to both nets' features. Leave-one-file-out at the shipped
thresholds (0.51 / 0.93, where the inner CV lands anyway), risky / harmless auto-approved
of 1556 / 1508: without it 4 / 1404; scale 0.5: 7 / 1402; scale 1: 9 / 1395; scale 2:
15 / 1379. At scale 1 the nets hold 16 more risky rows in all but fewer of those the
rules let through, and 9 more rule-approved harmless ones; the tone net alone newly held
21 rule-approved risky rows against 19 without it. (Round 12.)

Deterministic: fixed fold seed, deterministic solver, sorted JSON, gzip mtime 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from policies.recognisers import risk_model  # noqa: E402

DEFAULT_OUT = REPO / "policies/checks/data/risk/model.json.gz"
SEED = 20261121
C = 4.0
MIN_DF = 2
MAX_HARMLESS_HELD = 0.05
GRID = np.round(np.arange(0.30, 0.951, 0.01), 2)
# The labelled sets hold almost no warm posts that look sharp ("Thank you, you absolute
# legend!", "Amazing how many of you turned out"), so on them the tone net looks nearly
# free at any threshold; on the hand-written look-alikes in tests/policies/test_tone.py
# it scores such posts up to 0.82 (and a police witness appeal 0.87; 0.90 once holdout4's
# crowd-hunt posts joined the tone positives). Its threshold is therefore kept at or above
# this floor, set by hand from those look-alikes (a choice, not a cross-validated figure).
# The identification net's cross-validated threshold sat at 0.50 after holdout4 joined,
# with a plain arrears notice giving the helpline number (test_identifiers.py) at 0.505;
# the leave-one-file-out thresholds range 0.48-0.55, so a floor of 0.51 is within that
# noise and keeps the look-alike auto-approved. With holdout5 joined the cross-validated
# threshold is again 0.51 (leave-one-file-out 0.51-0.56), so the floor does not bind; a
# plain witness appeal in the police pack scores 0.54 and is held (test_packs.py). With
# holdout6 joined it is 0.51 again (leave-one-file-out 0.51-0.55).
# Round 10 (holdout10 joined) measured the tone floor with --sweep-tone-floor: on files
# left out, 0.90 auto-approves one risky row fewer than 0.92 (4 vs 5 of 1556) at no cost
# in labelled harmless rows, and 0.80 none fewer still; but a net trained with a 0.90
# floor holds two warm look-alikes in test_tone.py and test_tone_round7.py ("Must be the
# sunshine.", "keep them coming 🌸"). With holdout10 joined, the shipped net scores the
# second 0.921 (0.918 before), so the floor moves up to 0.93; left-out figures are the same
# at 0.92 and 0.93 (5/1556 risky, 1404/1508 harmless auto-approved, measured before the
# "really do think" rule the raised floor called for; 4/1556 after it), 0.94 lets 7 through.
# Round 18 (holdout17 joined): the cross-validated identification threshold is 0.51 again,
# and there the net holds a hand-written look-alike, "Thank you to our porters, who kept
# going through the night shift in the snow" (0.512). On probabilities from nets trained
# with each source left out, 0.52 auto-approves the same risky rows as 0.51 (33 of 2300,
# with the combination clearing of identifiers.py) and 5 more harmless ones (2146 against
# 2141 of 2268); 0.53 lets 4 more risky rows through. So the floor is 0.52.
# Round 19 (holdout18 joined): the net scores the porters' thank-you 0.538, so one peer
# looks at it (a strict xfail in test_tone_faux_praise.py). Left out by source, 0.52 lets
# 27 of 2380 risky rows through for 2217 of 2348 harmless; 0.54 would free the porters
# for 30 and 2223, 0.55 for 33 and 2226. The floor stays at 0.52.
# Round 21 (holdout20 joined): the shipped tone net scores a round-7 look-alike ("We love
# getting your photos of the gardens, keep them coming 🌸") 0.9325. On probabilities from
# nets trained with each source left out, a short-post tone floor of 0.93, 0.94 or 0.95
# auto-approves the same 29 of 2540 risky and 2351 of 2508 harmless rows (0.96: 30 risky),
# so the floor moves to 0.94. Raising the identification threshold for short posts (the
# net holds some short notices) was measured too and does not pay: under 25 words, the
# rows it scores 0.52-0.70 are 77 risky and 12 harmless.
FLOORS = {"tone": 0.94, "identification": 0.52}
# Round 15 (holdout13 and holdout14 joined): unseen sets keep letting sarcasm through as
# medium tone (holdout13: 8 of 9 misses; holdout14: 5 of 5), and --sweep-tone-floor shows
# the floor is what lets it through: on files left out, risky / harmless auto-approved of
# 2036 / 1988 were 59 / 1837 at 0.93, 49 / 1831 at 0.80 and 44 / 1830 at 0.75. But at
# 0.75 the net holds short warm texts: "Thank you, you absolute legend!" (0.82) and a
# reviewer's kind private note (0.83, "could we check we have consent?"). The misses it
# would catch are 24-60 words; the warm look-alikes are under 20. So the lower threshold
# applies only to posts of LONG_WORDS words or more: on the same left-out probabilities,
# 25 words and 0.75 let through 39 risky and approve 1847 harmless (flat 0.93: 54 / 1852;
# 15 or 20 words: 38 / 1845; 30 words: 40 / 1847). Chosen by hand, like the floor.
LONG_WORDS = 25
# Round 18 (holdout17 joined, with the combination clearing): on probabilities from nets
# trained with each source left out, the long threshold at 0.75 / 0.65 / 0.55 auto-approves
# 33 / 27 / 22 of 2300 risky rows and 2146 / 2141 / 2130 of 2268 harmless ones. Unseen
# sets keep letting long tone rows through (holdout16-17), so it moves to 0.65: six risky
# rows for five harmless; 0.55 costs eleven more harmless for five more risky.
LONG_THRESHOLDS = {"tone": 0.65}
SOURCES = {
    "drafts": [REPO / "tests/data/drafts.jsonl"],
    "holdout": [REPO / "tests/data/holdout.jsonl"],
    "holdout2": [REPO / "tests/data/holdout2.jsonl"],
    "holdout3": [REPO / "tests/data/holdout3.jsonl"],
    "holdout4": [REPO / "tests/data/holdout4.jsonl"],
    "holdout5": [REPO / "tests/data/holdout5.jsonl"],
    "holdout6": [REPO / "tests/data/holdout6.jsonl"],
    # Three sets by three writers, released together for round 7: one source, so the
    # leave-one-file-out estimate leaves all three out at once.
    "train7": [REPO / "tests/data/train7a.jsonl", REPO / "tests/data/train7b.jsonl",
               REPO / "tests/data/train7c.jsonl"],
    # Two writers each, measured before round 8 and released for it: one source per set.
    "holdout7": [REPO / "tests/data/holdout7a.jsonl", REPO / "tests/data/holdout7b.jsonl"],
    "holdout8": [REPO / "tests/data/holdout8a.jsonl", REPO / "tests/data/holdout8b.jsonl"],
    "holdout9": [REPO / "tests/data/holdout9a.jsonl", REPO / "tests/data/holdout9b.jsonl"],
    "holdout10": [REPO / "tests/data/holdout10a.jsonl", REPO / "tests/data/holdout10b.jsonl"],
    "holdout11": [REPO / "tests/data/holdout11a.jsonl", REPO / "tests/data/holdout11b.jsonl"],
    "holdout12": [REPO / "tests/data/holdout12a.jsonl", REPO / "tests/data/holdout12b.jsonl"],
    # Two writers asked for the tone family every unseen set still finds (sarcasm, civil
    # challenges, disguised profanity) with look-alike harmless twins, and for varied
    # openings (train12 taught the net its writers' stock openings).
    "train13": [REPO / "tests/data/train13a.jsonl", REPO / "tests/data/train13b.jsonl"],
    # Measured once each at the end of round 13 (tests/data/README.md), then released.
    "holdout13": [REPO / "tests/data/holdout13a.jsonl", REPO / "tests/data/holdout13b.jsonl"],
    "holdout14": [REPO / "tests/data/holdout14a.jsonl", REPO / "tests/data/holdout14b.jsonl"],
    # Measured once at the end of round 15, released in round 16 after holdout16 was written.
    "holdout15": [REPO / "tests/data/holdout15a.jsonl", REPO / "tests/data/holdout15b.jsonl"],
    # Measured once at the end of round 16, released in round 17 after holdout17 was written.
    "holdout16": [REPO / "tests/data/holdout16a.jsonl", REPO / "tests/data/holdout16b.jsonl"],
    # Measured once at the end of round 17, released in round 18 after holdout18 was written.
    "holdout17": [REPO / "tests/data/holdout17a.jsonl", REPO / "tests/data/holdout17b.jsonl"],
    # Measured once at the end of round 18, released in round 19 after holdout19 was written.
    "holdout18": [REPO / "tests/data/holdout18a.jsonl", REPO / "tests/data/holdout18b.jsonl"],
    # Measured once at the end of round 19, released in round 20 after holdout20 was written.
    "holdout19": [REPO / "tests/data/holdout19a.jsonl", REPO / "tests/data/holdout19b.jsonl"],
    # Measured once at the end of round 20, released in round 21 after holdout21 was written.
    "holdout20": [REPO / "tests/data/holdout20a.jsonl", REPO / "tests/data/holdout20b.jsonl"],
    # Measured at the start and end of round 21, released in round 22 after holdout22 was written.
    "holdout21": [REPO / "tests/data/holdout21a.jsonl", REPO / "tests/data/holdout21b.jsonl"],
    # Measured at the start and end of round 22, released in round 23 after holdout23 was written.
    "holdout22": [REPO / "tests/data/holdout22a.jsonl", REPO / "tests/data/holdout22b.jsonl"],
    # Round 23 wrote holdout23 to holdout26; holdout25 was released in round 23 itself, the
    # others measured at its start and end. All four released in round 24 after holdout27
    # was written.
    "holdout23": [REPO / "tests/data/holdout23a.jsonl", REPO / "tests/data/holdout23b.jsonl"],
    "holdout24": [REPO / "tests/data/holdout24a.jsonl", REPO / "tests/data/holdout24b.jsonl"],
    "holdout25": [REPO / "tests/data/holdout25a.jsonl", REPO / "tests/data/holdout25b.jsonl"],
    "holdout26": [REPO / "tests/data/holdout26a.jsonl", REPO / "tests/data/holdout26b.jsonl"],
    # Round 16: notices that end with a share call ("Please share so your neighbours
    # know"), with risky twins (manhunts, shaming): the nets had learnt that a share
    # call alone means a post about a particular person (tests/data/TRAIN16.md).
    "train16": [REPO / "tests/data/train16.jsonl"],
    # Round 22: short everyday notices (25 words or fewer) with short risky twins in the
    # same words: nearly every short labelled row was risky, so the identification net
    # held bin-day changes and "pop in and we'll book you in" (tests/data/TRAIN22.md);
    # and routine incident notices (a witness appeal with an incident number) with risky
    # twins, which the net began to hold once holdout21 joined (TRAIN22B.md).
    "train22": [REPO / "tests/data/train22.jsonl", REPO / "tests/data/train22b.jsonl"],
    # Not a source: train24 (tests/data/TRAIN24A.md, TRAIN24B.md), 112 posts that mention
    # people without being about a client and 80 risky twins changed in one detail. Trained
    # with it (round 23) the identification net held more look-alike notices, not fewer: the
    # porters' thank-you, police-pack-02's witness appeal and a peacock notice in the tests
    # went over 0.52, and out of fold the other sources gained 8 harmless rows and lost 1
    # risky, within fold noise. Its risky twins taught the rules instead (test_round23.py).
    "pack_examples": sorted((REPO / "policies/packs/examples").glob("*.jsonl")),
}
AT = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
ID_CHECKS = {"identifiers", "customer_privacy"}


def load_rows() -> list[dict]:
    rows = []
    for source, paths in SOURCES.items():
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                row = json.loads(line)
                row["source"] = source
                row.setdefault("org_kind", path.stem)
                rows.append(row)
    return rows


def rules_auto_approved(rows: list[dict], *, cleared: bool = False) -> np.ndarray:
    """Whether the rules alone (nets switched off) auto-approve each row; with
    ``cleared``, as if the identification net cleared every draft (the rows it could
    release are those this approves and the rules alone do not)."""
    from policies.checks.base import AccountContext
    from policies.engine import assess, default_policy

    original, original_clears = risk_model.net_fires, risk_model.net_clears
    risk_model.net_fires = lambda *args, **kwargs: False  # the rules alone
    risk_model.net_clears = lambda *args, **kwargs: cleared
    try:
        out = []
        for row in rows:
            at = datetime.fromisoformat(row["at"]) if row.get("at") else AT
            account = AccountContext(network=row.get("platform") or "x", handle="@OurOrganisation")
            result = assess(row["text"], account=account, policy=default_policy(row["org_kind"]), at=at,
                            org_kind=row["org_kind"])
            out.append(result.auto_approved)
    finally:
        risk_model.net_fires, risk_model.net_clears = original, original_clears
    return np.array(out, dtype=bool)


def analyse_word(text: str) -> list[str]:
    return risk_model.word_grams(risk_model.normalise(text))


def analyse_char(text: str) -> list[str]:
    return list(risk_model.char_grams(risk_model.normalise(text)))


class Features:
    """The two TF-IDF blocks, fitted on the training texts only."""

    def __init__(self, texts: list[str]) -> None:
        self.word = TfidfVectorizer(analyzer=analyse_word, min_df=MIN_DF, sublinear_tf=True, dtype=np.float64)
        self.char = TfidfVectorizer(analyzer=analyse_char, min_df=MIN_DF, sublinear_tf=True, dtype=np.float64)
        self.word.fit(texts)
        self.char.fit(texts)

    def transform(self, texts: list[str]):
        from scipy.sparse import hstack

        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()


def targets(rows: list[dict], mode: str) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Labels and which rows each net trains on, per net."""
    risky = np.array([bool(r["risky"]) for r in rows])
    checks = [set(r.get("checks") or ()) for r in rows]
    if mode == "one":
        return {"risk": risky.astype(int)}, {"risk": np.ones(len(rows), dtype=bool)}
    ident = np.array([bool(c & ID_CHECKS) for c in checks]) & risky
    tone = np.array(["tone" in c for c in checks]) & risky
    return ({"identification": ident.astype(int), "tone": tone.astype(int)},
            {"identification": ident | ~risky, "tone": tone | ~risky})


def fit_predict(rows: list[dict], train: np.ndarray, test: np.ndarray, mode: str):
    """Fit the nets on ``train`` rows, return test-row probabilities per net (and the fit)."""
    texts = [r["text"] for r in rows]
    feats = Features([texts[i] for i in np.flatnonzero(train)])
    matrix = feats.transform(texts)
    labels, eligible = targets(rows, mode)
    probs, fitted = {}, {}
    for name in labels:
        use = train & eligible[name]
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")
        clf.fit(matrix[np.flatnonzero(use)], labels[name][use])
        probs[name] = clf.predict_proba(matrix[np.flatnonzero(test)])[:, 1]
        fitted[name] = clf
    return probs, (feats, fitted)


def out_of_fold(rows: list[dict], subset: np.ndarray, mode: str) -> dict[str, np.ndarray]:
    """5-fold out-of-fold probabilities for the rows in ``subset`` (others left NaN)."""
    idx = np.flatnonzero(subset)
    y = np.array([int(rows[i]["risky"]) for i in idx])
    result = {}
    for fold_train, fold_test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(idx, y):
        train = np.zeros(len(rows), dtype=bool)
        test = np.zeros(len(rows), dtype=bool)
        train[idx[fold_train]] = True
        test[idx[fold_test]] = True
        probs, _ = fit_predict(rows, train, test, mode)
        for name, p in probs.items():
            result.setdefault(name, np.full(len(rows), np.nan))[test] = p
    return result


# Which rows have LONG_WORDS words or more (set by main once the rows are loaded).
LONG_ROWS: np.ndarray | None = None
# Which rows the rules hold only by a combination the identification net may clear
# (policies/checks/identifiers.py, _net_clears; set by main), and the shipped
# probability under which it does. The combined figures count a cleared row as
# auto-approved unless a net holds it.
CLEARABLE: np.ndarray | None = None
CLEAR_BELOW = risk_model.CLEAR_THRESHOLD


def cleared_by(probs: dict[str, np.ndarray], mask: np.ndarray) -> np.ndarray:
    """Rows in ``mask`` whose combination the identification net clears."""
    if CLEARABLE is None or "identification" not in probs:
        return np.zeros(len(mask), dtype=bool)
    return CLEARABLE & mask & (np.nan_to_num(probs["identification"], nan=1.0) < CLEAR_BELOW)


def held(probs: dict[str, np.ndarray], thresholds: dict[str, float]) -> np.ndarray:
    """Rows a net holds: at its threshold, or for a long row at the lower of that and its
    long threshold, as risk_model.net_fires reads them."""
    out = np.zeros(len(next(iter(probs.values()))), dtype=bool)
    for name, p in probs.items():
        out |= p >= thresholds[name]
        if name in LONG_THRESHOLDS and LONG_ROWS is not None and len(LONG_ROWS) == len(p):
            out |= LONG_ROWS & (p >= min(thresholds[name], LONG_THRESHOLDS[name]))
    return out


def choose(probs: dict[str, np.ndarray], risky: np.ndarray, auto: np.ndarray, mask: np.ndarray
           ) -> dict[str, float]:
    """Thresholds that hold the most risky rows while newly holding at most
    MAX_HARMLESS_HELD of the harmless rows the rules auto-approve (ties: fewer harmless
    held, then higher thresholds). Grid search over one threshold per net."""
    names = list(probs)
    harmless_auto = mask & auto & ~risky
    # The rules were tuned until they auto-approve (almost) no labelled risky row, so
    # "risky rows the rules let through" is empty here; what an unseen post the rules
    # miss looks like is any risky row, so the net is judged on all of them.
    risky_all = mask & risky
    budget = MAX_HARMLESS_HELD * harmless_auto.sum()
    best, best_key = None, None
    axes = [GRID[GRID >= FLOORS.get(name, 0.0)] for name in names]
    for combo in np.array(np.meshgrid(*axes, indexing="ij")).reshape(len(names), -1).T:
        thresholds = dict(zip(names, combo, strict=True))
        h = held(probs, thresholds)
        caught, false = int((h & risky_all).sum()), int((h & harmless_auto).sum())
        if false > budget:
            continue
        key = (caught, -false, tuple(combo))
        if best_key is None or key > best_key:
            best, best_key = thresholds, key
    return {k: float(v) for k, v in best.items()}


def print_curve(probs, risky, auto, chosen: dict[str, float]) -> None:
    """The trade-off as the first net's threshold moves, the others at their choice."""
    harmless_auto = auto & ~risky
    vary = next(iter(probs))
    others = {k: v for k, v in chosen.items() if k != vary}
    print(f"  trade-off as the {vary} threshold moves{' (' + str(others) + ')' if others else ''}: "
          f"of all {risky.sum()} risky rows and the {harmless_auto.sum()} harmless rows the rules auto-approve")
    for th in GRID[::5]:
        h = held(probs, {**chosen, vary: th})
        false = int((h & harmless_auto).sum())
        print(f"    th {th:.2f}: risky held {int((h & risky).sum()):>3}   harmless newly held {false:>3} "
              f"({false / max(1, harmless_auto.sum()):.1%})")


def report(label: str, rows, risky, auto, h, mask, cleared=None) -> str:
    r, hm = mask & risky, mask & ~risky
    cleared = np.zeros(len(mask), dtype=bool) if cleared is None else cleared
    combined = (auto | cleared) & ~h
    return (f"{label:<14} net alone holds {int((h & r).sum()):>3}/{int(r.sum()):<3} risky, newly holds "
            f"{int((h & auto & hm).sum()):>3}/{int((auto & hm).sum()):<3} rule-approved harmless | "
            f"risky auto-approved: rules {int((auto & r).sum()):>3} -> with net "
            f"{int((combined & r).sum()):>3} of {int(r.sum()):>3} ({int((cleared & ~h & r).sum())} cleared);  "
            f"harmless auto-approved: rules "
            f"{int((auto & hm).sum()):>3} -> with net {int((combined & hm).sum()):>3} of {int(hm.sum()):>3} "
            f"({int((cleared & ~h & hm).sum())} cleared)")


def cross_validate(rows, risky, auto, mode: str, lofo: bool) -> dict[str, float]:
    everything = np.ones(len(rows), dtype=bool)
    print(f"\n== {mode} net(s): 5-fold out-of-fold on all {len(rows)} rows")
    oof = out_of_fold(rows, everything, mode)
    thresholds = choose(oof, risky, auto, everything)
    print_curve(oof, risky, auto, thresholds)
    print(f"  chosen thresholds: {thresholds}")
    h = held(oof, thresholds)
    cleared = cleared_by(oof, everything)
    for source in SOURCES:
        mask = np.array([r["source"] == source for r in rows])
        print("  " + report(source, rows, risky, auto, h, mask, cleared & mask))
    print("  " + report("all", rows, risky, auto, h, everything, cleared))
    if lofo:
        print(f"  leave-one-file-out ({mode}; thresholds chosen by inner 5-fold CV on the others):")
        total_h = np.zeros(len(rows), dtype=bool)
        total_cleared = np.zeros(len(rows), dtype=bool)
        for source in SOURCES:
            test = np.array([r["source"] == source for r in rows])
            inner = out_of_fold(rows, ~test, mode)
            inner_th = choose({k: np.where(~test, v, 0.0) for k, v in inner.items()}, risky, auto, ~test)
            probs, _ = fit_predict(rows, ~test, test, mode)
            full = {k: np.zeros(len(rows)) for k in probs}
            for k in probs:
                full[k][test] = probs[k]
            h_test = held(full, inner_th) & test
            cleared_test = cleared_by(full, test)
            total_h |= h_test
            total_cleared |= cleared_test
            print("  " + report(source, rows, risky, auto, h_test, test, cleared_test) + f"   thresholds {inner_th}")
        print("  " + report("all (LOFO)", rows, risky, auto, total_h, everything, total_cleared))
    return thresholds


def sweep_tone_floor(rows, risky, auto, floors: list[float]) -> None:
    """Leave-one-file-out once, then the combined figures for each floor on the tone
    net's threshold: how many more risky rows a lower floor holds on files the nets never
    saw, and what it costs in harmless rows (the look-alikes in tests/policies/test_tone.py
    are the other cost, not counted here)."""
    folds = []
    for source in SOURCES:
        test = np.array([r["source"] == source for r in rows])
        inner = out_of_fold(rows, ~test, "two")
        probs, _ = fit_predict(rows, ~test, test, "two")
        full = {k: np.zeros(len(rows)) for k in probs}
        for k in probs:
            full[k][test] = probs[k]
        folds.append((source, test, {k: np.where(~test, v, 0.0) for k, v in inner.items()}, full))
    print(f"\n== leave-one-file-out as the tone net's floor moves (identification floor {FLOORS['identification']})")
    saved = FLOORS["tone"]
    try:
        for floor in floors:
            FLOORS["tone"] = floor
            total_h = np.zeros(len(rows), dtype=bool)
            tone_h = np.zeros(len(rows), dtype=bool)
            chosen = []
            for _source, test, inner, full in folds:
                th = choose(inner, risky, auto, ~test)
                chosen.append(th["tone"])
                total_h |= held(full, th) & test
                tone_h |= (full["tone"] >= th["tone"]) & test
            r, hm = risky, ~risky
            print(f"  floor {floor:.2f} (tone thresholds {min(chosen):.2f}-{max(chosen):.2f}): risky auto-approved "
                  f"{int((auto & ~total_h & r).sum())}/{int(r.sum())}, harmless auto-approved "
                  f"{int((auto & ~total_h & hm).sum())}/{int(hm.sum())}; the tone net alone newly holds "
                  f"{int((tone_h & auto & r).sum())} rule-approved risky and {int((tone_h & auto & hm).sum())} "
                  f"rule-approved harmless")
    finally:
        FLOORS["tone"] = saved


def export(rows, thresholds: dict[str, float], out: Path) -> None:
    everything = np.ones(len(rows), dtype=bool)
    _, (feats, fitted) = fit_predict(rows, everything, everything, "two")
    names = list(risk_model.MODELS)

    def block(vectorizer, offset: int) -> dict[str, list[float]]:
        table = {}
        for gram, column in vectorizer.vocabulary_.items():
            row = [float(vectorizer.idf_[column])]
            row += [float(fitted[n].coef_[0][offset + column]) for n in names]
            table[gram] = [float(f"{v:.10g}") for v in row]
        return dict(sorted(table.items()))

    n_word = len(feats.word.vocabulary_)
    payload = {
        "models": names,
        "bias": [float(f"{fitted[n].intercept_[0]:.10g}") for n in names],
        "thresholds": {n: thresholds[n] for n in names},
        "long_words": LONG_WORDS,
        "long_thresholds": dict(LONG_THRESHOLDS),
        "word": block(feats.word, 0),
        "char": block(feats.char, n_word),
        "trained_on": {s: [str(p.relative_to(REPO)) for p in paths] for s, paths in SOURCES.items()},
    }
    raw = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"\nwrote {out}: {out.stat().st_size / 1e6:.2f} MB, "
          f"{n_word} word and {len(feats.char.vocabulary_)} char features")

    # Parity: the pure-Python scorer against scikit-learn on every training row.
    risk_model.model.cache_clear()
    risk_model.probabilities.cache_clear()
    loaded = risk_model.model(out)
    texts = [r["text"] for r in rows]
    matrix = feats.transform(texts)
    worst = 0.0
    for name_index, name in enumerate(names):
        reference = fitted[name].predict_proba(matrix)[:, 1]
        for text, ref in zip(texts, reference, strict=True):
            scores = list(loaded.bias)
            normalised = risk_model.normalise(text)
            risk_model._block(Counter(risk_model.word_grams(normalised)), loaded.word, scores)
            risk_model._block(risk_model.char_gram_counts(normalised), loaded.char, scores)
            worst = max(worst, abs(risk_model._sigmoid(scores[name_index]) - ref))
    print(f"parity: largest |pure Python - scikit-learn| probability difference {worst:.2e}")
    if worst > 1e-6:
        sys.exit("parity check failed")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-lofo", action="store_true")
    parser.add_argument("--compare", action="store_true", help="also cross-validate a single net")
    parser.add_argument("--sweep-tone-floor", metavar="F,F,...",
                        help="only report leave-one-file-out figures for each floor on the tone net's "
                             "threshold (e.g. 0.80,0.85,0.88,0.90,0.92); writes nothing")
    args = parser.parse_args()
    rows = load_rows()
    global LONG_ROWS
    LONG_ROWS = np.array([len(risk_model._WORD.findall(r["text"][: risk_model.MAX_CHARS])) >= LONG_WORDS
                          for r in rows])
    risky = np.array([bool(r["risky"]) for r in rows])
    auto = rules_auto_approved(rows)
    global CLEARABLE
    CLEARABLE = rules_auto_approved(rows, cleared=True) & ~auto
    print(f"{len(rows)} labelled rows ({int(risky.sum())} risky); the rules auto-approve "
          f"{int((auto & risky).sum())} risky and {int((auto & ~risky).sum())} harmless")
    if args.sweep_tone_floor:
        sweep_tone_floor(rows, risky, auto, [float(f) for f in args.sweep_tone_floor.split(",")])
        return 0
    if args.compare:
        cross_validate(rows, risky, auto, "one", not args.no_lofo)
    thresholds = cross_validate(rows, risky, auto, "two", not args.no_lofo)
    export(rows, thresholds, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
