"""Mastodon: ``POST /api/v1/statuses`` with an ``Idempotency-Key``.

Mastodon remembers the key for an hour and answers a repeat with the status it already
made, so the key alone stops most duplicates; ``find`` also looks through the account's
recent statuses, which covers a retry after that hour.
"""

from __future__ import annotations

from posts.publishing.base import NetworkAdapter, Outgoing, Published, parse_time


class MastodonAdapter(NetworkAdapter):
    name = "mastodon"
    display = "Mastodon"

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials.secret}"}

    def publish(self, outgoing: Outgoing) -> Published:
        response = self.request(
            "POST", "/api/v1/statuses", creates=True,
            headers=self._auth() | {"Idempotency-Key": outgoing.key},
            json={"status": outgoing.text, "visibility": "public"},
        )
        status = response.json()
        return Published(remote_id=str(status["id"]), url=status.get("url") or status.get("uri") or "")

    def find(self, outgoing: Outgoing) -> Published | None:
        me = self.request("GET", "/api/v1/accounts/verify_credentials", headers=self._auth()).json()
        statuses = self.request("GET", f"/api/v1/accounts/{me['id']}/statuses",
                                params={"limit": 40, "exclude_replies": "true", "exclude_reblogs": "true"},
                                headers=self._auth()).json()
        for status in statuses:
            if self.recent_enough(outgoing, parse_time(status.get("created_at"))) and self.same_text(
                    outgoing.text, status.get("content", "")):
                return Published(remote_id=str(status["id"]), url=status.get("url") or status.get("uri") or "")
        return None
