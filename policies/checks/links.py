"""Links check: blocked and allowed domains, and link shorteners.

A shortened link hides where it goes, from the reader and from this check, so it is
flagged (MEDIUM by default: a colleague should open it). Domains come from the policy's
``domain`` rules: ``block`` lists domains never to link to, ``allow`` lists trusted ones.
When any allow list exists, links elsewhere get ``unlisted_severity`` (INFO by default).
A domain matches itself and its sub-domains ("gov.uk" covers "www.gloucester.gov.uk").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from policies.checks.base import CheckContext, Finding, Severity
from policies.checks.lexicon import rule_applies

SHORTENERS = frozenset(
    """bit.ly t.co tinyurl.com ow.ly goo.gl buff.ly is.gd rebrand.ly cutt.ly shorturl.at
    tiny.cc lnkd.in dlvr.it rb.gy t.ly s.id bl.ink dub.sh surl.li v.gd qrco.de shor.by
    tiny.one fb.me youtu.be amzn.to trib.al spr.ly hubs.ly j.mp x.co po.st mcaf.ee
    """.split()
)

# Top-level domains accepted for links written without "http" or "www." ("gov.uk/bins").
_BARE_TLDS = (
    "com|org|net|uk|io|co|gov|info|biz|me|ly|gl|gd|at|cc|ai|app|eu|ie|us|de|fr|in|tv|"
    "news|scot|wales|cymru|london|nhs|police|sh|id|li|gy|to|be|ink|de|nl|es|it|ca|au|nz|"
    "online|site|shop|store|page|link|xyz|ac|edu|int|mil|ngo|charity|bank|law|health"
)

LINK = regex.compile(
    r"(?<![@\w.\-])"
    r"(?:(?:https?://)(?P<host>(?:[\w\-]+\.)+[\w\-]{2,63})"
    r"|(?:www\.)(?P<www>(?:[\w\-]+\.)+[a-z]{2,63})"
    rf"|(?P<bare>(?:[a-z0-9][a-z0-9\-]{{0,62}}\.)+(?:{_BARE_TLDS}))(?![\w\-]))"
    r"(?::\d{1,5})?(?:[/?#][^\s<>\"]*)?",
    regex.IGNORECASE,
)


# Every match of LINK has a dot between two word characters or hyphens (same module and
# flags, so the same idea of a word character): a text without one has no link.
_DOTTED = regex.compile(r"[\w\-]\.[\w\-]", regex.IGNORECASE)


def find_links(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, host) for every link-looking thing in ``text``."""
    return iter(_links_in(text))


@functools.lru_cache(maxsize=16)
def _links_in(text: str) -> tuple[tuple[int, int, str], ...]:
    # One draft is read for links by the links check, by the length check (X counts a
    # link as 23) and by the composer's character count: scanned once, remembered.
    if _DOTTED.search(text) is None:
        return ()
    found = []
    for match in LINK.finditer(text):
        host = match.group("host") or match.group("www") or match.group("bare") or ""
        end = match.end()
        # a sentence's full stop or closing bracket is not part of the link
        while end > match.start() and text[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        found.append((match.start(), end, host.lower().strip(".")))
    return tuple(found)


def domain_matches(host: str, domains: frozenset[str]) -> str | None:
    """The entry of ``domains`` that ``host`` is, or is a sub-domain of."""
    host = host.removeprefix("www.")
    parts = host.split(".")
    for index in range(len(parts) - 1):
        candidate = ".".join(parts[index:])
        if candidate in domains:
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class DomainRule:
    """A compiled ``domain`` rule."""

    rule_id: str
    block: frozenset[str]
    allow: frozenset[str]
    severity: Severity
    message: str
    accounts: frozenset[str] | None
    networks: frozenset[str] | None


def run(ctx: CheckContext) -> list[Finding]:
    """Flag links to blocked domains, to unlisted domains (if an allow list exists) and shorteners.

    Settings: ``shortener_severity`` (default "medium"), ``shorteners`` (extra
    shortener domains), ``unlisted_severity`` (default "info").
    """
    rules: tuple[DomainRule, ...] = tuple(
        rule for rule in getattr(ctx.policy, "domains", ()) if rule_applies(rule.accounts, rule.networks, ctx)
    )
    shorteners = SHORTENERS | frozenset(d.lower() for d in ctx.settings.get("shorteners", ()))
    shortener_severity = Severity.parse(ctx.settings.get("shortener_severity", "medium"))
    unlisted_severity = Severity.parse(ctx.settings.get("unlisted_severity", "info"))
    allowed = frozenset().union(*(rule.allow for rule in rules)) if rules else frozenset()
    findings: list[Finding] = []
    for start, end, host in find_links(ctx.text):
        blocked = False
        for rule in rules:
            hit = domain_matches(host, rule.block)
            if hit:
                blocked = True
                message = rule.message or f"Links to {hit} are not allowed by this organisation's policy."
                findings.append(Finding("links", "blocked_domain", start, end, rule.severity, message, rule=rule.rule_id))
        if blocked:
            continue
        if domain_matches(host, shorteners):
            findings.append(
                Finding(
                    "links",
                    "link_shortener",
                    start,
                    end,
                    shortener_severity,
                    f"{host} is a link shortener: readers (and reviewers) cannot see where it goes. "
                    "Use the full link.",
                )
            )
        elif allowed and not domain_matches(host, allowed):
            findings.append(
                Finding(
                    "links",
                    "unlisted_domain",
                    start,
                    end,
                    unlisted_severity,
                    f"{host} is not on this organisation's list of trusted sites; check the link is right.",
                )
            )
    return findings
