"""From findings to a tier: the highest severity, escalated where findings combine.

Several quasi-identifiers about one person are worse than any one of them; an identifier
next to a disclosure of someone's account status, or next to a hostile remark, is about
a person. Every threshold comes from the policy (``escalation``), none from code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policies.checks.base import Finding, Severity, Tier
from policies.engine.compiled import CombineRule, CompiledPolicy, KindsRule

_ORDER = [Tier.LOW, Tier.MEDIUM, Tier.HIGH, Tier.BLOCK]


@dataclass(frozen=True, slots=True)
class Escalation:
    """Why the tier went above the highest single finding."""

    rule: str
    tier: Tier
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "tier": self.tier.value, "message": self.message}


def _gap(a: Finding, b: Finding) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _combine_fires(rule: CombineRule, findings: Sequence[Finding]) -> bool:
    relevant = [
        f for f in findings if f.check in rule.conditions and rule.conditions[f.check].admits(f.severity, f.kind)
    ]
    for index, first in enumerate(relevant):
        for second in relevant[index + 1 :]:
            if first.check == second.check:
                continue
            # a whole-draft finding (0, 0) is about the whole draft, so it is near everything
            whole = (first.start == first.end == 0) or (second.start == second.end == 0)
            if rule.within_chars == 0 or whole or _gap(first, second) <= rule.within_chars:
                return True
    return False


def _kinds_fire(rule: KindsRule, findings: Sequence[Finding]) -> int:
    kinds = {f.kind for f in findings if f.check in rule.checks and f.kind and f.severity >= rule.min_severity}
    return len(kinds) if len(kinds) >= rule.distinct_kinds else 0


def raise_tier(tier: Tier, steps: int) -> Tier:
    """``steps`` tiers higher, stopping below BLOCK (a window raise never blocks alone)."""
    index = min(_ORDER.index(tier) + steps, _ORDER.index(Tier.HIGH))
    return max(tier, _ORDER[index], key=_ORDER.index)


def decide_tier(findings: Sequence[Finding], policy: CompiledPolicy) -> tuple[Tier, tuple[Escalation, ...]]:
    """The tier for these findings under this policy, and the escalations that applied."""
    highest = max((f.severity for f in findings), default=Severity.INFO)
    tier = Tier.from_severity(highest)
    escalations: list[Escalation] = []
    if tier == Tier.BLOCK:
        return tier, ()
    for rule in policy.combine:
        if _ORDER.index(rule.raise_to) > _ORDER.index(tier) and _combine_fires(rule, findings):
            checks = " and ".join(sorted({f.check for f in findings if f.check in rule.checks}))
            message = rule.message or f"Findings from {checks} together point at one person."
            escalations.append(Escalation(rule.rule_id, rule.raise_to, message))
            tier = rule.raise_to
    for kinds_rule in policy.kinds:
        count = _kinds_fire(kinds_rule, findings)
        if count and _ORDER.index(kinds_rule.raise_to) > _ORDER.index(tier):
            message = kinds_rule.message or (
                f"{count} different details about one person together could let them recognise themselves."
            )
            escalations.append(Escalation(kinds_rule.rule_id, kinds_rule.raise_to, message))
            tier = kinds_rule.raise_to
    steps = 0
    for finding in findings:
        if finding.check == "windows" and finding.rule:
            window = policy.window(finding.rule)
            if window is not None:
                steps = max(steps, window.raise_by)
    if steps:
        raised = raise_tier(tier, steps)
        if raised != tier:
            escalations.append(Escalation("window", raised, "Posts in this period need more eyes than usual."))
            tier = raised
    return tier, tuple(escalations)
