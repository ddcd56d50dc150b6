"""Fixtures for publishing: a fake network in the test process, a credentials key,
and accounts connected to the fake network."""

from __future__ import annotations

import httpx
import pytest
from cryptography.fernet import Fernet

from tests.posts.fake_networks import BSKY_PASSWORD, TOKEN, FakeNetwork

TEST_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def _credentials_key(settings):
    settings.CREDENTIALS_KEY = TEST_KEY


@pytest.fixture
def network(monkeypatch):
    """The fake network, with short client timeouts so "no answer" takes a moment."""
    from posts.publishing.base import NetworkAdapter

    net = FakeNetwork().start()
    monkeypatch.setattr(NetworkAdapter, "timeout", httpx.Timeout(0.3, connect=0.5))
    yield net
    net.stop()


CREDENTIALS = {
    "mastodon": {"identifier": "", "secret": TOKEN},
    "bluesky": {"identifier": "stroud.bsky.social", "secret": BSKY_PASSWORD},
    "x": {"identifier": "@StroudDC", "secret": TOKEN},
    "linkedin": {"identifier": "urn:li:organization:5590506", "secret": TOKEN},
    "facebook": {"identifier": "1234", "secret": TOKEN},
}


@pytest.fixture
def connect(council, network):
    """``connect(adapter, account=None)``: connect the council's account to the fake network."""
    from policies.models import Membership
    from posts.publishing.service import connection_save

    def make(adapter: str = "mastodon", account=None, **overrides):
        account = account or council.account
        owner = Membership.objects.get(pk=account.owner_id)
        details = CREDENTIALS.get(adapter, {"identifier": "", "secret": ""}) | overrides
        return connection_save(account=account, by=owner, adapter=adapter, base_url=network.url, **details)

    return make
