"""X: API v2 ``POST /2/tweets`` with an OAuth 2.0 user-context token.

X takes no idempotency key, so ``find`` reads the account's latest posts
(``GET /2/users/me`` then ``/2/users/:id/tweets``) and looks for the same text.
"""

from __future__ import annotations

import httpx

from posts.publishing.base import NetworkAdapter, Outgoing, Published, parse_time


class XAdapter(NetworkAdapter):
    name = "x"
    display = "X"
    default_base_url = "https://api.x.com"
    reset_headers = ("x-rate-limit-reset",)

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials.secret}"}

    def error_detail(self, response: httpx.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return f"HTTP {response.status_code}"
        return str(body.get("detail") or body.get("title") or f"HTTP {response.status_code}")[:200]

    def _url(self, username: str, tweet_id: str) -> str:
        return f"https://x.com/{username or 'i/web'}/status/{tweet_id}"

    def _me(self) -> dict:
        return self.request("GET", "/2/users/me", headers=self._auth()).json()["data"]

    def publish(self, outgoing: Outgoing) -> Published:
        data = self.request("POST", "/2/tweets", creates=True, headers=self._auth(),
                            json={"text": outgoing.text}).json()["data"]
        handle = self.credentials.identifier.lstrip("@")
        return Published(remote_id=str(data["id"]), url=self._url(handle, str(data["id"])))

    def find(self, outgoing: Outgoing) -> Published | None:
        me = self._me()
        body = self.request("GET", f"/2/users/{me['id']}/tweets", headers=self._auth(),
                            params={"max_results": 20, "tweet.fields": "created_at"}).json()
        for tweet in body.get("data", []):
            if self.recent_enough(outgoing, parse_time(tweet.get("created_at"))) and self.same_text(
                    outgoing.text, tweet.get("text", "")):
                return Published(remote_id=str(tweet["id"]), url=self._url(me.get("username", ""), str(tweet["id"])))
        return None
