"""Each network adapter against a local server that answers as the network documents:
success, 401, 429 with Retry-After, 5xx, a rejected text, and "accepted the post, then
timed out" (after which ``find`` must see the post, so a retry does not repeat it)."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import pytest

from posts.publishing import ADAPTERS
from posts.publishing.base import (
    Credentials,
    NoAnswer,
    Outgoing,
    RateLimited,
    Rejected,
    Unauthorized,
    Unavailable,
)
from posts.publishing.bluesky import record_key
from posts.publishing.linkedin import escape_commentary
from tests.posts.conftest import CREDENTIALS

NETWORKS = ["mastodon", "bluesky", "x", "linkedin", "facebook"]
TEXT = "Bin collections move to Saturday this week (bank holiday) — details at stroud.gov.uk #bins"


def adapter(name, network, **override):
    details = CREDENTIALS[name] | override
    return ADAPTERS[name](Credentials(base_url=network.url, identifier=details["identifier"], secret=details["secret"]))


def outgoing(text=TEXT):
    return Outgoing(text=text, key=str(uuid.uuid4()), created_at=datetime.now(UTC))


@pytest.mark.parametrize("name", NETWORKS)
def test_publish_sends_one_post_and_returns_its_link(name, network):
    with adapter(name, network) as a:
        published = a.publish(outgoing())
    assert network.received(name) == 1
    assert network.posts[0]["text"] == TEXT
    assert published.url.startswith("https://") and published.remote_id


@pytest.mark.parametrize("name", NETWORKS)
def test_a_401_means_the_account_needs_reconnecting(name, network):
    network.script.append("401")
    with adapter(name, network) as a, pytest.raises(Unauthorized, match="Reconnect"):
        a.publish(outgoing())
    assert network.received() == 0


@pytest.mark.parametrize("name", ["mastodon", "x", "linkedin", "facebook"])
def test_a_revoked_token_is_unauthorized_before_anything_is_posted(name, network):
    with adapter(name, network, secret="revoked") as a, pytest.raises(Unauthorized):
        a.publish(outgoing())
    assert network.received() == 0


def test_bluesky_wrong_app_password_fails_at_the_session(network):
    with adapter("bluesky", network, secret="wrong") as a, pytest.raises(Unauthorized):
        a.publish(outgoing())
    assert [r["path"] for r in network.requests] == ["/xrpc/com.atproto.server.createSession"]


@pytest.mark.parametrize("name", NETWORKS)
def test_a_429_carries_the_networks_retry_after(name, network):
    network.script.append("429:37")
    with adapter(name, network) as a, pytest.raises(RateLimited) as caught:
        a.publish(outgoing())
    assert 35 <= caught.value.retry_after <= 37
    assert network.received() == 0


@pytest.mark.parametrize("name", NETWORKS)
def test_a_5xx_is_temporary_and_may_have_arrived(name, network):
    network.script.append("500")
    with adapter(name, network) as a, pytest.raises(Unavailable) as caught:
        a.publish(outgoing())
    assert caught.value.may_have_arrived


@pytest.mark.parametrize("name", NETWORKS)
def test_a_text_the_network_rejects_is_not_retried(name, network):
    network.script.append("reject")
    with adapter(name, network) as a, pytest.raises(Rejected, match="refused the post"):
        a.publish(outgoing())


@pytest.mark.parametrize("name", NETWORKS)
def test_accepted_then_timed_out_is_no_answer_and_find_then_sees_the_post(name, network):
    network.script.append("accept_then_hang")
    sent = outgoing()
    with adapter(name, network) as a:
        with pytest.raises(NoAnswer):
            a.publish(sent)
        found = a.find(sent)
    assert found is not None and found.url.startswith("https://")
    assert network.received() == 1


@pytest.mark.parametrize("name", NETWORKS)
def test_find_does_not_mistake_another_text_for_ours(name, network):
    with adapter(name, network) as a:
        a.publish(outgoing("Something else entirely."))
        assert a.find(outgoing()) is None


def test_unreachable_network_is_unavailable_and_nothing_arrived(network):
    unreachable = ADAPTERS["x"](Credentials(base_url="http://127.0.0.1:9", identifier="", secret="t"))
    with unreachable, pytest.raises(Unavailable) as caught:
        unreachable.publish(outgoing())
    assert not caught.value.may_have_arrived


def test_mastodon_sends_the_idempotency_key(network):
    sent = outgoing()
    with adapter("mastodon", network) as a:
        a.publish(sent)
        a.publish(sent)  # a repeat with the same key is answered with the first status
    post_requests = [r for r in network.requests if r["method"] == "POST"]
    assert {r["headers"]["Idempotency-Key"] for r in post_requests} == {sent.key}
    assert network.received() == 1


def test_bluesky_record_key_is_a_valid_tid_and_the_same_for_the_same_attempt():
    sent = outgoing()
    assert re.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", record_key(sent))
    assert record_key(sent) == record_key(Outgoing(text="other", key=sent.key, created_at=sent.created_at))
    assert record_key(sent) != record_key(outgoing())


def test_bluesky_cannot_make_the_same_record_twice(network):
    sent = outgoing()
    with adapter("bluesky", network) as a:
        a.publish(sent)
        with pytest.raises(Rejected):
            a.publish(sent)
    assert network.received() == 1


def test_linkedin_escapes_little_text_format_so_the_text_arrives_whole(network):
    text = "Thanks @everyone (and #volunteers) for the *best* day_ever"
    with adapter("linkedin", network) as a:
        a.publish(outgoing(text))
    assert network.posts[0]["commentary"] == escape_commentary(text)
    assert network.posts[0]["text"] == text
    assert "\\@" in network.posts[0]["commentary"] and "\\(" in network.posts[0]["commentary"]


def test_credentials_never_appear_in_repr():
    credentials = Credentials(base_url="https://x", identifier="me", secret="s3cret-token")
    assert "s3cret" not in repr(credentials)


@pytest.mark.parametrize("name", NETWORKS)
def test_no_credential_reaches_the_logs(name, network, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    network.script.append("accept_then_hang")
    sent = outgoing()
    with adapter(name, network) as a:
        with pytest.raises(NoAnswer):
            a.publish(sent)
        a.find(sent)
    assert CREDENTIALS[name]["secret"] not in caplog.text
