"""Pattern check: regular expressions written by the organisation's admins.

An admin's pattern runs on every draft, so a careless one must not be able to hang the
server. Two defences: :func:`pattern_problems` rejects, when the policy is saved, the
shapes that backtrack catastrophically (a repeated group that itself contains an
unbounded repeat, such as ``(a+)+`` or ``(\\w+\\s?)*``; back-references), and at run
time every match runs under the ``regex`` module's timeout. A pattern that still times
out produces a finding for a person to look at, rather than the draft slipping through.

The timeout is wall-clock time, which a busy server stretches: a pattern that times out
is run once more with ``RETRY_FACTOR`` times the budget before it is reported (a
pattern that backtracks catastrophically takes far longer than that). And a timeout is
never BLOCK, whatever the rule's severity: the author could change nothing to get past
it. It asks for a person (MEDIUM, or HIGH for a rule of HIGH or BLOCK) instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policies.checks.base import CheckContext, Finding, Severity
from policies.checks.lexicon import rule_applies

MAX_PATTERN_LENGTH = 1000
DEFAULT_TIMEOUT_SECONDS = 0.05
RETRY_FACTOR = 4

_FLAG_LETTERS = {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}


def flags_value(flags: str) -> int:
    value = regex.V0
    for letter in flags:
        value |= _FLAG_LETTERS[letter]
    return value


def _nested_unbounded_repeat(pattern: str) -> bool:
    """True when a group containing an unbounded repeat is itself repeated unboundedly.

    A small scanner rather than a full parser: it skips escapes and character classes
    and tracks, per open group, whether an unbounded quantifier (``*``, ``+``, ``{n,}``)
    occurred inside it.
    """
    stack: list[bool] = []
    index = 0
    length = len(pattern)

    def unbounded_quantifier_at(position: int) -> int:
        """Length of an unbounded quantifier starting at ``position`` (0 if none)."""
        if position >= length:
            return 0
        char = pattern[position]
        if char in "*+":
            return 1
        if char == "{":
            close = pattern.find("}", position)
            if close != -1:
                body = pattern[position + 1 : close]
                if regex.fullmatch(r"\d*,", body):
                    return close - position + 1
        return 0

    while index < length:
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index += 1
            if index < length and pattern[index] == "^":
                index += 1
            if index < length and pattern[index] == "]":
                index += 1
            while index < length and pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
            index += 1
            quantifier = unbounded_quantifier_at(index)
            if quantifier and stack:
                stack[-1] = True
            continue
        if char == "(":
            stack.append(False)
            index += 1
            continue
        if char == ")":
            inner = stack.pop() if stack else False
            index += 1
            quantifier = unbounded_quantifier_at(index)
            if quantifier and inner:
                # (x+)++ is possessive and safe; (x+)+ is not
                after = index + quantifier
                if not (after < length and pattern[after] == "+"):
                    return True
            if stack and (inner or quantifier):
                stack[-1] = True
            continue
        if unbounded_quantifier_at(index) and stack:
            stack[-1] = True
        index += 1
    return False


def pattern_problems(pattern: object, flags: object = "") -> list[str]:
    """What is wrong with an admin's pattern, in plain words (empty when it is fine)."""
    if not isinstance(pattern, str) or not pattern.strip():
        return ["the pattern is empty"]
    if len(pattern) > MAX_PATTERN_LENGTH:
        return [f"the pattern is longer than {MAX_PATTERN_LENGTH} characters"]
    if not isinstance(flags, str) or any(letter not in _FLAG_LETTERS for letter in flags):
        return ["flags may only use the letters i, m, s and x"]
    try:
        compiled = regex.compile(pattern, flags_value(flags))
    except regex.error as error:
        return [f"not a valid regular expression: {error}"]
    problems = []
    if regex.search(r"\\[1-9]|\(\?P=|\\g<|\\k<", pattern):
        problems.append("back-references are not allowed: they can make matching very slow")
    if _nested_unbounded_repeat(pattern):
        problems.append(
            "a repeated group contains another unbounded repeat, as in (a+)+; this can take "
            "exponential time on some text, so write it without the nesting"
        )
    if compiled.search("") is not None:
        problems.append("the pattern matches empty text, so it would fire on every post")
    return problems


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A compiled pattern rule."""

    rule_id: str
    compiled: regex.Pattern
    severity: Severity
    message: str
    accounts: frozenset[str] | None
    networks: frozenset[str] | None


def compile_pattern(pattern: str, flags: str = "") -> regex.Pattern:
    return regex.compile(pattern, flags_value(flags))


@dataclass(frozen=True, slots=True)
class PatternSet:
    """The policy's patterns plus one combined pattern that screens a draft in one pass.

    Most drafts match no admin pattern; one search over the alternation of all of them
    says so at the cost of a single scan, so 50 patterns cost little more than 5. Only
    when it finds something do the patterns run one by one (for spans and rule ids).
    """

    rules: tuple[PatternRule, ...]
    screen: regex.Pattern | None

    @classmethod
    def build(cls, rules: list[tuple[PatternRule, str, str]]) -> PatternSet:
        """``rules``: (compiled rule, pattern text, flags) triples."""
        screen = None
        if len(rules) > 1:
            branches = [f"(?{flags}:{text})" if flags else f"(?:{text})" for _rule, text, flags in rules]
            try:
                screen = regex.compile("|".join(branches), regex.V0)
            except regex.error:
                screen = None  # e.g. a group name reused with another meaning; run them one by one
        return cls(rules=tuple(rule for rule, _text, _flags in rules), screen=screen)


def run(ctx: CheckContext) -> list[Finding]:
    """Report every match of every admin-written pattern that applies to this account.

    Reads ``ctx.policy.patterns``; ``ctx.settings["timeout_ms"]`` bounds each pattern.
    """
    pattern_set: PatternSet | None = getattr(ctx.policy, "patterns", None)
    if not pattern_set or not pattern_set.rules:
        return []
    timeout = float(ctx.settings.get("timeout_ms", DEFAULT_TIMEOUT_SECONDS * 1000)) / 1000
    if pattern_set.screen is not None:
        try:
            if pattern_set.screen.search(ctx.text, timeout=timeout) is None:
                return []
        except TimeoutError:
            pass  # fall through: each pattern runs under its own timeout below
    findings: list[Finding] = []
    for rule in pattern_set.rules:
        if not rule_applies(rule.accounts, rule.networks, ctx):
            continue
        try:
            try:
                matches = list(rule.compiled.finditer(ctx.text, timeout=timeout))
            except TimeoutError:  # a busy machine, or a slow pattern: one longer try
                matches = list(rule.compiled.finditer(ctx.text, timeout=timeout * RETRY_FACTOR))
        except TimeoutError:
            findings.append(
                Finding(
                    "pattern",
                    "pattern_timeout",
                    0,
                    0,
                    min(max(rule.severity, Severity.MEDIUM), Severity.HIGH),
                    f"The rule {rule.rule_id} took too long on this text, so a person should check it.",
                    rule=rule.rule_id,
                )
            )
            continue
        for match in matches:
            if match.end() == match.start():
                continue
            message = rule.message or f"\u201c{match.group(0)}\u201d matches the rule {rule.rule_id}."
            findings.append(
                Finding("pattern", "pattern_match", match.start(), match.end(), rule.severity, message, rule=rule.rule_id)
            )
    return findings
