"""What a policy must satisfy beyond its own schema before an organisation may save it.

The engine validates a document on its own (``validate_document``). Two things need more:
whether the people it names belong to the organisation (an account's owner must be a
member who can answer for it), and whether two of its rules contradict each other (two
date windows covering the same posts at the same time with different effects: which one
would the team follow?). Both come back as ``PolicyProblem`` naming the rule and field,
like the engine's, so the editor and the import show them the same way.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from policies.checks.windows import parse_moment
from policies.engine.errors import PolicyError, PolicyProblem
from policies.engine.schema import validate_document
from policies.models import Membership, Organisation, Role

_FAR_PAST = datetime(1, 1, 1)
_FAR_FUTURE = datetime(9999, 12, 31)


def _where(kind: str, position: int, entry: dict[str, Any], key: str) -> str:
    label = entry.get(key) if isinstance(entry, dict) else None
    return f"{kind}[{position}]" + (f" ({key} {label!r})" if label else "")


def account_problems(document: dict[str, Any], organisation: Organisation) -> list[PolicyProblem]:
    """Each listed account's owner must be a lead or admin here; its posters must be members."""
    accounts = document.get("accounts") or []
    if not isinstance(accounts, list):
        return [PolicyProblem("policy", "accounts", "must be a list of accounts")]
    roles = {
        email.lower(): role
        for email, role in Membership.objects.filter(organisation=organisation).values_list("user__email", "role")
    }
    problems = []
    for position, account in enumerate(accounts):
        where = _where("accounts", position, account, "handle")
        if not isinstance(account, dict):
            problems.append(PolicyProblem(where, "account", "each account must be a mapping with a handle"))
            continue
        owner = account.get("owner")
        if owner is not None:
            role = roles.get(str(owner).strip().lower())
            if role is None:
                problems.append(PolicyProblem(where, "owner", f"{owner!r} is not a member of {organisation}: "
                                                              "invite them first, or name another owner"))
            elif Role.rank(role) < Role.rank(Role.LEAD):
                problems.append(PolicyProblem(where, "owner", f"{owner} is {Role(role).label.lower()}; an account's "
                                                              "owner must be a comms lead or an admin"))
        posters = account.get("posters") or []
        if not isinstance(posters, list):
            problems.append(PolicyProblem(where, "posters", "must be a list of members' email addresses"))
            continue
        for index, poster in enumerate(posters):
            if str(poster).strip().lower() not in roles:
                problems.append(PolicyProblem(where, f"posters[{index}]", f"{poster!r} is not a member of {organisation}"))
    return problems


def _span(rule: dict[str, Any]) -> tuple[datetime, datetime] | None:
    try:
        start = parse_moment(rule["start"], end_of_day=False) if rule.get("start") else _FAR_PAST
        end = parse_moment(rule["end"], end_of_day=True) if rule.get("end") else _FAR_FUTURE
    except (TypeError, ValueError):
        return None  # the engine already reports the bad date
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def _scope(rule: dict[str, Any], key: str) -> frozenset[str] | None:
    value = rule.get(key, "all")
    if value in ("all", None):
        return None
    values = [value] if isinstance(value, str) else value
    return frozenset(str(v).lower().lstrip("@") for v in values)


def _shared(first: frozenset[str] | None, second: frozenset[str] | None) -> bool:
    return first is None or second is None or bool(first & second)


def _effect(rule: dict[str, Any]) -> tuple[str, int]:
    return str(rule.get("severity") or "high").lower(), int(rule.get("raise_by") or 0)


def _when(rule: dict[str, Any]) -> tuple[Any, Any]:
    daily = rule.get("daily")
    weekdays = rule.get("weekdays")
    return (
        (str(daily.get("from")), str(daily.get("to"))) if isinstance(daily, dict) else None,
        tuple(sorted(str(d).lower()[:3] for d in weekdays)) if isinstance(weekdays, list) else None,
    )


def window_problems(document: dict[str, Any]) -> list[PolicyProblem]:
    """Two windows that overlap in time, on the same accounts, networks and topics, with
    different effects contradict each other: name the later one and the one it clashes with."""
    rules = document.get("rules") or []
    windows = [(position, rule) for position, rule in enumerate(rules if isinstance(rules, list) else [])
               if isinstance(rule, dict) and rule.get("kind") == "window" and (rule.get("start") or rule.get("end"))]
    problems = []
    for index, (position, rule) in enumerate(windows):
        span = _span(rule)
        if span is None:
            continue
        for _other_position, other in windows[:index]:
            other_span = _span(other)
            if other_span is None or span[0] > other_span[1] or other_span[0] > span[1]:
                continue
            same_posts = (
                _shared(_scope(rule, "accounts"), _scope(other, "accounts"))
                and _shared(_scope(rule, "networks"), _scope(other, "networks"))
                and frozenset(map(str.lower, rule.get("topics") or [])) == frozenset(map(str.lower, other.get("topics") or []))
                and _when(rule) == _when(other)
            )
            if same_posts and _effect(rule) != _effect(other):
                severity, raise_by = _effect(rule)
                other_severity, other_raise = _effect(other)
                problems.append(PolicyProblem(
                    _where("rules", position, rule, "id"), "start",
                    f"overlaps the window {other.get('id')!r} ({other.get('start') or '…'} to {other.get('end') or '…'}) "
                    f"on the same posts but says {severity}{f' +{raise_by}' if raise_by else ''} where it says "
                    f"{other_severity}{f' +{other_raise}' if other_raise else ''}: make the dates not overlap, "
                    "or give both the same effect",
                ))
    return problems


def validate_for_organisation(document: Any, organisation: Organisation, *, version: int | None = None):
    """Validate ``document`` for ``organisation``: the engine's checks plus the ones above.

    Returns the compiled policy; raises one PolicyError listing every problem.
    """
    problems: list[PolicyProblem] = []
    compiled = None
    try:
        compiled = validate_document(document, version=version)
    except PolicyError as error:
        problems.extend(error.errors)
    if isinstance(document, dict):
        problems.extend(account_problems(document, organisation))
        problems.extend(window_problems(document))
    if problems:
        raise PolicyError(problems)
    return compiled

