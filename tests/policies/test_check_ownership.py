from __future__ import annotations

from policies.engine import assess

from .policy_documents import ACCOUNT, NOON, policy


def test_owner_and_posters_may_post():
    for author in (1, 2):
        assert assess("Hello", account=ACCOUNT, policy=policy(), at=NOON, author_id=author).tier.value == "low"


def test_anyone_else_is_blocked_and_told_who_to_ask():
    result = assess("Hello", account=ACCOUNT, policy=policy(), at=NOON, author_id=99)
    [finding] = result.findings
    assert result.tier.value == "block"
    assert finding.check == "ownership"
    assert "Carol Lead" in finding.message and "@StroudDC" in finding.message


def test_no_author_means_nothing_to_check():
    assert assess("Hello", account=ACCOUNT, policy=policy(), at=NOON).findings == ()
