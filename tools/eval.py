"""``make eval``: how well assess() sorts the labelled drafts, end to end.

For every labelled set in tests/data (or the files given as arguments), each draft
assessed by the full engine under its org_kind's starter pack: risky drafts auto-approved
(target 0), harmless drafts auto-approved (target >= 90 %), tier agreement, and per-check
precision/recall (a check "fires" when it yields a finding above LOW; the truth is each
draft's ``checks`` list). Then the pack examples, and the other evaluations
(tools/eval_tab.py, tools/eval_tone.py) if present.

Every set here has been tuned on by now, so these are development figures; the honest
ones are each set's figure measured once before tuning (tests/data/README.md,
"Measurement history").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policies.checks.base import AccountContext, Severity  # noqa: E402
from policies.engine import assess, default_policy  # noqa: E402
from policies.engine.schema import CHECK_NAMES  # noqa: E402
from policies.packs import PACK_KINDS, load_pack  # noqa: E402

DRAFTS = ROOT / "tests" / "data" / "drafts.jsonl"
# Each written apart from the detectors, measured before anyone tuned on it, then used
# as development data in the next round (tests/data/README.md, "Measurement history").
# Later sets were written in parts by several writers at once (holdout7a + holdout7b,
# train7a-c); the parts of one set are measured together, as one set.
DATA = ROOT / "tests" / "data"


def labelled_sets() -> list[list[Path]]:
    """Every labelled set in tests/data, oldest first, each as the list of its files."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(DATA.glob("*.jsonl")):
        groups[re.sub(r"(\d+)[a-z]$", r"\1", path.stem)].append(path)

    def order(name: str) -> tuple[int, int, str]:
        number = re.search(r"(\d+)$", name)
        return (name != "drafts", int(number.group(1)) if number else 1, name)

    return [groups[name] for name in sorted(groups, key=order)]


# A weekday noon outside every starter pack's date windows: drafts carry no time.
AT = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
TIERS = ("low", "medium", "high", "block")


def assess_labelled(text: str, kind: str, platform: str, at: datetime = AT):
    """A labelled draft assessed as every evaluation here assesses it: its org_kind's
    starter pack, an account on its platform, a fixed moment."""
    account = AccountContext(network=platform or "other", handle="@OurOrganisation")
    return assess(text, account=account, policy=default_policy(kind), at=at, org_kind=kind)


def _fired(result) -> set[str]:
    return {f.check for f in result.findings if f.severity > Severity.LOW}


