"""How the identifiers and customer_privacy checks alone treat the labelled drafts.

Prints the risky drafts that would be auto-approved (no finding above LOW) and the
share of harmless drafts auto-approved. "Risky" here means risky for a reason these
two checks own (``checks`` names identifiers or customer_privacy); drafts risky only
for tone are counted separately, for information.

The starter packs' labelled examples (policies/packs/*.yaml) are counted the same way
as a second, smaller set (their risks are mostly for other checks, so only harmless
examples flagged by these two checks and risky ones they own are of interest).

Usage: python tools/eval_identifiers_drafts.py [path/to/drafts.jsonl] [-v]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policies.checks import customer_privacy, identifiers  # noqa: E402
from policies.checks.base import CheckContext, Severity  # noqa: E402

CANDIDATES = [
    REPO / "tests" / "data" / "drafts.jsonl",
    REPO.parent / "data" / "tests" / "data" / "drafts.jsonl",
]


def assess(text: str, org_kind: str) -> list:
    ctx = CheckContext(text=text, original=text, org_kind=org_kind)
    return identifiers.run(ctx) + customer_privacy.run(ctx)


def _packs() -> None:
    import yaml  # noqa: PLC0415

    harmless, flagged = 0, []
    for pack in sorted((REPO / "policies" / "packs").glob("*.yaml")):
        document = yaml.safe_load(pack.read_text(encoding="utf-8"))
        for example in document.get("examples", []):
            if example["tier"] != "low":
                continue
            harmless += 1
            findings = assess(example["text"], document.get("kind", ""))
            if max((f.severity for f in findings), default=Severity.INFO) > Severity.LOW:
                flagged.append(example["id"])
    if harmless:
        print(f"pack examples labelled low, auto-approved: {harmless - len(flagged)}/{harmless} {flagged}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if not a.startswith("-")]
    path = paths[0] if paths else next(p for p in CANDIDATES if p.exists())
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    risky_auto, harmless_auto, harmless, risky_ours, tone_only_auto = [], 0, 0, 0, 0
    harmless_flagged = []
    times = []
    for row in rows:
        started = time.perf_counter()
        findings = assess(row["text"], row["org_kind"])
        times.append(time.perf_counter() - started)
        top = max((f.severity for f in findings), default=Severity.INFO)
        auto = top <= Severity.LOW
        ours = bool({"identifiers", "customer_privacy"} & set(row.get("checks", [])))
        if row["risky"] and ours:
            risky_ours += 1
            if auto:
                risky_auto.append((row, findings))
        elif row["risky"]:
            tone_only_auto += auto
        else:
            harmless += 1
            harmless_auto += auto
            if not auto:
                harmless_flagged.append((row, findings, top))
    times.sort()
    _packs()
    print(f"drafts: {len(rows)} from {path}")
    print(f"risky (identifiers/customer_privacy) auto-approved: {len(risky_auto)} of {risky_ours}")
    print(f"harmless auto-approved: {harmless_auto}/{harmless} = {harmless_auto / max(1, harmless):.1%}")
    print(f"(risky for tone only, auto-approved by these two checks: {tone_only_auto})")
    print(f"p50 {times[len(times) // 2] * 1000:.2f} ms, p99 {times[int(len(times) * 0.99)] * 1000:.2f} ms")
    for row, findings in risky_auto:
        print("\nMISSED", row["id"], row["expected_tier"], row["text"])
        if verbose:
            for f in findings:
                print("   ", f.severity.label, f.code, repr(row["text"][f.start:f.end]))
    for row, findings, top in harmless_flagged:
        print("\nFLAGGED", row["id"], top.label, row["text"])
        for f in findings:
            if f.severity > Severity.LOW or verbose:
                print("   ", f.severity.label, f.code, repr(row["text"][f.start:f.end]), f.message[:90])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
