"""LinkedIn: the versioned Posts API, ``POST /rest/posts`` for an organisation or member.

The post's URN comes back in the ``x-restli-id`` header. ``commentary`` is in LinkedIn's
"little text format", where ``| { } @ [ ] ( ) < > # \\ * _ ~`` are markup and must be
escaped, or the text is cut or mangled. ``find`` lists the author's recent posts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import quote

from posts.publishing.base import NetworkAdapter, Outgoing, Published

API_VERSION = "202504"
RESERVED = re.compile(r"([|{}@\[\]()<>#\\*_~])")


def escape_commentary(text: str) -> str:
    return RESERVED.sub(r"\\\1", text)


def unescape_commentary(text: str) -> str:
    return re.sub(r"\\([|{}@\[\]()<>#\\*_~])", r"\1", text)


class LinkedInAdapter(NetworkAdapter):
    name = "linkedin"
    display = "LinkedIn"
    default_base_url = "https://api.linkedin.com"

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.credentials.secret}",
            "LinkedIn-Version": API_VERSION,
            "X-Restli-Protocol-Version": "2.0.0",
        }

    @staticmethod
    def _url(urn: str) -> str:
        return f"https://www.linkedin.com/feed/update/{urn}/"

    def publish(self, outgoing: Outgoing) -> Published:
        response = self.request("POST", "/rest/posts", creates=True, headers=self._headers(), json={
            "author": self.credentials.identifier,
            "commentary": escape_commentary(outgoing.text),
            "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        })
        urn = response.headers.get("x-restli-id", "")
        return Published(remote_id=urn, url=self._url(urn) if urn else "")

    def find(self, outgoing: Outgoing) -> Published | None:
        author = quote(self.credentials.identifier, safe="")
        body = self.request("GET", f"/rest/posts?q=author&author={author}&count=20&sortBy=CREATED",
                            headers=self._headers()).json()
        for element in body.get("elements", []):
            created = element.get("createdAt")
            moment = datetime.fromtimestamp(created / 1000, tz=UTC) if isinstance(created, int) else None
            if self.recent_enough(outgoing, moment) and self.same_text(
                    outgoing.text, unescape_commentary(element.get("commentary", ""))):
                return Published(remote_id=element["id"], url=self._url(element["id"]))
        return None
