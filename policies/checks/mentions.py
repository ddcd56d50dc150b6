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


# Words that mark a handle as an organisation's: "@StRichardsHospice", "@MindCymru".
_ORG_PARTS = (
    "trust", "charity", "hospice", "centre", "center", "council", "nhs", "police", "fc", "club",
    "foundation", "society", "association", "network", "group", "uk", "ni", "cymru", "scot",
    "wales", "mind", "aid", "care", "hub", "project", "library", "museum", "school", "college",
    "uni", "hospital", "news", "radio", "tv", "official", "hq", "org", "team", "appeal",
    "bank", "law", "legal", "gov", "cic", "ltd", "shop", "store", "cafe", "kitchen",
    "homes", "housing", "co", "health", "services", "solicitors", "lettings", "estates",
    "mortgages", "finance", "partnership", "alliance", "collective", "festival", "theatre",
)
_WEAK_ORG_PARTS = frozenset({"co", "homes", "health", "services", "estates", "lettings", "finance"})
# "@MindinSalford": an organisation's word run into "in"/"of"/"for" and a place.
_ORG_JOINED = regex.compile(r"^(?:" + "|".join(p for p in _ORG_PARTS if len(p) >= 4) + r"|mind|age)(?:in|of|for)$")
_CAMEL = regex.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+")


def looks_like_organisation(raw: str) -> bool:
    """"@LawCentreNI", "@StRichardsHospice", "@SAS": a body's handle, not a person's.

    Organisations write their handles in capitals or CamelCase of several words, or with
    a word such as Trust, Centre, Cymru; people's handles are mostly lower case with
    digits and underscores (@jbrennan74, @tash_loves_tea). A CamelCase first name and
    surname (@JoBloggs) still reads as a person.
    """
    handle = raw.lstrip("@").split("@", 1)[0]
    # People add digits at the end (@KateS1990); "@Place2Be" has one inside a name.
    if "_" in handle or handle[-1:].isdigit():
        return False
    if not any(c.isupper() for c in handle):
        # "@sheffieldmind", "@highlandcouncil": a body's word closing a run-together
        # handle. People's lower-case handles rarely end in "council" or "hospice".
        lowered = handle.lower()
        return not any(c.isdigit() for c in lowered) and any(
            lowered.endswith(p) and len(lowered) > len(p) + 2 and lowered[: -len(p)] not in _first_names()
            for p in _ORG_SUFFIXES)
    raw_parts = _CAMEL.findall(handle)
    parts = [p.lower() for p in raw_parts]
    if len(parts) == 2 and parts[0] not in _first_names() and (
            any(p.isupper() and 2 <= len(p) <= 4 for p in raw_parts) or any(p in _places() for p in parts)):
        # "@CASheffield", "@DerbyshireLC", "@SussexRecovery": an acronym or a county
        # beside another word is a body's handle; "@JoBK" (a first name) is not.
        return True
    if len(parts) == 2 and parts[1] in _WEAK_ORG_PARTS and parts[0] in _first_names():
        return False  # "@TomCo", "@SarahHomes" may well be a person's
    if any(p in _ORG_PARTS or _ORG_JOINED.match(p) for p in parts):
        return True
    if any(c.isdigit() for c in handle):
        return len(parts) >= 3 and parts[0] not in _first_names()
    if handle.isupper():
        return 2 <= len(handle) <= 6
    if len(parts) == 2 and parts[0] in _first_names():
        return False
    return len(parts) >= 3


_ORG_SUFFIXES = tuple(p for p in _ORG_PARTS if len(p) >= 4 and p not in _WEAK_ORG_PARTS) + ("mind", "council")


def _places() -> frozenset[str]:
    from policies.recognisers.gazetteers import places_lexicon  # noqa: F401
    from policies.recognisers.lexicon import fold, read_terms

    global _PLACE_WORDS
    if _PLACE_WORDS is None:
        _PLACE_WORDS = frozenset(fold(t) for t in read_terms("places.txt") if " " not in t)
    return _PLACE_WORDS


_PLACE_WORDS: frozenset[str] | None = None


_PAIRED_AFTER = regex.compile(r"\s*(?:,|&|and)\s*(@[A-Za-z0-9_]{2,50})")
_PAIRED_BEFORE = regex.compile(r"(@[A-Za-z0-9_]{2,50})\s*(?:,|&|and)\s*$")


def _paired_with_organisation(text: str, start: int, end: int) -> bool:
    """"@SandsUK and @tommys have resources", "Thank you @crofting_comm and @highlandcouncil":
    a handle listed alongside a body's handle is another partner (not one with digits,
    which people add to their own handles)."""
    if any(c.isdigit() for c in text[start:end]):
        return False
    after = _PAIRED_AFTER.match(text, end)
    before = _PAIRED_BEFORE.search(text[max(0, start - 60) : start])
    return any(m and looks_like_organisation(m.group(1)) for m in (after, before))


def _first_names() -> frozenset[str]:
    from policies.recognisers.gazetteers import first_names

    return first_names()


def _known(handle: str, known: frozenset[str]) -> bool:
    # "@nhsengland@mastodon.social" is the partner "nhsengland" on another server
    return handle in known or handle.split("@", 1)[0] in known


def run(ctx: CheckContext) -> list[Finding]:
    """Flag mentions of handles that are blocked, or not on the partner list.

    Settings: ``unknown_severity`` for a handle tagged in the body of a post (default
    "low": visible, but it does not stop auto-approval on its own; the identifiers
    check decides whether a mentioned private person is identifiable), and
    ``reply_severity`` for the handles a post opens with, i.e. a reply to people who
    wrote to the organisation in public (default "low").
    """
    rules: tuple[HandleRule, ...] = tuple(
        rule for rule in getattr(ctx.policy, "handles", ()) if rule_applies(rule.accounts, rule.networks, ctx)
    )
    partners: frozenset[str] = getattr(ctx.policy, "partners", frozenset())
    own = normalise_handle(ctx.account.handle) if ctx.account and ctx.account.handle else ""
    known = partners.union(*(rule.allow for rule in rules)) | ({own} if own else set())
    unknown_severity = Severity.parse(ctx.settings.get("unknown_severity", "low"))
    reply_severity = Severity.parse(ctx.settings.get("reply_severity", "low"))
    findings: list[Finding] = []
    replying = True  # handles before the first word are the people being replied to
    position = 0
    for start, end, handle in find_handles(ctx.text):
        if ctx.text[position:start].strip():
            replying = False
        position = end
        blocking = [rule for rule in rules if _known(handle, rule.block)]
        for rule in blocking:
            message = rule.message or f"@{handle} is on this organisation's list of accounts not to mention."
            findings.append(Finding("mentions", "blocked_handle", start, end, rule.severity, message, rule=rule.rule_id))
        if blocking or _known(handle, known):
            continue
        if replying:
            findings.append(
                Finding(
                    "mentions",
                    "reply_to_unknown_handle",
                    start,
                    end,
                    reply_severity,
                    f"This is a public reply to @{handle}: say nothing about their account, case or "
                    "circumstances here, and offer a private message instead.",
                )
            )
            continue
        # A partner organisation missing from the list is worth a look, not a review.
        organisation = looks_like_organisation(ctx.text[start:end]) or _paired_with_organisation(ctx.text, start, end)
        findings.append(
            Finding(
                "mentions",
                "unknown_handle",
                start,
                end,
                min(unknown_severity, Severity.LOW) if organisation else unknown_severity,
                f"@{handle} is not on the list of partners and public bodies. Tagging a person "
                "shows them, and everyone who follows them, this post.",
            )
        )
    return findings
