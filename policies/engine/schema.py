"""Policy documents: validation and compilation.

A policy is a JSON-compatible dict (stored in ``PolicyVersion.document``)::

    schema: 1
    kind: council                 # which starter pack it came from
    name: "..."
    timezone: Europe/London       # date windows are local times
    tiers:                        # what each tier needs (low is auto-approved)
      low: {approvals: 0}
      medium: {approvals: 1}
      high: {approvals: 2, owner_or_lead: true}
      flag_escalation_hours: 24
      publishing_lateness_minutes: 120
    escalation:
      combine:                    # findings of different checks about one person
        - {id, checks: [identifiers, customer_privacy], min_severity: low,
           within_chars: 120, raise_to: high, message}
      quasi_identifiers:          # several kinds of quasi-identifier together
        - {id, checks: [identifiers], distinct_kinds: 3, min_severity: low,
           raise_to: high, message}
    checks: {identifiers: {...}, tone: {...}, length: {...}, ...}   # per-check settings
    partners: ["@handle", ...]    # partners and public bodies that may be mentioned
    rules:                        # each: id, kind, severity, message, accounts, networks
      - {id, kind: banned_phrase, terms: [...]}
      - {id, kind: required_phrase, when: [...], require: [...]}
      - {id, kind: pattern, pattern: "...", flags: "i"}
      - {id, kind: domain, block: [...], allow: [...]}
      - {id, kind: handle, block: [...], allow: [...]}
      - {id, kind: window, start, end, daily: {from, to}, weekdays, topics, raise_by}
    examples: [{id, text, tier, platform, why}]
    accounts: [{handle, network, purpose}]   # suggested accounts for a new organisation

:func:`validate_document` collects every problem before raising one :class:`PolicyError`,
so an admin sees them all at once, each naming the rule and the field.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from datetime import datetime, time
from threading import Lock
from typing import Any

from policies.checks.base import Severity, Tier
from policies.checks.lexicon import LexiconIndex, LexiconRule, term_key
from policies.checks.links import DomainRule
from policies.checks.mentions import HandleRule, normalise_handle
from policies.checks.pattern import PatternRule, PatternSet, compile_pattern, pattern_problems
from policies.checks.windows import WEEKDAYS, WindowRule, parse_moment
from policies.engine.compiled import CombineRule, CompiledPolicy, Condition, KindsRule, TierRequirement
from policies.engine.errors import PolicyError, PolicyProblem

SCHEMA_VERSION = 1
CHECK_NAMES = (
    "ownership",
    "length",
    "lexicon",
    "pattern",
    "links",
    "mentions",
    "windows",
    "identifiers",
    "customer_privacy",
    "tone",
)
RULE_KINDS = ("banned_phrase", "required_phrase", "pattern", "domain", "handle", "window")
DEFAULT_SEVERITY = {
    "banned_phrase": Severity.HIGH,
    "required_phrase": Severity.MEDIUM,
    "pattern": Severity.HIGH,
    "domain": Severity.HIGH,
    "handle": Severity.MEDIUM,
    "window": Severity.HIGH,
}
TOP_LEVEL_KEYS = frozenset(
    "schema kind name description timezone tiers escalation checks partners rules examples accounts".split()
)
COMMON_RULE_KEYS = frozenset("id kind severity message accounts networks description".split())
RULE_KEYS = {
    "banned_phrase": frozenset({"terms"}),
    "required_phrase": frozenset({"when", "require"}),
    "pattern": frozenset({"pattern", "flags"}),
    "domain": frozenset({"block", "allow"}),
    "handle": frozenset({"block", "allow"}),
    "window": frozenset({"start", "end", "daily", "weekdays", "topics", "raise_by"}),
}
DEFAULT_TIERS = {
    "low": {"approvals": 0},
    "medium": {"approvals": 1},
    "high": {"approvals": 2, "owner_or_lead": True},
}
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_HANDLE = re.compile(r"^@?[A-Za-z0-9_]{1,50}(?:\.[A-Za-z0-9\-]+)*(?:@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)?$")


class _Collector:
    """Gathers problems while the document is walked."""

    def __init__(self) -> None:
        self.problems: list[PolicyProblem] = []

    def add(self, where: str, field: str, message: str) -> None:
        self.problems.append(PolicyProblem(where, field, message))


def _severity(value: Any, default: Severity, where: str, field: str, errors: _Collector) -> Severity:
    if value is None:
        return default
    try:
        return Severity.parse(value)
    except (ValueError, AttributeError):
        errors.add(where, field, f"unknown severity {value!r}: use one of info, low, medium, high, block")
        return default


def _tier(value: Any, where: str, field: str, errors: _Collector) -> Tier:
    try:
        return Tier(str(value).lower())
    except ValueError:
        errors.add(where, field, f"unknown tier {value!r}: use one of low, medium, high, block")
        return Tier.HIGH


def _string_list(value: Any, where: str, field: str, errors: _Collector, *, required: bool) -> list[str]:
    if value is None:
        if required:
            errors.add(where, field, "is required: give a list of one or more entries")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        errors.add(where, field, "must be a list of text entries")
        return []
    out = []
    for position, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            errors.add(where, f"{field}[{position}]", "is empty: every entry needs some text")
        else:
            out.append(item.strip())
    if required and not value:
        errors.add(where, field, "is empty: give one or more entries")
    return out


def _terms(value: Any, where: str, field: str, errors: _Collector, *, required: bool) -> list[str]:
    terms = _string_list(value, where, field, errors, required=required)
    for position, term in enumerate(terms):
        if not term_key(term) or not any(c.isalnum() for c in term):
            errors.add(where, f"{field}[{position}]", f"the term {term!r} has no letters or digits to match")
    return terms


def _scope(rule: dict[str, Any], where: str, errors: _Collector) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    accounts_value = rule.get("accounts", "all")
    accounts: frozenset[str] | None = None
    if accounts_value != "all":
        handles = _string_list(accounts_value, where, "accounts", errors, required=True)
        accounts = frozenset(normalise_handle(h) for h in handles)
    networks = None
    if "networks" in rule:
        networks = frozenset(n.lower() for n in _string_list(rule["networks"], where, "networks", errors, required=True))
    return accounts, networks


def _domains(value: Any, where: str, field: str, errors: _Collector) -> frozenset[str]:
    out = set()
    for position, domain in enumerate(_string_list(value, where, field, errors, required=False)):
        cleaned = domain.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")
        if not _DOMAIN.match(cleaned):
            errors.add(where, f"{field}[{position}]", f"{domain!r} is not a domain such as example.org")
        out.add(cleaned)
    return frozenset(out)


def _handles(value: Any, where: str, field: str, errors: _Collector) -> frozenset[str]:
    out = set()
    for position, handle in enumerate(_string_list(value, where, field, errors, required=False)):
        if not _HANDLE.match(handle):
            errors.add(where, f"{field}[{position}]", f"{handle!r} is not a handle such as @example")
        out.add(normalise_handle(handle))
    return frozenset(out)


def _moment(value: Any, where: str, field: str, errors: _Collector, *, end: bool) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_moment(value, end_of_day=end)
    except (TypeError, ValueError):
        errors.add(where, field, f"{value!r} is not a date (2027-04-06) or a date and time (2027-04-06T09:00)")
        return None


def _clock(value: Any, where: str, field: str, errors: _Collector) -> time | None:
    text = str(value).strip() if value is not None else ""
    match = _CLOCK.match(text)
    if not match:
        errors.add(where, field, f"{value!r} is not a time of day such as 22:00")
        return None
    return time(int(match.group(1)), int(match.group(2)))


class _RuleBuilder:
    """Validates each rule and builds its compiled form."""

    def __init__(self, errors: _Collector) -> None:
        self.errors = errors
        self.lexicon_rules: list[LexiconRule] = []
        self.patterns: list[tuple[PatternRule, str, str]] = []
        self.domains: list[DomainRule] = []
        self.handles: list[HandleRule] = []
        self.windows: list[WindowRule] = []
        self.window_topics: dict[str, tuple[str, ...]] = {}

    def add(self, position: int, rule: Any, seen_ids: set[str]) -> None:
        errors = self.errors
        if not isinstance(rule, dict):
            errors.add(f"rules[{position}]", "rule", "each rule must be a mapping with an id and a kind")
            return
        rule_id = rule.get("id")
        where = f"rules[{position}]" + (f" (id {rule_id!r})" if rule_id else "")
        if not isinstance(rule_id, str) or not rule_id.strip():
            errors.add(where, "id", "every rule needs an id, such as no-payment-status")
            rule_id = f"rule-{position}"
        elif rule_id in seen_ids:
            errors.add(where, "id", f"another rule already has the id {rule_id!r}")
        seen_ids.add(rule_id)
        kind = rule.get("kind")
        if kind not in RULE_KINDS:
            errors.add(where, "kind", f"unknown rule kind {kind!r}: use one of {', '.join(RULE_KINDS)}")
            return
        for key in sorted(set(rule) - COMMON_RULE_KEYS - RULE_KEYS[kind]):
            errors.add(where, key, f"is not a field of a {kind} rule")
        severity = _severity(rule.get("severity"), DEFAULT_SEVERITY[kind], where, "severity", errors)
        message = rule.get("message") or ""
        if not isinstance(message, str):
            errors.add(where, "message", "must be text")
            message = ""
        accounts, networks = _scope(rule, where, errors)
        common = {"rule_id": rule_id, "severity": severity, "message": message, "accounts": accounts, "networks": networks}
        getattr(self, f"_{kind}")(rule, where, common)

    def _banned_phrase(self, rule: dict[str, Any], where: str, common: dict[str, Any]) -> None:
        terms = _terms(rule.get("terms"), where, "terms", self.errors, required=True)
        self.lexicon_rules.append(LexiconRule(kind="banned_phrase", terms=tuple(terms), **common))

    def _required_phrase(self, rule: dict[str, Any], where: str, common: dict[str, Any]) -> None:
        when = _terms(rule.get("when"), where, "when", self.errors, required=False)
        require = _terms(rule.get("require"), where, "require", self.errors, required=True)
        self.lexicon_rules.append(LexiconRule(kind="required_phrase", when=tuple(when), require=tuple(require), **common))

    def _pattern(self, rule: dict[str, Any], where: str, common: dict[str, Any]) -> None:
        pattern, flags = rule.get("pattern"), rule.get("flags", "")
        problems = pattern_problems(pattern, flags)
        for problem in problems:
            self.errors.add(where, "flags" if problem.startswith("flags") else "pattern", problem)
        if not problems:
            self.patterns.append((PatternRule(compiled=compile_pattern(pattern, flags), **common), pattern, flags))

    def _domain(self, rule: dict[str, Any], where: str, common: dict[str, Any]) -> None:
        block = _domains(rule.get("block"), where, "block", self.errors)
        allow = _domains(rule.get("allow"), where, "allow", self.errors)
        if not block and not allow:
            self.errors.add(where, "block", "a domain rule needs a block list, an allow list, or both")
        self.domains.append(DomainRule(block=block, allow=allow, **common))

    def _handle(self, rule: dict[str, Any], where: str, common: dict[str, Any]) -> None:
        block = _handles(rule.get("block"), where, "block", self.errors)
        allow = _handles(rule.get("allow"), where, "allow", self.errors)
        if not block and not allow:
            self.errors.add(where, "block", "a handle rule needs a block list, an allow list, or both")
        self.handles.append(HandleRule(block=block, allow=allow, **common))

    def _window(self, rule: dict[str, Any], where: str, common: dict[str, Any]) -> None:
        errors = self.errors
        start = _moment(rule.get("start"), where, "start", errors, end=False)
        end = _moment(rule.get("end"), where, "end", errors, end=True)
        if start is not None and end is not None and end <= start:
            errors.add(where, "end", f"the window ends ({rule.get('end')}) before it starts ({rule.get('start')})")
        daily_from = daily_to = None
        daily = rule.get("daily")
        if daily is not None:
            if not isinstance(daily, dict) or "from" not in daily or "to" not in daily:
                errors.add(where, "daily", "give daily hours as {from: '22:00', to: '07:00'}")
            else:
                daily_from = _clock(daily["from"], where, "daily.from", errors)
                daily_to = _clock(daily["to"], where, "daily.to", errors)
                if daily_from is not None and daily_from == daily_to:
                    errors.add(where, "daily.to", "the daily hours start and end at the same time")
        weekdays = None
        if "weekdays" in rule:
            names = _string_list(rule["weekdays"], where, "weekdays", errors, required=True)
            bad = [n for n in names if n.lower()[:3] not in WEEKDAYS]
            if bad:
                errors.add(where, "weekdays", f"unknown day(s) {bad}: use mon, tue, wed, thu, fri, sat, sun")
            weekdays = frozenset(WEEKDAYS.index(n.lower()[:3]) for n in names if n.lower()[:3] in WEEKDAYS)
        if start is None and end is None and daily is None and weekdays is None:
            errors.add(where, "start", "a window needs a start, an end, daily hours or weekdays")
        topics = _terms(rule.get("topics"), where, "topics", errors, required=False)
        raise_by = rule.get("raise_by", 0)
        if not isinstance(raise_by, int) or isinstance(raise_by, bool) or not 0 <= raise_by <= 3:
            errors.add(where, "raise_by", "must be a whole number of tiers from 0 to 3")
            raise_by = 0
        if topics:
            self.window_topics[f"window:{common['rule_id']}"] = tuple(topics)
        self.windows.append(
            WindowRule(
                start=start, end=end, daily_from=daily_from, daily_to=daily_to, weekdays=weekdays,
                topics=tuple(topics), raise_by=raise_by, **common,
            )
        )


def _validate_tiers(value: Any, errors: _Collector) -> tuple[dict[Tier, TierRequirement], int, int]:
    value = value if value is not None else {}
    if not isinstance(value, dict):
        errors.add("tiers", "tiers", "must be a mapping of tier name to what it requires")
        value = {}
    requirements: dict[Tier, TierRequirement] = {}
    for name in ("low", "medium", "high"):
        spec = value.get(name, DEFAULT_TIERS[name])
        where = f"tiers.{name}"
        if not isinstance(spec, dict):
            errors.add(where, name, "must be a mapping such as {approvals: 1}")
            spec = DEFAULT_TIERS[name]
        approvals = spec.get("approvals", DEFAULT_TIERS[name]["approvals"])
        if not isinstance(approvals, int) or isinstance(approvals, bool) or approvals < 0:
            errors.add(where, "approvals", f"must be a whole number, 0 or more (got {approvals!r})")
            approvals = DEFAULT_TIERS[name]["approvals"]
        owner_or_lead = spec.get("owner_or_lead", False)
        if not isinstance(owner_or_lead, bool):
            errors.add(where, "owner_or_lead", "must be true or false")
            owner_or_lead = False
        requirements[Tier(name)] = TierRequirement(approvals=approvals, owner_or_lead=owner_or_lead)
    requirements[Tier.BLOCK] = TierRequirement(approvals=0, can_submit=False)
    low, medium, high = (requirements[Tier(n)].approvals for n in ("low", "medium", "high"))
    if low != 0:
        errors.add("tiers.low", "approvals", "low is the tier approved automatically, so it needs 0 approvals")
    if medium < low or medium < 1:
        errors.add("tiers.medium", "approvals", "medium needs at least one approval, and no fewer than low")
    if high < medium:
        errors.add("tiers.high", "approvals", f"high needs fewer approvals ({high}) than medium ({medium}); it must need at least as many")
    hours = value.get("flag_escalation_hours", 24)
    minutes = value.get("publishing_lateness_minutes", 120)
    for field, number in (("flag_escalation_hours", hours), ("publishing_lateness_minutes", minutes)):
        if not isinstance(number, int) or isinstance(number, bool) or number <= 0:
            errors.add("tiers", field, f"must be a whole number above 0 (got {number!r})")
    unknown = set(value) - {"low", "medium", "high", "block", "flag_escalation_hours", "publishing_lateness_minutes"}
    for key in sorted(unknown):
        errors.add("tiers", key, "is not a tier setting")
    return requirements, hours if isinstance(hours, int) else 24, minutes if isinstance(minutes, int) else 120


def _check_names(value: Any, where: str, errors: _Collector) -> frozenset[str]:
    names = _string_list(value, where, "checks", errors, required=True)
    for name in names:
        if name not in CHECK_NAMES:
            errors.add(where, "checks", f"unknown check {name!r}: use one of {', '.join(CHECK_NAMES)}")
    return frozenset(names)


def _combine_conditions(spec: dict[str, Any], where: str, errors: _Collector) -> dict[str, Condition]:
    """Either ``checks: [a, b]`` with one ``min_severity``, or ``when: {check: {min_severity, kinds}}``."""
    conditions: dict[str, Condition] = {}
    if "when" in spec:
        when = spec["when"]
        if not isinstance(when, dict):
            errors.add(where, "when", "must map each check to {min_severity, kinds}")
            return conditions
        for name, condition in when.items():
            field = f"when.{name}"
            if name not in CHECK_NAMES:
                errors.add(where, field, f"unknown check: use one of {', '.join(CHECK_NAMES)}")
                continue
            condition = condition if condition is not None else {}
            if not isinstance(condition, dict):
                errors.add(where, field, "must be a mapping such as {min_severity: high}")
                continue
            kinds = None
            if "kinds" in condition:
                kinds = frozenset(_string_list(condition["kinds"], where, f"{field}.kinds", errors, required=True))
            severity = _severity(condition.get("min_severity"), Severity.LOW, where, f"{field}.min_severity", errors)
            conditions[name] = Condition(min_severity=severity, kinds=kinds)
        return conditions
    severity = _severity(spec.get("min_severity"), Severity.LOW, where, "min_severity", errors)
    for name in _check_names(spec.get("checks"), where, errors):
        conditions[name] = Condition(min_severity=severity)
    return conditions


def _validate_escalation(value: Any, errors: _Collector) -> tuple[tuple[CombineRule, ...], tuple[KindsRule, ...]]:
    value = value if value is not None else {}
    if not isinstance(value, dict):
        errors.add("escalation", "escalation", "must be a mapping with combine and quasi_identifiers lists")
        return (), ()
    for key in sorted(set(value) - {"combine", "quasi_identifiers"}):
        errors.add("escalation", key, "is not an escalation setting: use combine or quasi_identifiers")
    combine: list[CombineRule] = []
    for position, spec in enumerate(value.get("combine") or []):
        where = f"escalation.combine[{position}]" + (f" (id {spec.get('id')!r})" if isinstance(spec, dict) and spec.get("id") else "")
        if not isinstance(spec, dict):
            errors.add(where, "combine", "must be a mapping")
            continue
        conditions = _combine_conditions(spec, where, errors)
        if len(conditions) < 2:
            errors.add(where, "checks", "name at least two checks whose findings combine")
        within = spec.get("within_chars", 0)
        if not isinstance(within, int) or within < 0:
            errors.add(where, "within_chars", "must be a whole number of characters, 0 for anywhere")
            within = 0
        combine.append(
            CombineRule(
                rule_id=str(spec.get("id") or f"combine-{position}"),
                conditions=conditions,
                within_chars=within,
                raise_to=_tier(spec.get("raise_to", "high"), where, "raise_to", errors),
                message=str(spec.get("message") or ""),
            )
        )
    kinds: list[KindsRule] = []
    for position, spec in enumerate(value.get("quasi_identifiers") or []):
        where = f"escalation.quasi_identifiers[{position}]"
        if not isinstance(spec, dict):
            errors.add(where, "quasi_identifiers", "must be a mapping")
            continue
        distinct = spec.get("distinct_kinds", 3)
        if not isinstance(distinct, int) or distinct < 2:
            errors.add(where, "distinct_kinds", "must be a whole number, 2 or more")
            distinct = 3
        kinds.append(
            KindsRule(
                rule_id=str(spec.get("id") or f"quasi-{position}"),
                checks=_check_names(spec.get("checks", ["identifiers"]), where, errors),
                distinct_kinds=distinct,
                min_severity=_severity(spec.get("min_severity"), Severity.LOW, where, "min_severity", errors),
                raise_to=_tier(spec.get("raise_to", "high"), where, "raise_to", errors),
                message=str(spec.get("message") or ""),
            )
        )
    return tuple(combine), tuple(kinds)


# Check settings that turn something on or off (the rest are severities, thresholds,
# word lists and limits, each read by its check).
_SWITCHES = frozenset({"enabled", "risk_model", "risk_model_by_sentence"})
_WORD_COUNTS = frozenset({"risk_model_long_words"})


def _validate_checks(value: Any, errors: _Collector) -> dict[str, dict[str, Any]]:
    value = value if value is not None else {}
    if not isinstance(value, dict):
        errors.add("checks", "checks", "must be a mapping of check name to its settings")
        return {}
    settings: dict[str, dict[str, Any]] = {}
    for name, spec in value.items():
        if name not in CHECK_NAMES:
            errors.add("checks", name, f"unknown check: use one of {', '.join(CHECK_NAMES)}")
            continue
        spec = spec if spec is not None else {}
        if not isinstance(spec, dict):
            errors.add(f"checks.{name}", name, "must be a mapping of settings")
            continue
        for key, setting in spec.items():
            if key.endswith("severity") and not isinstance(setting, dict):
                _severity(setting, Severity.LOW, f"checks.{name}", key, errors)
            elif key in _SWITCHES and not isinstance(setting, bool):
                errors.add(f"checks.{name}", key, "must be true or false")
            elif key in _WORD_COUNTS and (isinstance(setting, bool) or not isinstance(setting, int) or setting < 0):
                errors.add(f"checks.{name}", key, f"must be a whole number of words, 0 or more, such as 25 (got {setting!r})")
            elif key.endswith("_threshold") and (
                isinstance(setting, bool) or not isinstance(setting, int | float) or not 0 <= setting <= 1
            ):
                errors.add(f"checks.{name}", key, f"must be a probability from 0 to 1, such as 0.9 (got {setting!r})")
        settings[name] = dict(spec)
    return settings


def _validate_examples(value: Any, errors: _Collector) -> None:
    if value is None:
        return
    if not isinstance(value, list):
        errors.add("examples", "examples", "must be a list of {text, tier}")
        return
    for position, example in enumerate(value):
        where = f"examples[{position}]" + (f" (id {example.get('id')!r})" if isinstance(example, dict) and example.get("id") else "")
        if not isinstance(example, dict):
            errors.add(where, "example", "must be a mapping with text and tier")
            continue
        if not isinstance(example.get("text"), str) or not example["text"].strip():
            errors.add(where, "text", "an example needs the text of a post")
        _tier(example.get("tier"), where, "tier", errors)


def content_hash(document: dict[str, Any]) -> str:
    """A stable hash of a document's content (key order does not matter)."""
    encoded = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def validate_document(document: Any, *, version: int | None = None) -> CompiledPolicy:
    """Check a policy document and compile it; raise one PolicyError listing every problem."""
    errors = _Collector()
    if not isinstance(document, dict):
        raise PolicyError([PolicyProblem("policy", "document", "a policy must be a mapping (a JSON object)")])
    for key in sorted(set(document) - TOP_LEVEL_KEYS):
        errors.add("policy", key, "is not a policy field")
    if document.get("schema", SCHEMA_VERSION) != SCHEMA_VERSION:
        errors.add("policy", "schema", f"this version of Countersign reads schema {SCHEMA_VERSION}")
    timezone = document.get("timezone") or ""
    if timezone:
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(str(timezone))
        except (ValueError, KeyError, OSError):
            errors.add("policy", "timezone", f"{timezone!r} is not a time zone such as Europe/London")
            timezone = ""
    tiers, hours, minutes = _validate_tiers(document.get("tiers"), errors)
    combine, kinds = _validate_escalation(document.get("escalation"), errors)
    settings = _validate_checks(document.get("checks"), errors)
    partners = _handles(document.get("partners"), "policy", "partners", errors)
    rules_value = document.get("rules") or []
    builder = _RuleBuilder(errors)
    if not isinstance(rules_value, list):
        errors.add("policy", "rules", "must be a list of rules")
        rules_value = []
    seen_ids: set[str] = set()
    for position, rule in enumerate(rules_value):
        builder.add(position, rule, seen_ids)
    _validate_examples(document.get("examples"), errors)
    if errors.problems:
        raise PolicyError(errors.problems)
    return CompiledPolicy(
        content_hash=content_hash(document),
        kind=str(document.get("kind") or ""),
        name=str(document.get("name") or ""),
        timezone=str(timezone),
        tiers=tiers,
        flag_escalation_hours=hours,
        publishing_lateness_minutes=minutes,
        combine=combine,
        kinds=kinds,
        check_settings=settings,
        partners=partners,
        lexicon=LexiconIndex(rules=tuple(builder.lexicon_rules), extra_terms=builder.window_topics),
        patterns=PatternSet.build(builder.patterns),
        domains=tuple(builder.domains),
        handles=tuple(builder.handles),
        windows=tuple(builder.windows),
        rule_count=len(rules_value),
        document=document,
        version=version,
    )


_CACHE_SIZE = 64
_cache: OrderedDict[str, CompiledPolicy] = OrderedDict()
_cache_lock = Lock()


def compile_policy(document: dict[str, Any], *, version: int | None = None) -> CompiledPolicy:
    """Compile a document once per content: later calls with the same content are a lookup.

    Versions are immutable once active, so the content hash is a safe cache key; a few
    dozen compiled policies are kept (least recently used dropped).
    """
    key = content_hash(document)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached.with_version(version)
    compiled = validate_document(document, version=version)
    with _cache_lock:
        _cache[key] = compiled
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return compiled
