from __future__ import annotations

import time

import pytest

from policies.checks.base import CheckContext
from policies.checks.pattern import pattern_problems, run
from policies.engine import assess

from .policy_documents import ACCOUNT, NOON, policy

REFERENCE = {"id": "ct-ref", "kind": "pattern", "pattern": r"\bref\s*\d{8}\b", "flags": "i", "severity": "block"}


def test_pattern_match_is_reported_with_its_span():
    text = "Mr Hall, REF 40012345, please call."
    result = assess(text, account=ACCOUNT, policy=policy(REFERENCE), at=NOON)
    [finding] = [f for f in result.findings if f.check == "pattern"]
    assert text[finding.start : finding.end] == "REF 40012345"
    assert result.tier.value == "block"


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*$", r"([a-z]+){2,}x", r"(?:x*)*y"])
def test_nested_unbounded_repeats_are_rejected(pattern):
    assert any("repeat" in problem for problem in pattern_problems(pattern))


@pytest.mark.parametrize("pattern", [r"\b\d{3}\s?\d{3}\s?\d{4}\b", r"(ab)+c", r"order\s*#?\d{6,}", r"[(]+x"])
def test_ordinary_patterns_are_accepted(pattern):
    assert pattern_problems(pattern) == []


def test_backreferences_and_empty_matches_are_rejected():
    assert pattern_problems(r"(a)\1")
    assert pattern_problems(r"x*")


def test_a_slow_pattern_times_out_into_a_finding_for_a_person():
    # Overlapping alternatives pass the shape check but backtrack exponentially; the
    # run-time timeout must stop it and ask for human eyes instead of hanging.
    slow = policy({"id": "slow", "kind": "pattern", "pattern": r"(?:a|aa)+b", "severity": "low"})
    text = "a" * 60 + "!"
    ctx = CheckContext(text=text, original=text, settings={"timeout_ms": 20}, policy=slow)
    started = time.perf_counter()
    [finding] = run(ctx)
    assert time.perf_counter() - started < 1
    assert finding.code == "pattern_timeout"
    assert finding.severity.label == "medium"


def test_a_timeout_asks_for_a_person_but_never_blocks():
    # The author could change nothing to get past a rule that ran out of time: a block
    # rule's timeout asks for the owner or a lead (HIGH), not a rewrite.
    slow = policy({"id": "slow", "kind": "pattern", "pattern": r"(?:a|aa)+b", "severity": "block"})
    text = "a" * 60 + "!"
    [finding] = run(CheckContext(text=text, original=text, settings={"timeout_ms": 10}, policy=slow))
    assert (finding.code, finding.severity.label) == ("pattern_timeout", "high")


class _SlowOnce:
    """A compiled pattern whose first run overruns its budget, as on a busy machine."""

    def __init__(self, compiled):
        self.compiled, self.budgets = compiled, []

    def finditer(self, text, timeout):
        self.budgets.append(timeout)
        if len(self.budgets) == 1:
            raise TimeoutError("regex timed out")
        return self.compiled.finditer(text, timeout=timeout)


def test_a_pattern_that_overran_once_is_given_a_longer_second_try():
    from dataclasses import replace

    from policies.checks.pattern import RETRY_FACTOR, PatternSet

    compiled = policy(REFERENCE)
    [rule] = compiled.patterns.rules
    flaky = _SlowOnce(rule.compiled)
    text = "Mr Hall, REF 40012345, please call."
    slow_once = type("Policy", (), {"patterns": PatternSet(rules=(replace(rule, compiled=flaky),), screen=None)})()
    [finding] = run(CheckContext(text=text, original=text, settings={"timeout_ms": 50}, policy=slow_once))
    assert (finding.code, text[finding.start : finding.end]) == ("pattern_match", "REF 40012345")
    assert flaky.budgets == [0.05, 0.05 * RETRY_FACTOR]
