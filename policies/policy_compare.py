"""Two versions side by side: which rules, tiers and examples differ, and how.

The comparison is by meaning, not by text: rules are matched by id (a rule that moved
is not a change), and each changed rule lists the fields that differ with both values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SECTIONS = ("tiers", "escalation", "checks", "partners", "timezone", "name", "accounts")


def show(value: Any) -> str:
    """A value as a person reads it: lists joined by commas, mappings as ``key: value``."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(show(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {show(item)}" for key, item in value.items())
    return str(value)


@dataclass
class RuleChange:
    rule_id: str
    status: str  # added, removed, changed, same
    left: dict[str, Any] | None
    right: dict[str, Any] | None
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def shown_fields(self) -> list[tuple[str, str, str]]:
        return [(name, show(a), show(b)) for name, a, b in self.fields]

    @staticmethod
    def _lines(rule: dict[str, Any] | None) -> list[str]:
        return [f"{key}: {show(value)}" for key, value in (rule or {}).items() if key != "id"]

    @property
    def left_lines(self) -> list[str]:
        return self._lines(self.left)

    @property
    def right_lines(self) -> list[str]:
        return self._lines(self.right)


@dataclass
class Comparison:
    rules: list[RuleChange]
    sections: list[tuple[str, Any, Any]]
    examples_added: list[dict[str, Any]]
    examples_removed: list[dict[str, Any]]

    @property
    def shown_sections(self) -> list[tuple[str, str, str]]:
        return [(name, show(a), show(b)) for name, a, b in self.sections]

    @property
    def changed_rules(self) -> list[RuleChange]:
        return [change for change in self.rules if change.status != "same"]

    @property
    def is_same(self) -> bool:
        return not self.changed_rules and not self.sections and not self.examples_added and not self.examples_removed


def _rules(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(rule.get("id")): rule for rule in document.get("rules") or [] if isinstance(rule, dict)}


def _example_key(example: dict[str, Any]) -> tuple[str, str]:
    return str(example.get("text") or ""), str(example.get("tier") or "")


def compare_documents(left: dict[str, Any], right: dict[str, Any]) -> Comparison:
    """What changed from ``left`` to ``right``."""
    left_rules, right_rules = _rules(left), _rules(right)
    changes = []
    for rule_id in list(left_rules) + [r for r in right_rules if r not in left_rules]:
        a, b = left_rules.get(rule_id), right_rules.get(rule_id)
        if a is None:
            changes.append(RuleChange(rule_id, "added", None, b))
        elif b is None:
            changes.append(RuleChange(rule_id, "removed", a, None))
        else:
            keys = list(a) + [k for k in b if k not in a]
            fields = [(key, a.get(key), b.get(key)) for key in keys if a.get(key) != b.get(key)]
            changes.append(RuleChange(rule_id, "changed" if fields else "same", a, b, fields))
    sections = [(name, left.get(name), right.get(name)) for name in SECTIONS if left.get(name) != right.get(name)]
    left_examples = {_example_key(e): e for e in left.get("examples") or [] if isinstance(e, dict)}
    right_examples = {_example_key(e): e for e in right.get("examples") or [] if isinstance(e, dict)}
    return Comparison(
        rules=changes,
        sections=sections,
        examples_added=[e for k, e in right_examples.items() if k not in left_examples],
        examples_removed=[e for k, e in left_examples.items() if k not in right_examples],
    )


def _finding_key(finding: dict[str, Any]) -> str:
    return str(finding.get("rule") or f"{finding.get('check')}:{finding.get('code')}")


def rules_behind_change(before: list[dict[str, Any]], after: list[dict[str, Any]], *, rose: bool) -> list[str]:
    """The rules (or checks) that explain a tier change between two sets of findings.

    For a rise: rules whose findings are new or more severe after; for a fall: rules whose
    findings went away or became milder. Findings and escalations are dicts with ``rule``
    (or ``check``/``code``) and ``severity`` or ``tier``.
    """
    order = ["info", "low", "medium", "high", "block"]

    def worst(rows: list[dict[str, Any]]) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in rows:
            level = str(row.get("severity") or row.get("tier") or "info")
            out[_finding_key(row)] = max(out.get(_finding_key(row), 0), order.index(level) if level in order else 0)
        return out

    old, new = worst(before), worst(after)
    if rose:
        return sorted(key for key, level in new.items() if level > old.get(key, -1) and level >= 2)
    return sorted(key for key, level in old.items() if level > new.get(key, -1) and level >= 2)


def explain_tier_change(before: list[dict[str, Any]], after: list[dict[str, Any]], *, old_tier: str, new_tier: str,
                        version_number: int | None, messages: dict[str, str] | None = None) -> tuple[list[str], str]:
    """The rules behind a change and one sentence for the author saying what changed."""
    rose = order_of(new_tier) > order_of(old_tier)
    rules = rules_behind_change(before, after, rose=rose)
    messages = messages or {}
    head = f"Policy version {version_number} is now in force: this post is {new_tier} (was {old_tier})"
    if not rules:
        return [], f"{head} because what each tier needs, or how findings combine, changed."
    explained = "; ".join(f"rule {rule!r}" + (f" ({messages[rule]})" if messages.get(rule) else "") for rule in rules)
    return rules, f"{head} because of {explained}."


def order_of(tier: str) -> int:
    return ["low", "medium", "high", "block"].index(tier) if tier in ("low", "medium", "high", "block") else 0
