"""Facebook Page: Graph API ``POST /{page-id}/feed`` with a Page access token.

Graph reports most errors as HTTP 400 with an ``error.code``: 190 is an expired or
revoked token; 4, 17, 32 and 613 are rate limits. ``find`` reads the Page's recent feed.
"""

from __future__ import annotations

import httpx

from posts.publishing.base import (
    NetworkAdapter,
    Outgoing,
    Published,
    RateLimited,
    Unauthorized,
    parse_time,
    retry_after_seconds,
)

GRAPH_VERSION = "v21.0"
TOKEN_CODES = {102, 190}
RATE_CODES = {4, 17, 32, 613}


class FacebookAdapter(NetworkAdapter):
    name = "facebook"
    display = "Facebook"
    default_base_url = "https://graph.facebook.com"

    @staticmethod
    def _code(response: httpx.Response) -> int | None:
        try:
            return int(response.json()["error"]["code"])
        except (ValueError, KeyError, TypeError):
            return None

    def raise_for(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            code = self._code(response)
            if code in TOKEN_CODES:
                raise Unauthorized(f"Facebook no longer accepts this Page's token ({self.error_detail(response)}). "
                                   "Reconnect the account.")
            if code in RATE_CODES:
                wait = retry_after_seconds(response)
                raise RateLimited(f"Facebook asked us to slow down; trying again in {int(wait)} s.", retry_after=wait)
        super().raise_for(response)

    def _page(self) -> str:
        return f"/{GRAPH_VERSION}/{self.credentials.identifier}"

    @staticmethod
    def _url(post_id: str) -> str:
        return f"https://www.facebook.com/{post_id}"

    def publish(self, outgoing: Outgoing) -> Published:
        body = self.request("POST", f"{self._page()}/feed", creates=True,
                            data={"message": outgoing.text, "access_token": self.credentials.secret}).json()
        return Published(remote_id=str(body["id"]), url=self._url(str(body["id"])))

    def find(self, outgoing: Outgoing) -> Published | None:
        # The token goes in a header, never the query string: URLs end up in logs.
        body = self.request("GET", f"{self._page()}/feed", params={
            "fields": "id,message,created_time,permalink_url", "limit": 25},
            headers={"Authorization": f"Bearer {self.credentials.secret}"}).json()
        for item in body.get("data", []):
            if self.recent_enough(outgoing, parse_time(item.get("created_time"))) and self.same_text(
                    outgoing.text, item.get("message", "")):
                return Published(remote_id=str(item["id"]), url=item.get("permalink_url") or self._url(str(item["id"])))
        return None
