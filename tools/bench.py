"""``make bench``: how fast assess() is, and what it costs to start.

- assess() on 280-character drafts (the labelled drafts cut or padded to 280) under
  policies of 10, 200 and 500 rules on one core: p50 and p99 in milliseconds, the median
  over repeated runs, and the 500/10 ratio (target <= 2; p50 <= 5 ms, p99 <= 20 ms).
- start-up: a fresh interpreter importing the engine, loading every starter pack and
  running a first assessment (word lists and models load there), and its peak resident
  memory (targets < 1 s, < 200 MB); the median over repeated runs.

The synthetic policies mix rule kinds the way real ones do: mostly phrase lists, some
patterns, domains, handles, windows. Timings are printed, never asserted in tests.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUNS = 5
CALLS_PER_RUN = 1000
SIZES = (10, 200, 500)
AT = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)


def synthetic_policy(size: int, base: dict) -> dict:
    """A starter pack with its rules replaced by ``size`` rules of a realistic mix."""
    words = ["arrears", "overdrawn", "payment", "tribunal", "custody", "diagnosis", "sentence", "benefit",
             "eviction", "referral", "discharge", "complaint", "refund", "warrant", "statement", "review"]
    rules: list[dict] = []
    for n in range(size):
        slot = n % 20
        word = words[n % len(words)]
        rule_id = f"rule-{n}"
        if slot < 14:  # 70 %: phrase lists, a few terms each
            terms = [f"{word} {n}", f"{word}-{n} notice", f"the {word} of case {n}", f"zq{n}x"]
            rules.append({"id": rule_id, "kind": "banned_phrase", "terms": terms, "severity": "high"})
        elif slot < 16:  # 10 %: required phrases
            rules.append({"id": rule_id, "kind": "required_phrase", "when": [f"sponsor {n}"], "require": ["#ad"]})
        elif slot < 18:  # 10 %: admin patterns
            rules.append({"id": rule_id, "kind": "pattern", "pattern": rf"\b{word}\s+ref\s*{n:03d}\d{{4}}\b", "flags": "i"})
        elif slot == 18:  # 5 %: domains
            rules.append({"id": rule_id, "kind": "domain", "block": [f"blocked{n}.example.com"]})
        else:  # 5 %: handles and windows, alternately
            if n % 40 == 19:
                rules.append({"id": rule_id, "kind": "handle", "block": [f"@rival{n}"]})
            else:
                rules.append({"id": rule_id, "kind": "window", "start": "2030-01-01", "end": "2030-01-31", "topics": [f"launch {n}"]})
    document = {key: value for key, value in base.items() if key not in ("rules", "examples")}
    document["rules"] = rules
    return document


def drafts_280() -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "tests/data/drafts.jsonl").read_text().splitlines() if line.strip()]
    texts = []
    for row in rows:
        text = row["text"]
        while len(text) < 280:
            text = f"{text} {row['text']}"
        texts.append(text[:280])
    return texts


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bench_sizes() -> dict[int, tuple[float, float, float]]:
    from policies.checks.base import AccountContext
    from policies.engine import assess, compile_policy
    from policies.packs import load_pack

    base = load_pack("council")
    texts = drafts_280()
    account = AccountContext(network="x", handle="@OurOrganisation")
    results: dict[int, tuple[float, float, float]] = {}
    for size in SIZES:
        policy = compile_policy(synthetic_policy(size, base))
        for text in texts[:50]:  # warm caches and lazy loads
            assess(text, account=account, policy=policy, at=AT)
        p50s, p99s, cpu_p50s = [], [], []
        for _run in range(RUNS):
            timings, cpu_timings = [], []
            for call in range(CALLS_PER_RUN):
                text = texts[call % len(texts)]
                started, cpu_started = time.perf_counter_ns(), time.thread_time_ns()
                assess(text, account=account, policy=policy, at=AT)
                timings.append((time.perf_counter_ns() - started) / 1e6)
                cpu_timings.append((time.thread_time_ns() - cpu_started) / 1e6)
            p50s.append(percentile(timings, 0.50))
            p99s.append(percentile(timings, 0.99))
            cpu_p50s.append(percentile(cpu_timings, 0.50))
        results[size] = (statistics.median(p50s), statistics.median(p99s), statistics.median(cpu_p50s))
    return results


STARTUP_CODE = """
import resource, time
started, cpu_started = time.perf_counter(), time.process_time()
from policies.checks.base import AccountContext
from policies.engine import assess, default_policy
from policies.packs import PACK_KINDS
for kind in PACK_KINDS:
    default_policy(kind)
assess("Mrs Patel came in at 3pm about her arrears, bit.ly/x @someone", account=AccountContext(network="x", handle="@us"))
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(elapsed, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_startup() -> tuple[float, float, float]:
    """Median wall time, CPU time and peak memory of a fresh process's start-up. On a
    shared machine the wall time includes waiting for a core; the CPU time does not."""
    times, cpus, peaks = [], [], []
    for _run in range(RUNS):
        done = subprocess.run([sys.executable, "-c", STARTUP_CODE], capture_output=True, text=True, cwd=ROOT, check=True)
        elapsed, cpu, peak_kb = done.stdout.split()
        times.append(float(elapsed))
        cpus.append(float(cpu))
        peaks.append(int(peak_kb) / 1024)
    return statistics.median(times), statistics.median(cpus), statistics.median(peaks)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(f"assess() on 280-character drafts, one core, median of {RUNS} runs x {CALLS_PER_RUN} calls")
    print(f"  (load average now {os.getloadavg()[0]:.1f}: wall time includes waiting for the CPU; CPU time does not)")
    results = bench_sizes()
    for size, (p50, p99, cpu_p50) in results.items():
        print(f"  {size:>4} rules: p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   (CPU p50 {cpu_p50:5.2f} ms)")
    ratio = results[500][0] / results[10][0]
    print(f"  500/10 rules p50 ratio: {ratio:.2f}   (target <= 2)")
    print("  targets at 200 rules: p50 <= 5 ms, p99 <= 20 ms")
    startup, startup_cpu, peak = bench_startup()
    print(f"start-up (import, all eight packs, first assess): {startup:.2f} s   (CPU {startup_cpu:.2f} s; target < 1 s)")
    print(f"peak resident memory of that process:             {peak:.0f} MB   (target < 200 MB)")
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this benchmark process:   {own_peak:.0f} MB")


if __name__ == "__main__":
    main()
