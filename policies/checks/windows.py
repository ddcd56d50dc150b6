"""Windows check: periods in which posts (or posts on some topics) need more care.

A council's pre-election period, an embargo until a launch, quiet hours at night: each is
a ``window`` rule with any of a date range (``start``/``end``), daily hours
(``daily: {from, to}``, which may wrap past midnight) and ``weekdays``; all given must
hold. ``topics`` limits the window to posts that mention one of its terms (matched by
the lexicon automaton). Inside the window a post gets a finding at the rule's
``severity`` (BLOCK to stop it, HIGH to need an owner's approval), and ``raise_by``
additionally lifts the final tier by that many steps. Times are local to the
organisation; the moment is ``ctx.at`` (the scheduled time, else now).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from policies.checks.base import CheckContext, Finding, Severity
from policies.checks.lexicon import rule_applies

DEFAULT_TIMEZONE = "Europe/London"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class WindowRule:
    """A compiled ``window`` rule. ``start``/``end`` are naive local datetimes."""

    rule_id: str
    severity: Severity
    message: str
    accounts: frozenset[str] | None
    networks: frozenset[str] | None
    start: datetime | None = None
    end: datetime | None = None
    daily_from: time | None = None
    daily_to: time | None = None
    weekdays: frozenset[int] | None = None
    topics: tuple[str, ...] = ()
    raise_by: int = 0

    def contains(self, local: datetime) -> bool:
        """Whether the local, naive moment falls inside this window."""
        if self.start is not None and local < self.start:
            return False
        if self.end is not None and local >= self.end:
            return False
        if self.weekdays is not None and local.weekday() not in self.weekdays:
            return False
        if self.daily_from is not None and self.daily_to is not None:
            moment = local.time()
            if self.daily_from <= self.daily_to:
                return self.daily_from <= moment < self.daily_to
            return moment >= self.daily_from or moment < self.daily_to  # wraps midnight
        return True


def parse_moment(value: object, *, end_of_day: bool = False) -> datetime:
    """A date or ISO datetime from a policy document as a naive local datetime.

    A bare date as an ``end`` means the whole of that day is inside the window.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        moment = datetime.combine(value, time.min)
    else:
        text = str(value).strip()
        moment = datetime.fromisoformat(text)
        if len(text) > 10:
            return moment.replace(tzinfo=None)
    if end_of_day:
        return datetime.combine(moment.date(), time.max)
    return moment


def local_moment(ctx: CheckContext) -> datetime | None:
    if ctx.at is None:
        return None
    zone_name = (ctx.account.timezone if ctx.account else "") or getattr(ctx.policy, "timezone", "") or DEFAULT_TIMEZONE
    zone = ZoneInfo(zone_name)
    if ctx.at.tzinfo is None:
        return ctx.at  # already local
    return ctx.at.astimezone(zone).replace(tzinfo=None)


def run(ctx: CheckContext) -> list[Finding]:
    """Flag a draft scheduled (or posted now) inside a window that applies to it."""
    rules: tuple[WindowRule, ...] = getattr(ctx.policy, "windows", ())
    local = local_moment(ctx) if rules else None
    if local is None:
        return []
    topics_seen: dict[str, tuple[int, int]] = {}
    if any(rule.topics for rule in rules):
        index = getattr(ctx.policy, "lexicon", None)
        if index is not None:
            for start, end, owner, role in index.matches(ctx.text):
                if role == "extra":
                    topics_seen.setdefault(owner, (start, end))
    findings: list[Finding] = []
    for rule in rules:
        if not rule_applies(rule.accounts, rule.networks, ctx) or not rule.contains(local):
            continue
        start = end = 0
        if rule.topics:
            span = topics_seen.get(f"window:{rule.rule_id}")
            if span is None:
                continue
            start, end = span
        message = rule.message or f"This post falls inside the period {rule.rule_id}; take extra care."
        findings.append(Finding("windows", "inside_window", start, end, rule.severity, message, rule=rule.rule_id))
    return findings
