from __future__ import annotations

from policies.engine import assess

from .policy_documents import ACCOUNT, NOON, policy

DOMAINS = {"id": "sites", "kind": "domain", "block": ["change.org"], "allow": ["gov.uk", "nhs.uk"], "severity": "high"}


def checked(text, *rules, **extra):
    return [(f.code, f.severity.label, text[f.start : f.end]) for f in assess(text, account=ACCOUNT, policy=policy(*rules, **extra), at=NOON).findings if f.check == "links"]


def test_blocked_domain_and_its_subdomains_are_flagged():
    assert checked("Sign https://www.change.org/p/x today", DOMAINS) == [("blocked_domain", "high", "https://www.change.org/p/x")]
    assert checked("see uk.change.org/p/x.", DOMAINS) == [("blocked_domain", "high", "uk.change.org/p/x")]


def test_allowed_domains_pass_and_unlisted_ones_are_only_noted():
    assert checked("Details at www.stroud.gov.uk/bins.", DOMAINS) == []
    assert checked("Details at example.com/bins", DOMAINS) == [("unlisted_domain", "info", "example.com/bins")]


def test_link_shorteners_are_flagged_medium_by_default():
    assert checked("Sign up: bit.ly/3xYz") == [("link_shortener", "medium", "bit.ly/3xYz")]


def test_shortener_severity_comes_from_the_policy():
    assert checked("Sign up: https://tinyurl.com/abc", checks={"links": {"shortener_severity": "high"}})[0][1] == "high"


def test_email_addresses_and_abbreviations_are_not_links():
    assert checked("Email hello@stroud.gov.uk, e.g. about bins. Mr.Smith agrees.", DOMAINS) == []
