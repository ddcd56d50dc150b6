"""Bluesky (AT Protocol): a session from ``com.atproto.server.createSession`` (handle and
an app password), then ``com.atproto.repo.createRecord`` of an ``app.bsky.feed.post``.

The record key is derived from the attempt (a TID made from its creation time and its
idempotency key), so the same attempt always names the same record: ``find`` asks for
exactly that record with ``getRecord``, and a repeat can never make a second one.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import httpx

from posts.publishing.base import NetworkAdapter, Outgoing, Published, Unauthorized

TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
COLLECTION = "app.bsky.feed.post"


def record_key(outgoing: Outgoing) -> str:
    """A valid TID (13 characters, base32-sortable): 53 bits of microseconds since the
    epoch, then a 10-bit clock id taken from the idempotency key."""
    micros = int(outgoing.created_at.timestamp() * 1_000_000) & ((1 << 53) - 1)
    clock = int.from_bytes(hashlib.sha256(outgoing.key.encode()).digest()[:2], "big") & 0x3FF
    value = (micros << 10) | clock
    chars = []
    for _ in range(13):
        chars.append(TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


class BlueskyAdapter(NetworkAdapter):
    name = "bluesky"
    display = "Bluesky"
    default_base_url = "https://bsky.social"
    reset_headers = ("ratelimit-reset",)

    _session: dict | None = None

    def is_auth_failure(self, response: httpx.Response) -> bool:
        if response.status_code == 401:
            return True
        # An expired access token is a 400 with error ExpiredToken/InvalidToken.
        return self.error_code(response) in {"ExpiredToken", "InvalidToken", "AuthenticationRequired"}

    def raise_for(self, response: httpx.Response) -> None:
        if response.status_code == 400 and self.is_auth_failure(response):
            raise Unauthorized(f"Bluesky no longer accepts this account's credentials ({self.error_detail(response)}). "
                               "Reconnect the account.")
        super().raise_for(response)

    @staticmethod
    def error_code(response: httpx.Response) -> str:
        try:
            return str(response.json().get("error", ""))
        except (ValueError, AttributeError):
            return ""

    def session(self) -> dict:
        if self._session is None:
            self._session = self.request("POST", "/xrpc/com.atproto.server.createSession", json={
                "identifier": self.credentials.identifier, "password": self.credentials.secret,
            }).json()
        return self._session

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.session()['accessJwt']}"}

    def _published(self, rkey: str) -> Published:
        session = self.session()
        handle = session.get("handle") or session["did"]
        return Published(remote_id=f"at://{session['did']}/{COLLECTION}/{rkey}",
                         url=f"https://bsky.app/profile/{handle}/post/{rkey}")

    def publish(self, outgoing: Outgoing) -> Published:
        rkey = record_key(outgoing)
        session = self.session()
        self.request("POST", "/xrpc/com.atproto.repo.createRecord", creates=True, headers=self._auth(), json={
            "repo": session["did"],
            "collection": COLLECTION,
            "rkey": rkey,
            "record": {
                "$type": COLLECTION,
                "text": outgoing.text,
                "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            },
        })
        return self._published(rkey)

    def find(self, outgoing: Outgoing) -> Published | None:
        rkey = record_key(outgoing)
        session = self.session()
        response = self.client.get("/xrpc/com.atproto.repo.getRecord", headers=self._auth(), params={
            "repo": session["did"], "collection": COLLECTION, "rkey": rkey})
        if response.status_code == 400 and self.error_code(response) == "RecordNotFound":
            return None
        self.raise_for(response)
        return self._published(rkey)
