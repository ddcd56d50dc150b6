from __future__ import annotations

import pytest

from policies.checks.mentions import looks_like_organisation
from policies.engine import assess

from .policy_documents import ACCOUNT, NOON, policy

PARTNERS = ["@GlosPolice", "@NHSuk"]


def mentions(text, *rules, **extra):
    extra.setdefault("partners", PARTNERS)
    result = assess(text, account=ACCOUNT, policy=policy(*rules, **extra), at=NOON)
    return [(f.code, f.severity.label, text[f.start : f.end]) for f in result.findings if f.check == "mentions"]


def test_partners_and_the_account_itself_are_fine_in_any_case():
    assert mentions("Thanks @glospolice and @NHSUK, from all of us at @StroudDC") == []


def test_unknown_handle_is_flagged_with_the_policy_severity():
    assert mentions("Thanks @sarah_j84!") == [("unknown_handle", "low", "@sarah_j84")]
    assert mentions("Thanks @sarah_j84!", checks={"mentions": {"unknown_severity": "medium"}})[0][1] == "medium"


def test_blocked_handle_uses_its_rule():
    rule = {"id": "rivals", "kind": "handle", "block": ["@RivalBank"], "severity": "high"}
    assert mentions("Unlike @rivalbank, we answer.", rule) == [("blocked_handle", "high", "@rivalbank")]


def test_fediverse_and_bluesky_handles_are_kept_whole_and_emails_ignored():
    found = mentions("Hi @ann@mastodon.social and @bob.bsky.social, mail x@y.com or @GlosPolice@police.social")
    assert found == [("unknown_handle", "low", "@ann@mastodon.social"), ("unknown_handle", "low", "@bob.bsky.social")]


def test_a_reply_to_people_who_wrote_in_public_is_told_apart_from_a_tag():
    extra = {"checks": {"mentions": {"unknown_severity": "medium", "reply_severity": "low"}}}
    assert mentions("@jen_s @bob thanks, please DM us", **extra) == [
        ("reply_to_unknown_handle", "low", "@jen_s"),
        ("reply_to_unknown_handle", "low", "@bob"),
    ]
    assert mentions("Congratulations to @jen_s today!", **extra) == [("unknown_handle", "medium", "@jen_s")]


def test_an_unlisted_organisation_handle_is_only_worth_a_look():
    assert looks_like_organisation("@StRichardsHospice")
    assert looks_like_organisation("@MindCymru")
    assert looks_like_organisation("@SAS")
    assert not looks_like_organisation("@jbrennan74")
    assert not looks_like_organisation("@tash_loves_tea")
    assert not looks_like_organisation("@JoBloggs")


@pytest.mark.parametrize("handle", ["@ClevedonHomes", "@Space4Kids", "@MindinCardiff", "@AvonMortgageCo"])
def test_more_organisation_handles_are_recognised(handle: str) -> None:
    assert looks_like_organisation(handle)


@pytest.mark.parametrize("handle", ["@KateS1990", "@TomCo", "@SarahHomes", "@JoBloggs", "@dan_se6"])
def test_peoples_handles_are_not_organisations(handle: str) -> None:
    assert not looks_like_organisation(handle)
