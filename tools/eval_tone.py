"""Measure the tone check: TweetEval macro-F1, behaviour on realistic drafts, timings.

Usage: .venv/bin/python tools/eval_tone.py [--drafts PATH] [--show]

- TweetEval offensive val ($SHARED_DIR/data/tweeteval/offensive/val_*): macro-F1 and
  per-class precision/recall/F1 of the shipped classifier at its shipped threshold
  (chosen by cross-validation on train; val is reported, never tuned on).
- Drafts (default tests/data/drafts.jsonl, or $DRAFTS): how many tone-risky drafts
  ("tone" in checks) the check raises above LOW, and how many harmless drafts (risky
  false) it wrongly raises above LOW.
- Timings: model load, check p50/p99 per 280-character draft, 100 KB input.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policies.checks import tone  # noqa: E402
from policies.checks.base import CheckContext, Severity  # noqa: E402
from policies.checks.tone_signals import classifier  # noqa: E402


def shared_dir() -> Path:
    folder = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
    if not folder.is_dir():
        sys.exit(f"{folder} not found: set SHARED_DIR to the shared data folder")
    return folder


def per_class(labels: list[int], predicted: list[int]) -> dict[int, tuple[float, float, float]]:
    scores = {}
    for cls in (0, 1):
        tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y == cls and p == cls)
        fp = sum(1 for y, p in zip(labels, predicted, strict=True) if y != cls and p == cls)
        fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y == cls and p != cls)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[cls] = (precision, recall, f1)
    return scores


def tweeteval() -> None:
    folder = shared_dir() / "data/tweeteval/offensive"
    labels = [int(x) for x in (folder / "val_labels.txt").read_text().split()]
    texts = (folder / "val_text.txt").read_text(encoding="utf-8").split("\n")[: len(labels)]
    threshold = classifier.model().threshold
    predicted = [int(classifier.offensive_probability(t) >= threshold) for t in texts]
    scores = per_class(labels, predicted)
    macro = sum(f1 for _, _, f1 in scores.values()) / 2
    print(f"TweetEval offensive val ({len(texts)} tweets), threshold {threshold:.2f} (from train CV)")
    print(f"  macro-F1 {macro:.4f}")
    for cls, name in ((0, "not-offensive"), (1, "offensive")):
        p, r, f = scores[cls]
        print(f"  {name:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def drafts(path: Path, show: bool) -> None:
    if not path.exists():
        print(f"drafts: {path} not found, skipped")
        return
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    risky = [r for r in rows if "tone" in r.get("checks", [])]
    harmless = [r for r in rows if not r["risky"]]
    other_risky = [r for r in rows if r["risky"] and "tone" not in r.get("checks", [])]

    def top(row) -> tuple[Severity, list]:
        findings = tone.run(CheckContext(text=row["text"], original=row["text"], org_kind=row.get("org_kind", "")))
        return max((f.severity for f in findings), default=Severity.INFO), findings

    caught = [(r, *top(r)) for r in risky]
    raised = [(r, *top(r)) for r in harmless]
    others = [(r, *top(r)) for r in other_risky]
    hits = [c for c in caught if c[1] > Severity.LOW]
    false = [c for c in raised if c[1] > Severity.LOW]
    print(f"drafts ({path}):")
    print(f"  tone-risky raised above LOW: {len(hits)}/{len(risky)}")
    print(f"  harmless raised above LOW:   {len(false)}/{len(harmless)}")
    print(f"  risky for other reasons, raised by tone: {sum(1 for c in others if c[1] > Severity.LOW)}/{len(others)}")
    if show:
        for label, group in (
            ("MISSED", [c for c in caught if c[1] <= Severity.LOW]),
            ("FALSE ALARM", false),
            ("OTHER-RISKY RAISED", [c for c in others if c[1] > Severity.LOW]),
        ):
            for row, severity, findings in group:
                print(f"  {label} {row['id']} [{severity.label}] {row['text'][:140]!r}")
                for f in findings:
                    print(f"      {f.code} {f.severity.label} {row['text'][f.start : f.end][:60]!r}")


def timings() -> None:
    classifier.model.cache_clear()
    started = time.perf_counter()
    classifier.model()
    from policies.checks.tone_signals import phrases, profanity

    profanity.lexicon()
    phrases._compiled()
    load = time.perf_counter() - started
    samples = [
        "Sorry to hear that, @jo. Please DM us your address and we'll get the missed bin collected "
        "tomorrow morning. Thanks for your patience, and for letting us know. Crews are out across "
        "Stroud and Stonehouse from 7am; if anything else is missed, just reply here. #recycling",
        "If @council really listened to residents they'd come on out here and answer the question. "
        "Still waiting for a reply — too scared? Absolutely sh1t service, you useless lot. Thanks for "
        "nothing 🙄 Bye @jo, enjoy your unfollow. We know who you are and we've got you on camera.",
    ]
    for text in samples:
        text = (text * 2)[:280]
        ctx = CheckContext(text=text, original=text)
        for _ in range(50):
            tone.run(ctx)
        runs, cpu = [], []
        for _ in range(2000):
            t0, c0 = time.perf_counter(), time.process_time()
            tone.run(ctx)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        runs.sort()
        print(
            f"  280-char draft ({'kind' if text is samples[0] or 'Sorry' in text else 'hostile'}): "
            f"p50 {statistics.median(runs) * 1000:.3f} ms, p99 {runs[int(len(runs) * 0.99)] * 1000:.3f} ms wall; "
            f"CPU mean {statistics.fmean(cpu) * 1000:.3f} ms (wall p99 suffers on a busy machine)"
        )
    big = ("Thanks for your message 😊 שלום \u200b f u c k @jo " * 2500)[:100_000]
    t0 = time.perf_counter()
    tone.run(CheckContext(text=big, original=big))
    print(f"  100 KB input: {time.perf_counter() - t0:.3f} s")
    print(f"  load (weights + word lists + patterns): {load:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=Path, default=Path(os.environ.get("DRAFTS", REPO / "tests/data/drafts.jsonl")))
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    print("timings:")
    timings()
    tweeteval()
    drafts(args.drafts, args.show)


if __name__ == "__main__":
    main()
