from __future__ import annotations

import pytest

from policies.checks.base import AccountContext
from policies.checks.length import count
from policies.engine import assess

from .policy_documents import NOON, policy


def test_x_counts_every_link_as_23_whatever_its_length():
    assert count("https://www.stroud.gov.uk/" + "a" * 200, "x") == 23
    assert count("see bit.ly/x", "x") == 4 + 23


def test_x_counts_emoji_and_cjk_as_two():
    assert count("👨\u200d👩\u200d👧", "x") == 2
    assert count("中文", "x") == 4
    assert count("é", "x") == 1


def test_bluesky_counts_graphemes():
    assert count("👨\u200d👩\u200d👧 e\u0301", "bluesky") == 3


def test_mastodon_counts_links_as_23_and_remote_mentions_by_username():
    assert count("@ann@mastodon.social https://example.org/" + "x" * 100, "mastodon") == 4 + 1 + 23


@pytest.mark.parametrize(
    ("network", "fits", "too_long"),
    [("x", 280, 281), ("bluesky", 300, 301), ("mastodon", 500, 501), ("linkedin", 3000, 3001), ("instagram", 2200, 2201), ("facebook", 63206, 63207)],
)
def test_each_network_blocks_a_post_over_its_limit(network, fits, too_long):
    account = AccountContext(network=network, handle="@us")
    assert assess("a" * fits, account=account, policy=policy(), at=NOON).findings == ()
    result = assess("a" * too_long, account=account, policy=policy(), at=NOON)
    [finding] = result.findings
    assert (finding.code, result.tier.value) == ("too_long", "block")
    assert (finding.start, finding.end) == (fits, too_long)  # the overflow is highlighted


def test_other_network_has_no_limit():
    assert assess("a" * 100_000, account=AccountContext(network="other", handle="@us"), policy=policy(), at=NOON).findings == ()


def test_x_post_with_long_links_fits_when_weighted_count_does():
    text = "Read more: " + " ".join(f"https://example.org/{'p' * 80}/{n}" for n in range(10))
    assert len(text) > 280
    assert assess(text, account=AccountContext(network="x", handle="@us"), policy=policy(), at=NOON).findings == ()
