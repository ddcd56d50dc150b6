"""Running one check over a text, as the check tests do."""

from __future__ import annotations

from policies.checks.base import CheckContext, Severity


def highest(check, text: str, *, org_kind: str = "", **settings: object) -> Severity:
    """The most severe finding ``check`` (a module under policies.checks) makes on ``text``,
    INFO when it finds nothing."""
    findings = check.run(CheckContext(text=text, original=text, org_kind=org_kind, settings=dict(settings)))
    return max((f.severity for f in findings), default=Severity.INFO)
