"""Pure edits of a policy document: each returns a new document, the old one untouched.

The editor's forms produce one rule, the tier table or one example; these put it in
place (a rule keeps its position when edited) so the service can validate and save the
whole document in one go.
"""

from __future__ import annotations

import copy
from typing import Any


def rule_position(document: dict[str, Any], rule_id: str) -> int | None:
    for position, rule in enumerate(document.get("rules") or []):
        if isinstance(rule, dict) and rule.get("id") == rule_id:
            return position
    return None


def find_rule(document: dict[str, Any], rule_id: str) -> dict[str, Any] | None:
    position = rule_position(document, rule_id)
    return None if position is None else document["rules"][position]


def with_rule(document: dict[str, Any], rule: dict[str, Any], *, replacing: str | None = None) -> dict[str, Any]:
    """``rule`` added at the end, or in place of the rule ``replacing``."""
    result = copy.deepcopy(document)
    rules = result.setdefault("rules", [])
    position = rule_position(result, replacing) if replacing else None
    if position is None:
        rules.append(rule)
    else:
        rules[position] = rule
    return result


def without_rule(document: dict[str, Any], rule_id: str) -> dict[str, Any]:
    result = copy.deepcopy(document)
    result["rules"] = [r for r in result.get("rules") or [] if not (isinstance(r, dict) and r.get("id") == rule_id)]
    return result


def with_tiers(document: dict[str, Any], tiers: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(document)
    result["tiers"] = tiers
    return result


def with_partners(document: dict[str, Any], partners: list[str]) -> dict[str, Any]:
    result = copy.deepcopy(document)
    result["partners"] = partners
    return result


def with_example(document: dict[str, Any], example: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(document)
    result.setdefault("examples", []).append(example)
    return result


def without_example(document: dict[str, Any], position: int) -> dict[str, Any]:
    result = copy.deepcopy(document)
    examples = result.get("examples") or []
    if 0 <= position < len(examples):
        del examples[position]
    return result
