"""assess(): every check of the policy run over one draft, and the tier that follows."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from policies.checks.base import AccountContext, CheckContext, Finding, Severity, Tier
from policies.engine.compiled import CompiledPolicy
from policies.engine.normalise import normalise
from policies.engine.registry import resolve
from policies.engine.schema import CHECK_NAMES, compile_policy
from policies.engine.tiering import Escalation, decide_tier

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict on one draft: its findings (spans on the text as typed) and its tier."""

    tier: Tier
    findings: tuple[Finding, ...]
    policy_version: int | None
    policy_hash: str
    escalations: tuple[Escalation, ...] = ()
    skipped: tuple[str, ...] = ()  # checks not installed, so not run

    @property
    def auto_approved(self) -> bool:
        """Low-tier drafts are approved by the policy itself."""
        return self.tier == Tier.LOW

    def as_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier.value,
            "auto_approved": self.auto_approved,
            "findings": [finding.as_dict() for finding in self.findings],
            "escalations": [e.as_dict() for e in self.escalations],
            "policy_version": self.policy_version,
            "policy_hash": self.policy_hash,
            "skipped": list(self.skipped),
        }


_default_policies: dict[str, CompiledPolicy] = {}


def default_policy(org_kind: str = "") -> CompiledPolicy:
    """The starter pack for ``org_kind`` (council when unknown), compiled once."""
    from policies.packs import PACK_KINDS, load_pack

    kind = org_kind if org_kind in PACK_KINDS else "council"
    if kind not in _default_policies:
        _default_policies[kind] = compile_policy(load_pack(kind))
    return _default_policies[kind]


def _run_check(name: str, ctx: CheckContext) -> list[Finding] | None:
    function = resolve(name)
    if function is None:
        return None
    try:
        return list(function(ctx))
    except Exception:  # one broken check must not hide what the others found
        logger.exception("check %s failed", name)
        return [
            Finding(
                name,
                "check_failed",
                0,
                0,
                Severity.MEDIUM,
                f"The {name} check could not read this text, so a person should look at it.",
            )
        ]


def merge_overlapping(findings: list[Finding]) -> list[Finding]:
    """One finding per thing said: findings of the same check, code, severity and message
    whose spans overlap or touch become one finding over their union (a challenge matched
    by four phrase patterns is one challenge to the author). Sorted by position."""
    merged: list[Finding] = []
    open_by_key: dict[tuple, int] = {}
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        key = (finding.check, finding.code, finding.severity, finding.message, finding.rule)
        index = open_by_key.get(key)
        if index is not None and finding.start <= merged[index].end:
            current = merged[index]
            merged[index] = replace(current, end=max(current.end, finding.end))
            continue
        open_by_key[key] = len(merged)
        merged.append(finding)
    merged.sort(key=lambda f: (f.start, -f.severity, f.check))
    return merged


def assess(
    text: str,
    *,
    account: AccountContext | None,
    at: datetime | None = None,
    policy: CompiledPolicy | dict[str, Any] | None = None,
    author_id: int | None = None,
    org_kind: str = "",
) -> Assessment:
    """Run every enabled check of ``policy`` over ``text`` and decide the tier.

    Pure: the caller loads the policy version (``policy``; a document is compiled and
    cached; None means the starter pack for ``org_kind``) and the account. ``at`` is when
    the post would go out (windows use it), now when not given.
    """
    if policy is None:
        compiled = default_policy(org_kind)
    elif isinstance(policy, dict):
        compiled = compile_policy(policy)
    else:
        compiled = policy
    text = text if isinstance(text, str) else str(text)
    normalised = normalise(text)
    moment = at if at is not None else datetime.now(UTC)
    kind = org_kind or compiled.kind
    findings: list[Finding] = []
    skipped: list[str] = []
    for name in CHECK_NAMES:
        if not compiled.enabled(name):
            continue
        ctx = CheckContext(
            text=normalised.text,
            original=text,
            account=account,
            author_id=author_id,
            at=moment,
            org_kind=kind,
            settings=compiled.settings_for(name),
            policy=compiled,
        )
        found = _run_check(name, ctx)
        if found is None:
            skipped.append(name)
            continue
        findings.extend(found)
    tier, escalations = decide_tier(findings, compiled)
    mapped = []
    for finding in findings:
        start, end = normalised.to_original(finding.start, finding.end)
        mapped.append(replace(finding, start=start, end=end) if (start, end) != (finding.start, finding.end) else finding)
    mapped = merge_overlapping(mapped)
    return Assessment(
        tier=tier,
        findings=tuple(mapped),
        policy_version=compiled.version,
        policy_hash=compiled.content_hash,
        escalations=escalations,
        skipped=tuple(skipped),
    )
