"""Re-assess a stored post under another policy version, reusing what cannot have changed.

A dry run assesses tens of thousands of past posts under a draft. Nearly all of assess()'s
time goes to three content checks (identifiers, customer privacy, tone), and their findings
depend only on the text, the organisation's kind, the account and that check's own settings,
never on the rules an admin edits. The checks are pure, so when a check's settings are the
same in the draft as in the version that assessed the stored revision, its stored findings
are exactly what it would find again: they are reused and only the rule checks run. The
tier is then decided afresh under the draft (tier table, escalations, windows).

Stored spans are offsets into the text as typed, while checks report offsets into the
normalised text; the two agree whenever normalisation changed nothing (plain text, the
common case). When it did change something, the post is simply assessed in full.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from policies.checks.base import AccountContext, CheckContext, Finding, Severity
from policies.engine import Assessment, CompiledPolicy, assess
from policies.engine.assess import _run_check
from policies.engine.normalise import normalise
from policies.engine.schema import CHECK_NAMES
from policies.engine.tiering import decide_tier

CONTENT_CHECKS = ("identifiers", "customer_privacy", "tone")


def reusable_checks(stored_document: dict[str, Any] | None, policy: CompiledPolicy) -> frozenset[str]:
    """The content checks whose settings are identical in ``stored_document`` and ``policy``."""
    if stored_document is None:
        return frozenset()
    stored_checks = stored_document.get("checks") or {}
    if not isinstance(stored_checks, dict):
        return frozenset()
    same = set()
    for name in CONTENT_CHECKS:
        before = stored_checks.get(name) or {}
        if before == policy.settings_for(name) and policy.enabled(name) == bool(before.get("enabled", True)):
            same.add(name)
    return frozenset(same)


def stored_findings(rows: Iterable[dict[str, Any]], checks: frozenset[str]) -> list[Finding]:
    """Findings of ``checks`` rebuilt from a revision's stored JSON."""
    return [
        Finding(row["check"], row.get("code", ""), int(row.get("start", 0)), int(row.get("end", 0)),
                Severity.parse(row.get("severity", "info")), row.get("message", ""), kind=row.get("kind", ""),
                rule=row.get("rule", ""))
        for row in rows
        if row.get("check") in checks
    ]


def assess_reusing(
    text: str,
    *,
    account: AccountContext | None,
    at: datetime | None,
    policy: CompiledPolicy,
    org_kind: str,
    author_id: int | None,
    reused: frozenset[str],
    known: list[Finding],
) -> Assessment:
    """``assess()`` with the checks in ``reused`` replaced by their ``known`` findings."""
    normalised = normalise(text)
    if not reused or normalised.starts is not None:
        return assess(text, account=account, at=at, policy=policy, author_id=author_id, org_kind=org_kind)
    findings = list(known)
    kind = org_kind or policy.kind
    for name in CHECK_NAMES:
        if name in reused or not policy.enabled(name):
            continue
        ctx = CheckContext(text=normalised.text, original=text, account=account, author_id=author_id, at=at,
                           org_kind=kind, settings=policy.settings_for(name), policy=policy)
        findings.extend(_run_check(name, ctx) or [])
    tier, escalations = decide_tier(findings, policy)
    findings.sort(key=lambda f: (f.start, -f.severity, f.check))
    return Assessment(tier=tier, findings=tuple(findings), policy_version=policy.version,
                      policy_hash=policy.content_hash, escalations=escalations)
