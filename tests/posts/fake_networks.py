"""A local HTTP server in the test process that speaks each network's documented API.

It counts every post it takes (``network.received``), so a test can assert "exactly one
post reached the network". ``network.script`` queues what the next create requests meet:
"ok", "401", "429:<seconds>", "500", "reject" (a 4xx for the text), or
"accept_then_hang" (the post is stored, then the answer never comes in time).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

TOKEN = "good-token"
BSKY_PASSWORD = "app-pass-1234"
BSKY_DID = "did:plc:stroudtest"


class FakeNetwork:
    def __init__(self):
        self.posts: list[dict] = []
        self.requests: list[dict] = []
        self.script: deque[str] = deque()
        self.mastodon_keys: dict[str, dict] = {}
        self.release = threading.Event()
        self.hang_seconds = 3.0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def received(self, network: str | None = None) -> int:
        return sum(1 for p in self.posts if network is None or p["network"] == network)

    def start(self) -> FakeNetwork:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def next_behaviour(self) -> str:
        with self.lock:
            return self.script.popleft() if self.script else "ok"

    def store(self, network: str, text: str, **extra) -> dict:
        with self.lock:
            post = {"network": network, "text": text, "id": str(1000 + len(self.posts)),
                    "created_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"), **extra}
            self.posts.append(post)
            return post


def _handler(net: FakeNetwork):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        # --- plumbing ---------------------------------------------------------------
        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _send(self, status: int, body=None, headers: dict | None = None) -> None:
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _bearer_ok(self) -> bool:
            return self.headers.get("Authorization") == f"Bearer {TOKEN}"

        def _hang(self) -> None:
            net.release.wait(net.hang_seconds)

        def _scripted(self, network: str, auth_error) -> str | None:
            """Apply the next scripted behaviour; returns "store" to take the post, "hang"
            to take it and not answer, or None when an error was already answered."""
            behaviour = net.next_behaviour()
            if behaviour == "401":
                self._send(*auth_error)
                return None
            if behaviour.startswith("429"):
                seconds = behaviour.partition(":")[2] or "30"
                headers = {"Retry-After": seconds}
                if network == "bluesky":
                    headers["ratelimit-reset"] = str(int(time.time()) + int(seconds))
                self._send(429, {"error": "RateLimitExceeded", "message": "Too many requests"}, headers)
                return None
            if behaviour == "500":
                self._send(503, {"error": "Service Unavailable"})
                return None
            if behaviour == "reject":
                self._send(422 if network == "mastodon" else 400, {"error": "Text too long", "detail": "Text too long"})
                return None
            return "hang" if behaviour == "accept_then_hang" else "store"

        # --- routes -----------------------------------------------------------------
        def do_GET(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            net.requests.append({"method": "GET", "path": url.path, "headers": dict(self.headers)})
            path = url.path
            if path == "/api/v1/accounts/verify_credentials":
                return self._send(200, {"id": "1", "username": "stroud"}) if self._bearer_ok() else self._send(401, {"error": "The access token is invalid"})
            if path == "/api/v1/accounts/1/statuses":
                statuses = [{"id": p["id"], "url": f"https://social.example/@stroud/{p['id']}",
                             "content": "<p>" + p["text"].replace("&", "&amp;").replace("\n", "<br>") + "</p>",
                             "created_at": p["created_at"]} for p in reversed(net.posts) if p["network"] == "mastodon"]
                return self._send(200, statuses)
            if path == "/xrpc/com.atproto.repo.getRecord":
                rkey = query.get("rkey", [""])[0]
                for p in net.posts:
                    if p["network"] == "bluesky" and p["rkey"] == rkey:
                        return self._send(200, {"uri": p["uri"], "cid": "bafy", "value": {"text": p["text"]}})
                return self._send(400, {"error": "RecordNotFound", "message": "Could not locate record"})
            if path == "/2/users/me":
                return self._send(200, {"data": {"id": "42", "username": "StroudDC", "name": "Stroud"}}) if self._bearer_ok() else self._send(401, {"title": "Unauthorized", "status": 401, "detail": "Unauthorized"})
            if path == "/2/users/42/tweets":
                return self._send(200, {"data": [{"id": p["id"], "text": p["text"], "created_at": p["created_at"]}
                                                 for p in reversed(net.posts) if p["network"] == "x"], "meta": {}})
            if path == "/rest/posts":
                return self._send(200, {"elements": [
                    {"id": p["id"], "commentary": p["commentary"], "createdAt": int(time.time() * 1000)}
                    for p in reversed(net.posts) if p["network"] == "linkedin"]})
            if path.startswith("/v21.0/") and path.endswith("/feed"):
                if not self._bearer_ok() or "access_token" in query:
                    return self._send(400, {"error": {"message": "An access token is required", "code": 104}})
                return self._send(200, {"data": [{"id": p["id"], "message": p["text"], "created_time": p["created_at"]}
                                                 for p in reversed(net.posts) if p["network"] == "facebook"]})
            return self._send(404, {"error": "Not found"})

        def do_POST(self):
            url = urlparse(self.path)
            raw = self._body()
            net.requests.append({"method": "POST", "path": url.path, "headers": dict(self.headers), "body": raw})
            path = url.path
            if path == "/api/v1/statuses":
                return self._mastodon(json.loads(raw))
            if path == "/xrpc/com.atproto.server.createSession":
                body = json.loads(raw)
                if body.get("password") != BSKY_PASSWORD:
                    return self._send(401, {"error": "AuthenticationRequired", "message": "Invalid identifier or password"})
                return self._send(200, {"accessJwt": "jwt-access", "refreshJwt": "jwt-refresh", "did": BSKY_DID,
                                        "handle": body["identifier"]})
            if path == "/xrpc/com.atproto.repo.createRecord":
                return self._bluesky(json.loads(raw))
            if path == "/2/tweets":
                return self._x(json.loads(raw))
            if path == "/rest/posts":
                return self._linkedin(json.loads(raw))
            if path.startswith("/v21.0/") and path.endswith("/feed"):
                return self._facebook(parse_qs(raw.decode()))
            return self._send(404, {"error": "Not found"})

        def _finish(self, outcome: str, status: int, body, headers=None):
            if outcome == "hang":
                self._hang()
            self._send(status, body, headers)

        def _mastodon(self, body):
            if not self._bearer_ok():
                return self._send(401, {"error": "The access token is invalid"})
            key = self.headers.get("Idempotency-Key", "")
            if key and key in net.mastodon_keys:  # Mastodon answers a repeated key with the same status
                return self._send(200, net.mastodon_keys[key])
            outcome = self._scripted("mastodon", (401, {"error": "The access token was revoked"}))
            if outcome is None:
                return
            post = net.store("mastodon", body["status"], key=key)
            status = {"id": post["id"], "url": f"https://social.example/@stroud/{post['id']}",
                      "uri": f"https://social.example/users/stroud/statuses/{post['id']}",
                      "content": f"<p>{body['status']}</p>", "created_at": post["created_at"]}
            if key:
                net.mastodon_keys[key] = status
            self._finish(outcome, 200, status)

        def _bluesky(self, body):
            if self.headers.get("Authorization") != "Bearer jwt-access":
                return self._send(401, {"error": "AuthenticationRequired", "message": "Authentication Required"})
            outcome = self._scripted("bluesky", (400, {"error": "ExpiredToken", "message": "Token has expired"}))
            if outcome is None:
                return
            rkey = body["rkey"]
            if any(p["network"] == "bluesky" and p["rkey"] == rkey for p in net.posts):
                return self._send(400, {"error": "InvalidRequest", "message": "Record already exists"})
            uri = f"at://{body['repo']}/{body['collection']}/{rkey}"
            net.store("bluesky", body["record"]["text"], rkey=rkey, uri=uri, record=body["record"])
            self._finish(outcome, 200, {"uri": uri, "cid": "bafyreib"})

        def _x(self, body):
            if not self._bearer_ok():
                return self._send(401, {"title": "Unauthorized", "status": 401, "detail": "Unauthorized"})
            outcome = self._scripted("x", (401, {"title": "Unauthorized", "status": 401, "detail": "Unauthorized"}))
            if outcome is None:
                return
            post = net.store("x", body["text"])
            self._finish(outcome, 201, {"data": {"id": post["id"], "text": body["text"], "edit_history_tweet_ids": [post["id"]]}})

        def _linkedin(self, body):
            if not self._bearer_ok():
                return self._send(401, {"status": 401, "serviceErrorCode": 65600, "code": "INVALID_ACCESS_TOKEN",
                                        "message": "Invalid access token"})
            if not self.headers.get("LinkedIn-Version") or self.headers.get("X-Restli-Protocol-Version") != "2.0.0":
                return self._send(400, {"status": 400, "message": "Missing version headers"})
            outcome = self._scripted("linkedin", (401, {"status": 401, "code": "EXPIRED_ACCESS_TOKEN",
                                                        "message": "The token used in the request has expired"}))
            if outcome is None:
                return
            from posts.publishing.linkedin import unescape_commentary

            post = net.store("linkedin", unescape_commentary(body["commentary"]), commentary=body["commentary"],
                             author=body["author"])
            post["id"] = f"urn:li:share:{post['id']}"
            self._finish(outcome, 201, None, {"x-restli-id": post["id"]})

        def _facebook(self, form):
            token = form.get("access_token", [""])[0]
            if token != TOKEN:
                return self._send(400, {"error": {"message": "Error validating access token: Session has expired",
                                                  "type": "OAuthException", "code": 190}})
            outcome = self._scripted("facebook", (400, {"error": {"message": "Session has expired",
                                                                  "type": "OAuthException", "code": 190}}))
            if outcome is None:
                return
            post = net.store("facebook", form["message"][0])
            post["id"] = f"1234_{post['id']}"
            self._finish(outcome, 200, {"id": post["id"]})

    return Handler
