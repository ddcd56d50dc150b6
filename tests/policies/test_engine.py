from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from policies.checks.base import Finding, Severity
from policies.engine import assess, compile_policy, registry
from policies.engine.tiering import decide_tier
from policies.packs import load_pack

from .policy_documents import ACCOUNT, NOON, document, policy

COMBINE = {
    "combine": [
        {"id": "person-and-status", "checks": ["identifiers", "customer_privacy"], "min_severity": "medium", "within_chars": 40, "raise_to": "block"}
    ],
    "quasi_identifiers": [{"id": "many", "checks": ["identifiers"], "distinct_kinds": 3, "min_severity": "low", "raise_to": "high"}],
}


def finding(check, start, end, severity, kind=""):
    return Finding(check, "x", start, end, Severity.parse(severity), "m", kind=kind)


def test_tier_is_the_highest_severity():
    compiled = policy()
    assert decide_tier([finding("lexicon", 0, 1, "low"), finding("links", 3, 4, "medium")], compiled)[0].value == "medium"
    assert decide_tier([], compiled)[0].value == "low"
    assert decide_tier([finding("lexicon", 0, 1, "info")], compiled)[0].value == "low"


def test_identifier_and_privacy_findings_close_together_escalate():
    compiled = policy(escalation=COMBINE)
    near = [finding("identifiers", 0, 10, "medium"), finding("customer_privacy", 20, 30, "medium")]
    tier, escalations = decide_tier(near, compiled)
    assert tier.value == "block" and escalations[0].rule == "person-and-status"
    far = [finding("identifiers", 0, 10, "medium"), finding("customer_privacy", 200, 210, "medium")]
    assert decide_tier(far, compiled)[0].value == "medium"
    weak = [finding("identifiers", 0, 10, "low"), finding("customer_privacy", 20, 30, "medium")]
    assert decide_tier(weak, compiled)[0].value == "medium"


def test_several_kinds_of_quasi_identifier_escalate():
    compiled = policy(escalation=COMBINE)
    two = [finding("identifiers", 0, 3, "low", "time"), finding("identifiers", 5, 8, "low", "age")]
    assert decide_tier(two, compiled)[0].value == "low"
    three = [*two, finding("identifiers", 9, 12, "low", "place")]
    assert decide_tier(three, compiled)[0].value == "high"


def test_missing_checks_are_skipped_not_fatal(monkeypatch):
    monkeypatch.setitem(registry._registered, "tone", None)
    result = assess("Hello", account=ACCOUNT, policy=policy(), at=NOON)
    assert "tone" in result.skipped


def test_registered_check_runs_and_its_spans_land_on_the_original(monkeypatch):
    def fake_identifiers(ctx):
        start = ctx.text.index("Patel")
        return [Finding("identifiers", "name", start, start + 5, Severity.HIGH, "A name.", kind="name")]

    monkeypatch.setitem(registry._registered, "identifiers", fake_identifiers)
    text = "\u200bMrs \u200bP\u0430tel said hi"
    result = assess(text, account=ACCOUNT, policy=policy(), at=NOON)
    [found] = [f for f in result.findings if f.check == "identifiers"]
    assert text[found.start : found.end] == "P\u0430tel"
    assert result.tier.value == "high" and not result.auto_approved


def test_a_crashing_check_asks_for_a_person_instead_of_crashing(monkeypatch):
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(registry._registered, "tone", broken)
    result = assess("Hello", account=ACCOUNT, policy=policy(), at=NOON)
    assert [(f.check, f.code) for f in result.findings] == [("tone", "check_failed")]
    assert result.tier.value == "medium"


def test_disabled_check_does_not_run(monkeypatch):
    monkeypatch.setitem(registry._registered, "tone", lambda ctx: [Finding("tone", "x", 0, 1, Severity.BLOCK, "m")])
    assert assess("Hi", account=ACCOUNT, policy=policy(checks={"tone": {"enabled": False}}), at=NOON).tier.value == "low"


def test_assessment_records_the_policy_version_and_hash():
    doc = document({"id": "a", "kind": "banned_phrase", "terms": ["zzz"]})
    result = assess("zzz", account=ACCOUNT, policy=compile_policy(doc, version=7), at=NOON)
    data = result.as_dict()
    assert (data["policy_version"], data["tier"], data["auto_approved"]) == (7, "high", False)
    assert data["policy_hash"] == compile_policy(doc).content_hash
    assert data["findings"][0] == {"check": "lexicon", "code": "banned_phrase", "start": 0, "end": 3, "severity": "high", "message": data["findings"][0]["message"]}


def test_no_policy_means_the_starter_pack_of_the_kind():
    assert assess("x", account=ACCOUNT, at=NOON).policy_hash == compile_policy(load_pack("council")).content_hash
    assert assess("x", account=ACCOUNT, at=NOON, org_kind="bank").policy_hash == compile_policy(load_pack("bank")).content_hash


@pytest.mark.parametrize(
    "text",
    [
        "🎉🎉🎉 " * 200,
        "مرحبا بكم في المكتبة يوم السبت الساعة 10",
        "\u202eevil text\u202c with \u200f marks",
        "\u200b" * 1000,
        "x" * 100_000,
        "Mrs Patel 3pm 14 Lansdown Road £4,200 @someone bit.ly/x " * 1800,  # ~100 KB of everything
        "\x00\x01\ud800 lone surrogate and nulls",
        "",
    ],
)
def test_odd_and_huge_text_never_crashes(text):
    for kind in ("council", "bank", "retail"):
        result = assess(text, account=replace(ACCOUNT, network="bluesky"), at=NOON, org_kind=kind)
        assert all(0 <= f.start <= f.end <= len(text) for f in result.findings)
        assert all(f.code != "check_failed" for f in result.findings), [f for f in result.findings if f.code == "check_failed"]


def test_importing_policies_stays_light():
    code = "import sys, policies; print(sorted(m for m in ('ahocorasick', 'regex', 'yaml', 'policies.engine') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2]).stdout.strip()
    assert out == "[]"


def test_combination_conditions_can_differ_per_check_and_filter_kinds():
    escalation = {
        "combine": [
            {
                "id": "named-person-with-disclosure",
                "when": {
                    "identifiers": {"min_severity": "low", "kinds": ["name", "phone"]},
                    "customer_privacy": {"min_severity": "high"},
                },
                "within_chars": 100,
                "raise_to": "block",
            }
        ]
    }
    compiled = policy(escalation=escalation)
    disclosure = finding("customer_privacy", 20, 40, "high")
    assert decide_tier([finding("identifiers", 0, 5, "low", "name"), disclosure], compiled)[0].value == "block"
    assert decide_tier([finding("identifiers", 0, 5, "low", "weekday"), disclosure], compiled)[0].value == "high"
    weak = finding("customer_privacy", 20, 40, "medium")
    assert decide_tier([finding("identifiers", 0, 5, "low", "name"), weak], compiled)[0].value == "medium"


def test_overlapping_findings_of_the_same_kind_are_reported_once():
    from policies.checks.base import Finding, Severity
    from policies.engine.assess import merge_overlapping

    same = dict(check="tone", code="challenge", severity=Severity.HIGH, message="This reads as a public challenge.")
    other = Finding("tone", "insult", 5, 9, Severity.HIGH, "An insult.")
    merged = merge_overlapping([Finding(start=0, end=10, **same), Finding(start=8, end=20, **same), other,
                                Finding(start=30, end=35, **same)])
    assert [(f.code, f.start, f.end) for f in merged] == [("challenge", 0, 20), ("insult", 5, 9), ("challenge", 30, 35)]
