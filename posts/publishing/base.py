"""The one interface every network adapter follows, and the errors it may raise.

An adapter does two things: ``publish`` a text, and ``find`` whether a text it may
already have sent is on the network. The publish job never posts again after an
ambiguous attempt without asking ``find`` first; that is what keeps a timeout from
becoming a duplicate (Postiz #1813, #1681).

Errors say what the job should do next, not what HTTP said:

- ``Unauthorized``: the credential is dead; the account needs reconnecting.
- ``Rejected``: the network refused this text; retrying cannot help.
- ``RateLimited``: try again no sooner than ``retry_after`` seconds.
- ``Unavailable``: nothing was published (connection refused, 5xx); retry with backoff.
  ``may_have_arrived`` is set for a 5xx, where a proxy may have passed it on.
- ``NoAnswer``: the request went out but no answer came back; the post may exist.
"""

from __future__ import annotations

import html
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx

# httpx logs every request line at INFO; keep request details (and anything a network
# might put in a URL) out of the logs.
logging.getLogger("httpx").setLevel(logging.WARNING)

DEFAULT_RETRY_AFTER = 60.0
MAX_RETRY_AFTER = 6 * 60 * 60


@dataclass(frozen=True)
class Credentials:
    base_url: str
    identifier: str
    secret: str = field(repr=False)


@dataclass(frozen=True)
class Outgoing:
    """One post to send: the approved text and the attempt's identity."""

    text: str
    key: str
    created_at: datetime


@dataclass(frozen=True)
class Published:
    remote_id: str
    url: str


class PublishError(Exception):
    """The post did not go out; ``message`` is fit to show on the post."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotConnected(PublishError):
    pass


class Unauthorized(PublishError):
    pass


class Rejected(PublishError):
    pass


class RateLimited(PublishError):
    def __init__(self, message: str, *, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(PublishError):
    def __init__(self, message: str, *, may_have_arrived: bool = False):
        super().__init__(message)
        self.may_have_arrived = may_have_arrived


class NoAnswer(PublishError):
    pass


class ManualPublishing(PublishError):
    """Not a failure: this account is posted to by a person, who records the link."""


def plain_text(value: str) -> str:
    """Text as a person reads it, for comparing what we sent with what a network shows
    (Mastodon answers with HTML; others may fold whitespace)."""
    value = re.sub(r"<br\s*/?>|</p>\s*<p>", "\n", value or "")
    value = html.unescape(re.sub(r"<[^>]+>", "", value))
    return " ".join(value.split())


def retry_after_seconds(response: httpx.Response, *, reset_headers: tuple[str, ...] = ()) -> float:
    """Seconds to wait after a 429: ``Retry-After`` (seconds or an HTTP date), else a
    network's reset header holding an epoch time, else a minute."""
    value = response.headers.get("retry-after")
    if value:
        value = value.strip()
        if value.isdigit():
            return min(float(value), MAX_RETRY_AFTER)
        try:
            return min(max((parsedate_to_datetime(value).timestamp() - time.time()), 1.0), MAX_RETRY_AFTER)
        except (TypeError, ValueError):
            pass
    for header in reset_headers:
        reset = response.headers.get(header, "")
        if reset.isdigit():
            return min(max(float(reset) - time.time(), 1.0), MAX_RETRY_AFTER)
    return DEFAULT_RETRY_AFTER


class NetworkAdapter:
    """Base for the HTTP adapters: one ``httpx.Client`` per job, errors classified once."""

    name = ""
    default_base_url = ""
    reset_headers: tuple[str, ...] = ()
    timeout = httpx.Timeout(15.0, connect=5.0)
    # How far back ``find`` looks: a little before the attempt began, since clocks differ.
    clock_slack = timedelta(minutes=2)

    def __init__(self, credentials: Credentials, *, transport: httpx.BaseTransport | None = None):
        self.credentials = credentials
        base_url = (credentials.base_url or self.default_base_url).rstrip("/")
        if not base_url:
            raise NotConnected(f"The {self.name} connection has no server address. Reconnect the account.")
        self.client = httpx.Client(base_url=base_url, timeout=self.timeout, transport=transport,
                                   headers={"User-Agent": "Countersign/1 (+publishing)"})

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- the interface ----------------------------------------------------------------

    def publish(self, outgoing: Outgoing) -> Published:
        raise NotImplementedError

    def find(self, outgoing: Outgoing) -> Published | None:
        raise NotImplementedError

    # --- shared plumbing ---------------------------------------------------------------

    def request(self, method: str, path: str, *, creates: bool = False, **kwargs) -> httpx.Response:
        """Send one request and raise the error that says what to do next.

        ``creates`` marks a request that makes the post: losing its answer means the post
        may exist (``NoAnswer``); losing a read's answer only means try again later.
        """
        try:
            response = self.client.request(method, path, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise Unavailable(f"{self.label} could not be reached ({type(exc).__name__}).") from None
        except httpx.TransportError as exc:  # read/write timeouts, a dropped connection
            if creates:
                raise NoAnswer(f"{self.label} took the request but did not answer ({type(exc).__name__}).") from None
            raise Unavailable(f"{self.label} did not answer ({type(exc).__name__}).") from None
        self.raise_for(response)
        return response

    @property
    def label(self) -> str:
        return type(self).display or self.name

    display = ""

    def raise_for(self, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        detail = self.error_detail(response)
        if status in (401, 403) and self.is_auth_failure(response):
            raise Unauthorized(f"{self.label} no longer accepts this account's credentials ({detail}). "
                               "Reconnect the account.")
        if status == 429:
            wait = retry_after_seconds(response, reset_headers=self.reset_headers)
            raise RateLimited(f"{self.label} asked us to slow down; trying again in {int(wait)} s.", retry_after=wait)
        if status >= 500:
            raise Unavailable(f"{self.label} had a problem ({status}: {detail}).", may_have_arrived=True)
        raise Rejected(f"{self.label} refused the post: {detail}.")

    def is_auth_failure(self, response: httpx.Response) -> bool:
        return response.status_code == 401

    def error_detail(self, response: httpx.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return f"HTTP {response.status_code}"
        if isinstance(body, dict):
            for key in ("error_description", "error", "message", "detail", "title"):
                value = body.get(key)
                if isinstance(value, str) and value:
                    return value[:200]
                if isinstance(value, dict) and isinstance(value.get("message"), str):
                    return value["message"][:200]
        return f"HTTP {response.status_code}"

    def same_text(self, ours: str, theirs: str) -> bool:
        return plain_text(ours) == plain_text(theirs)

    def recent_enough(self, outgoing: Outgoing, moment: datetime | None) -> bool:
        return moment is None or moment >= outgoing.created_at - self.clock_slack


def parse_time(value) -> datetime | None:
    """An ISO 8601 time from a network (``Z`` or an offset), or None."""
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00").replace("+0000", "+00:00"))
    except ValueError:
        return None
