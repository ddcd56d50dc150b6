"""A policy document compiled for fast checking: built once per version, then cached."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from policies.checks.base import Severity, Tier
from policies.checks.lexicon import LexiconIndex
from policies.checks.links import DomainRule
from policies.checks.mentions import HandleRule
from policies.checks.pattern import PatternSet
from policies.checks.windows import WindowRule


@dataclass(frozen=True, slots=True)
class TierRequirement:
    """What a tier needs before a post may go out."""

    approvals: int
    owner_or_lead: bool = False
    can_submit: bool = True


@dataclass(frozen=True, slots=True)
class Condition:
    """Which findings of one check count towards a combination."""

    min_severity: Severity
    kinds: frozenset[str] | None = None  # None: any kind

    def admits(self, severity: Severity, kind: str) -> bool:
        return severity >= self.min_severity and (self.kinds is None or kind in self.kinds)


@dataclass(frozen=True, slots=True)
class CombineRule:
    """Raise the tier when findings from different checks land close together.

    "About the same person" is approximated by distance: two findings from two different
    checks of ``conditions``, each admitted by its check's condition, within
    ``within_chars`` of each other (0: anywhere in the draft).
    """

    rule_id: str
    conditions: dict[str, Condition]
    within_chars: int
    raise_to: Tier
    message: str

    @property
    def checks(self) -> frozenset[str]:
        return frozenset(self.conditions)


@dataclass(frozen=True, slots=True)
class KindsRule:
    """Raise the tier when several kinds of quasi-identifier appear together."""

    rule_id: str
    checks: frozenset[str]
    distinct_kinds: int
    min_severity: Severity
    raise_to: Tier
    message: str


@dataclass(frozen=True)
class CompiledPolicy:
    """Everything the checks and the tiering read, ready to use."""

    content_hash: str
    kind: str
    name: str
    timezone: str
    tiers: dict[Tier, TierRequirement]
    flag_escalation_hours: int
    publishing_lateness_minutes: int
    combine: tuple[CombineRule, ...]
    kinds: tuple[KindsRule, ...]
    check_settings: dict[str, dict[str, Any]]
    partners: frozenset[str]
    lexicon: LexiconIndex
    patterns: PatternSet
    domains: tuple[DomainRule, ...]
    handles: tuple[HandleRule, ...]
    windows: tuple[WindowRule, ...]
    rule_count: int
    document: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    version: int | None = None

    def settings_for(self, check: str) -> dict[str, Any]:
        return self.check_settings.get(check, {})

    def enabled(self, check: str) -> bool:
        return bool(self.settings_for(check).get("enabled", True))

    def with_version(self, version: int | None) -> CompiledPolicy:
        return self if version == self.version else replace(self, version=version)

    def window(self, rule_id: str) -> WindowRule | None:
        return next((w for w in self.windows if w.rule_id == rule_id), None)