def evaluate_drafts(paths: list[Path] | Path = DRAFTS) -> None:
    paths = [paths] if isinstance(paths, Path) else paths
    rows = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    risky_auto: list[str] = []
    harmless = harmless_auto = 0
    confusion: Counter[tuple[str, str]] = Counter()
    per_check: dict[str, Counter[str]] = defaultdict(Counter)
    skipped: set[str] = set()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        result = assess_labelled(row["text"], row["org_kind"], row.get("platform", ""))
        skipped.update(result.skipped)
        tier = result.tier.value
        confusion[(row["expected_tier"], tier)] += 1
        kind_counts = by_kind[row["org_kind"]]
        if row["risky"]:
            kind_counts["risky"] += 1
            if result.auto_approved:
                risky_auto.append(row["id"])
                kind_counts["risky_auto"] += 1
        else:
            harmless += 1
            kind_counts["harmless"] += 1
            if result.auto_approved:
                harmless_auto += 1
                kind_counts["harmless_auto"] += 1
        fired, truth = _fired(result), set(row.get("checks") or [])
        for check in CHECK_NAMES:
            if check in fired and check in truth:
                per_check[check]["tp"] += 1
            elif check in fired:
                per_check[check]["fp"] += 1
            elif check in truth:
                per_check[check]["fn"] += 1
    risky = len(rows) - harmless
    names = " + ".join(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path) for path in paths)
    print(f"drafts: {len(rows)} ({risky} risky, {harmless} harmless) from {names}")
    if skipped:
        print(f"  NOTE: checks not installed, so not run: {', '.join(sorted(skipped))}")
    print(f"risky drafts auto-approved:      {len(risky_auto)}   (target 0)")
    if risky_auto:
        print("  " + ", ".join(risky_auto[:30]) + (f", ... ({len(risky_auto) - 30} more)" if len(risky_auto) > 30 else ""))
    rate = harmless_auto / harmless if harmless else 0.0
    print(f"harmless drafts auto-approved:   {harmless_auto}/{harmless} = {rate:.1%}   (target >= 90%)")
    exact = sum(n for (want, got), n in confusion.items() if want == got)
    print(f"exact tier agreement:            {exact}/{len(rows)} = {exact / len(rows):.1%}")
    print("confusion (rows: labelled tier, columns: assessed tier)")
    print("          " + "".join(f"{t:>8}" for t in TIERS))
    for want in TIERS:
        print(f"  {want:<8}" + "".join(f"{confusion[(want, got)]:>8}" for got in TIERS))
    print("per kind: risky auto-approved / risky, harmless auto-approved / harmless")
    for kind in PACK_KINDS:
        c = by_kind.get(kind)
        if c:
            print(f"  {kind:<9} {c['risky_auto']:>3}/{c['risky']:<3}  {c['harmless_auto']:>3}/{c['harmless']:<3}")
    print("per check (fires = a finding above low; truth = the draft's checks list)")
    print(f"  {'check':<17}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for check in CHECK_NAMES:
        c = per_check[check]
        if not (c["tp"] or c["fp"] or c["fn"]):
            continue
        precision = f"{c['tp'] / (c['tp'] + c['fp']):.2f}" if c["tp"] + c["fp"] else "-"
        recall = f"{c['tp'] / (c['tp'] + c['fn']):.2f}" if c["tp"] + c["fn"] else "-"
        print(f"  {check:<17}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{precision:>11}{recall:>8}")
    print("  (only identifiers, customer_privacy and tone are labelled; other checks' firings count as fp)")


def evaluate_pack_examples() -> None:
    total = agree = risky_auto = 0
    disagreements: list[str] = []
    for kind in PACK_KINDS:
        for example in load_pack(kind)["examples"]:
            at = datetime.fromisoformat(example["at"]) if example.get("at") else AT
            result = assess_labelled(example["text"], kind, example.get("platform", "x"), at)
            total += 1
            if result.tier.value == example["tier"]:
                agree += 1
                continue
            if example["tier"] != "low" and result.auto_approved:
                risky_auto += 1
            fired = ",".join(sorted({f.check for f in result.findings if f.severity > Severity.INFO})) or "nothing"
            disagreements.append(f"  {example.get('id', '?'):<18} labelled {example['tier']:<6} got {result.tier.value:<6} ({fired})")
    print(f"\npack examples: {agree}/{total} get their labelled tier; risky examples auto-approved: {risky_auto}")
    for line in disagreements:
        print(line)


def run_other(script: str) -> None:
    path = ROOT / "tools" / script
    if not path.exists():
        print(f"\n{script}: not present on this branch")
        return
    print(f"\n{script}:")
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    # headline figures where the script marks them, else its last lines
    headline = [line for line in lines if any(word in line.lower() for word in ("overall", "macro", "headline", "target"))]
    for line in headline or lines[-12:]:
        print(f"  {line.strip()}")
    if done.returncode:
        print(f"  (exited {done.returncode}: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''})")


def main() -> None:
    sets = [[Path(p)] for p in sys.argv[1:]] or labelled_sets()
    for paths in sets:
        evaluate_drafts(paths)
        print()
    evaluate_pack_examples()
    run_other("eval_tab.py")
    run_other("eval_tone.py")


if __name__ == "__main__":
    main()
