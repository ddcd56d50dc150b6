"""Publishing to the networks: one interface (``base.NetworkAdapter``), one module each.

``adapter_for(connection)`` is the only way the publish job gets an adapter, so the
credential is decrypted in one place and only for the moment of use.
"""

from __future__ import annotations

import httpx

from posts.models import AccountConnection, Adapter
from posts.publishing.base import Credentials, NotConnected
from posts.publishing.bluesky import BlueskyAdapter
from posts.publishing.facebook import FacebookAdapter
from posts.publishing.linkedin import LinkedInAdapter
from posts.publishing.manual import ManualAdapter
from posts.publishing.mastodon import MastodonAdapter
from posts.publishing.secrets import UnreadableSecret, unseal
from posts.publishing.x import XAdapter

ADAPTERS = {
    Adapter.MASTODON: MastodonAdapter,
    Adapter.BLUESKY: BlueskyAdapter,
    Adapter.X: XAdapter,
    Adapter.LINKEDIN: LinkedInAdapter,
    Adapter.FACEBOOK: FacebookAdapter,
    Adapter.MANUAL: ManualAdapter,
}

# Tests swap in an in-process transport here; production leaves it None.
TRANSPORT: httpx.BaseTransport | None = None


def adapter_for(connection: AccountConnection | None):
    """The adapter for an account's connection, or ``NotConnected`` with what to do."""
    if connection is None:
        raise NotConnected("This account is not connected to its network, so nothing was sent. "
                           "An admin or the account's owner can connect it, or choose to publish it by hand.")
    if connection.is_manual:
        return ManualAdapter()
    if not connection.is_usable:
        raise NotConnected("This account needs reconnecting: the network stopped accepting its credentials. "
                           "Nothing was sent.")
    try:
        secret = unseal(connection.secret_token)
    except UnreadableSecret as exc:
        raise NotConnected(str(exc)) from None
    credentials = Credentials(base_url=connection.base_url, identifier=connection.identifier, secret=secret)
    return ADAPTERS[connection.adapter](credentials, transport=TRANSPORT)
