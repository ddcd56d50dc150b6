"""Mentions check: @handles that are not the organisation's partners or public bodies.

Tagging someone puts the post in front of them and their followers; tagging a private
person can also identify them. The policy's ``partners`` list (and the ``allow`` lists of
its ``handle`` rules) names the handles that are fine; ``handle`` rules with a ``block``
list name handles never to mention. Handles compare case-insensitively, without the "@",
and a Mastodon "@name@instance" or Bluesky "@name.bsky.social" handle is kept whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from policies.checks.base import CheckContext, Finding, Severity
from policies.checks.lexicon import rule_applies

HANDLE = regex.compile(
    r"(?<![\w@.])@(?P<handle>[A-Za-z0-9_]{1,50}(?:\.[A-Za-z0-9\-]+)*(?:@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)?)"
)


def normalise_handle(handle: str) -> str:
    return handle.strip().lstrip("@").lower().rstrip(".")


def find_handles(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, handle) for every @mention; the span includes the "@"."""
    for match in HANDLE.finditer(text):
        handle = match.group("handle").rstrip(".")
        yield match.start(), match.start() + 1 + len(handle), normalise_handle(handle)


@dataclass(frozen=True, slots=True)
class HandleRule:
    """A compiled ``handle`` rule."""

    rule_id: str
    block: frozenset[str]
    allow: frozenset[str]
    severity: Severity
    message: str
    accounts: frozenset[str] | None
    networks: frozenset[str] | None


def _known(handle: str, known: frozenset[str]) -> bool:
    # "@nhsengland@mastodon.social" is the partner "nhsengland" on another server
    return handle in known or handle.split("@", 1)[0] in known


def run(ctx: CheckContext) -> list[Finding]:
    """Flag mentions of handles that are blocked, or not on the partner list.

    Settings: ``unknown_severity`` (default "low": visible, but it does not stop
    auto-approval on its own; the identifiers check decides whether a mentioned
    private person is identifiable).
    """
    rules: tuple[HandleRule, ...] = tuple(
        rule for rule in getattr(ctx.policy, "handles", ()) if rule_applies(rule.accounts, rule.networks, ctx)
    )
    partners: frozenset[str] = getattr(ctx.policy, "partners", frozenset())
    own = normalise_handle(ctx.account.handle) if ctx.account and ctx.account.handle else ""
    known = partners.union(*(rule.allow for rule in rules)) | ({own} if own else set())
    unknown_severity = Severity.parse(ctx.settings.get("unknown_severity", "low"))
    findings: list[Finding] = []
    for start, end, handle in find_handles(ctx.text):
        blocking = [rule for rule in rules if _known(handle, rule.block)]
        for rule in blocking:
            message = rule.message or f"@{handle} is on this organisation's list of accounts not to mention."
            findings.append(Finding("mentions", "blocked_handle", start, end, rule.severity, message, rule=rule.rule_id))
        if blocking or _known(handle, known):
            continue
        findings.append(
            Finding(
                "mentions",
                "unknown_handle",
                start,
                end,
                unknown_severity,
                f"@{handle} is not on the list of partners and public bodies. Tagging a person "
                "shows them, and everyone who follows them, this post.",
            )
        )
    return findings
