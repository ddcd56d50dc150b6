"""Lexicon check: banned phrases, and phrases required when a topic comes up.

All the terms of every lexicon rule of a policy go into ONE Aho-Corasick automaton, built
once when the policy is compiled, so a draft is scanned in a single pass however many
hundreds of terms the policy has. Matching is case-insensitive, treats runs of spaces,
hyphens and underscores as one space, and respects word boundaries: "ad" does not match
inside "advice", while a term that starts or ends with a symbol ("#ad") only needs a
boundary on its word side.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import ahocorasick

from policies.checks.base import CheckContext, Finding, Severity

_SPACE = " "
_OTHER_SEPARATORS = "\t\n\r\f\v\u00a0-_\u2010\u2011\u2012\u2013\u2014"
_SEPARATOR_RUN = re.compile(f"[{re.escape(_SPACE + _OTHER_SEPARATORS)}]+")
# A separator other than a plain space, or two in a row: the text needs folding.
_NEEDS_FOLDING = re.compile(f"[{re.escape(_OTHER_SEPARATORS)}]|  ")


@functools.lru_cache(maxsize=8)
def match_form(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Lower-case ``text`` and fold separator runs to one space.

    Returns the folded text and, when its length differs from ``text``, a tuple mapping
    each folded position to its position in ``text`` (plus one entry for the end).
    Remembered for the last few texts: the lexicon and windows checks both read a draft.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lower-cases to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not _NEEDS_FOLDING.search(lowered):
        return lowered, None
    out: list[str] = []
    positions: list[int] = []
    done = 0
    for run in _SEPARATOR_RUN.finditer(lowered):
        start, end = run.span()
        out.append(lowered[done:start])
        positions.extend(range(done, start))
        out.append(" ")  # the run becomes one space, at the run's first character
        positions.append(start)
        done = end
    out.append(lowered[done:])
    positions.extend(range(done, len(lowered)))
    positions.append(len(text))
    return "".join(out), tuple(positions)


def term_key(term: str) -> str:
    """The form a term is stored under: the same folding as the text, trimmed."""
    return match_form(term.strip())[0].strip()


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class LexiconRule:
    """A compiled banned_phrase or required_phrase rule."""

    rule_id: str
    kind: str  # "banned_phrase" | "required_phrase"
    severity: Severity
    message: str
    accounts: frozenset[str] | None  # None: every account
    networks: frozenset[str] | None
    terms: tuple[str, ...] = ()  # banned terms
    when: tuple[str, ...] = ()  # required_phrase: topics that make the requirement apply
    require: tuple[str, ...] = ()  # required_phrase: any one of these satisfies it


@dataclass(slots=True)
class LexiconIndex:
    """One automaton over every term of every lexicon rule (and any other term users)."""

    rules: tuple[LexiconRule, ...]
    extra_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _automaton: object = None

    def __post_init__(self) -> None:
        # payloads: key -> list of (owner, role) where owner is a rule id or extra group
        payloads: dict[str, list[tuple[str, str]]] = {}
        for rule in self.rules:
            for role, terms in (("banned", rule.terms), ("when", rule.when), ("require", rule.require)):
                for term in terms:
                    payloads.setdefault(term_key(term), []).append((rule.rule_id, role))
        for group, terms in self.extra_terms.items():
            for term in terms:
                payloads.setdefault(term_key(term), []).append((group, "extra"))
        automaton = ahocorasick.Automaton()
        for key, owners in payloads.items():
            if key:
                automaton.add_word(key, (len(key), tuple(owners)))
        if len(automaton):
            automaton.make_automaton()
            self._automaton = automaton

    def matches(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """Yield (start, end, owner, role) for every whole-word term in ``text``."""
        if self._automaton is None or not text:
            return
        folded, positions = match_form(text)
        for last, (length, owners) in self._automaton.iter(folded):  # type: ignore[attr-defined]
            start = last - length + 1
            end = last + 1
            first_char, last_char = folded[start], folded[last]
            if _is_word_char(first_char) and start > 0 and _is_word_char(folded[start - 1]):
                continue
            if _is_word_char(last_char) and end < len(folded) and _is_word_char(folded[end]):
                continue
            if positions is not None:
                start, end = positions[start], positions[end - 1] + 1
            for owner, role in owners:
                yield start, end, owner, role


def rule_applies(accounts: frozenset[str] | None, networks: frozenset[str] | None, ctx: CheckContext) -> bool:
    """Whether a rule scoped to some accounts or networks applies to this draft."""
    account = ctx.account
    if accounts is not None:
        handle = (account.handle if account else "").lower().lstrip("@")
        if handle not in accounts:
            return False
    if networks is not None:
        network = (account.network if account else "").lower()
        if network not in networks:
            return False
    return True


def _quote(text: str, start: int, end: int) -> str:
    return text[start:end]


def run(ctx: CheckContext) -> list[Finding]:
    """Find banned phrases, and topics that appear without their required phrase.

    Reads the compiled lexicon from ``ctx.policy.lexicon``; a policy without lexicon
    rules yields nothing.
    """
    index: LexiconIndex | None = getattr(ctx.policy, "lexicon", None)
    if index is None or not index.rules:
        return []
    by_id = {rule.rule_id: rule for rule in index.rules}
    findings: list[Finding] = []
    when_seen: dict[str, tuple[int, int]] = {}
    required_seen: set[str] = set()
    for start, end, owner, role in index.matches(ctx.text):
        rule = by_id.get(owner)
        if rule is None or not rule_applies(rule.accounts, rule.networks, ctx):
            continue
        if role == "banned":
            phrase = _quote(ctx.text, start, end)
            message = rule.message or (
                f"\u201c{phrase}\u201d is on this organisation's list of phrases not to use."
            )
            findings.append(
                Finding("lexicon", "banned_phrase", start, end, rule.severity, message, rule=rule.rule_id)
            )
        elif role == "when":
            when_seen.setdefault(rule.rule_id, (start, end))
        elif role == "require":
            required_seen.add(rule.rule_id)
    for rule in index.rules:
        if rule.kind != "required_phrase" or rule.rule_id in required_seen:
            continue
        if not rule_applies(rule.accounts, rule.networks, ctx):
            continue
        if rule.when:
            if rule.rule_id not in when_seen:
                continue
            start, end = when_seen[rule.rule_id]
        else:
            start = end = 0
        needed = " or ".join(f"\u201c{term}\u201d" for term in rule.require)
        message = rule.message or f"This post needs {needed}."
        findings.append(
            Finding("lexicon", "missing_required_phrase", start, end, rule.severity, message, rule=rule.rule_id)
        )
    return findings

