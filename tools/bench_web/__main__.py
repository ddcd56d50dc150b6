"""Web benchmark: the live-check endpoint and the review queue under gunicorn on
PostgreSQL, each as a ratio to a bare Django view measured in the same run.

    python -m tools.bench_web [--seconds 6] [--clients 4] [--workers 2]

Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1/countersign_bench;
the database is recreated). Prints requests/second and p50/p95 latency per endpoint and
the ratios (target >= 0.5). Machines here are shared: compare ratios, not raw numbers.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/countersign_bench"
TEXT = ("Join us on Saturday 10am-2pm at Stroud library for the repair café: bring a broken lamp, toaster "
        "or bike and our volunteers will help you fix it. All welcome, free entry, tea and cake from the "
        "Friends of Stroud Library. Details at stroud.gov.uk/repair #Stroud #RepairCafe")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(env: dict[str, str], posts_in_review: int) -> dict[str, str]:
    """Recreate the database, migrate, seed, add posts to review; return cookies and ids."""
    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True, capture_output=True)
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    run = lambda *a: subprocess.run([sys.executable, "manage.py", *a], cwd=ROOT, env=env, check=True,  # noqa: E731
                                    capture_output=True, text=True)
    run("migrate", "--noinput")
    run("seed_demo")
    script = f"""
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.middleware.csrf import _get_new_csrf_string
from policies.models import Membership, SocialAccount, User
from posts import services
alice = Membership.objects.get(user__email="alice@stroud.example")
account = SocialAccount.objects.get(handle="@StroudDC")
for n in range({posts_in_review}):
    post = services.post_create(author=alice, accounts=[account],
        text=f"Great to help a tenant sort out their housing benefit today ({{n}}).")[0]
    services.post_submit(post=post, by=alice.user, expected_revision=1)
def cookie(email):
    user = User.objects.get(email=email)
    s = SessionStore(); s[SESSION_KEY] = str(user.pk); s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.create(); return s.session_key
print(cookie("alice@stroud.example"), cookie("bob@stroud.example"), _get_new_csrf_string(), account.pk)
"""
    out = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1].split()
    return {"alice": out[0], "bob": out[1], "csrf": out[2], "account": out[3]}


def hammer(port: int, method: str, path: str, headers: dict, body, seconds: float, clients: int):
    """``clients`` threads requesting as fast as they can for ``seconds``; ``body`` is the
    request body, or a callable giving a fresh one for each request."""
    latencies: list[float] = []
    statuses: set[int] = set()
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        bad = 0
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body() if callable(body) else body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
                    statuses.add(response.status)
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else float("nan")
    return {"rps": len(latencies) / elapsed, "p50": statistics.median(latencies) if latencies else float("nan"),
            "p95": p95, "n": len(latencies), "errors": errors,
            "statuses": sorted(statuses)}


EXPLAIN = """
import itertools, json, os, statistics, time
from django.test import Client
from policies.checks.base import AccountContext
from policies.models import SocialAccount, User
from posts.services import assess_for
TEXT, ACCOUNT = json.loads(os.environ["BENCH_TEXT"]), int(os.environ["BENCH_ACCOUNT"])
alice, bob = Client(), Client()
alice.force_login(User.objects.get(email="alice@stroud.example"))
bob.force_login(User.objects.get(email="bob@stroud.example"))
account = SocialAccount.objects.for_drafting(User.objects.get(email="alice@stroud.example").memberships.get(), [ACCOUNT])[0]
typed = itertools.count()
parts = {
    "bare view": lambda: bob.get("/bench/bare"),
    "live check": lambda: alice.post("/compose/check/", {"text": f"{TEXT} {next(typed)}", "accounts": ACCOUNT},
                                     HTTP_HX_REQUEST="true"),
    "  of which assess()": lambda: assess_for(text=f"{TEXT} {next(typed)}", account=account,
                                              author_id=account.owner.user_id),
    "review queue": lambda: bob.get("/review/"),
}
for name, call in parts.items():
    for _ in range(30):
        call()
    cpu = []
    for _ in range(300):
        started = time.thread_time()
        call()
        cpu.append(time.thread_time() - started)
    print(f"  {name:<20} {statistics.median(cpu) * 1000:6.2f} ms CPU (median of 300, in-process test client)")
# The same assess() timed inside the live check: between requests the rest of Django
# runs, and assess() finds less of its data in the CPU's caches than in a loop of its own.
import posts.feedback
inside = []
def timed(**kwargs):
    started = time.thread_time()
    try:
        return assess_for(**kwargs)
    finally:
        inside.append(time.thread_time() - started)
posts.feedback.assess_for = timed
for _ in range(330):
    parts["live check"]()
print(f"  {'  assess() inside it':<20} {statistics.median(inside[30:]) * 1000:6.2f} ms CPU (median of 300, timed within the live check)")
"""


def explain(env: dict[str, str], account: str) -> None:
    """Where the time goes, in one process: CPU per request of each endpoint and of
    assess() alone (the live check cannot be cheaper than its assessment)."""
    done = subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", EXPLAIN], cwd=ROOT,
                          env=env | {"ALLOWED_HOSTS": "testserver", "BENCH_TEXT": json.dumps(TEXT), "BENCH_ACCOUNT": account},
                          capture_output=True, text=True)
    print("where the time goes (CPU per request in one process; the ratio above cannot beat bare / endpoint here):")
    print(done.stdout.rstrip() or f"  (could not measure: {done.stderr.strip()[-300:]})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="alternate the endpoints this many times; medians reported")
    parser.add_argument("--in-review", type=int, default=60, help="posts waiting in the queue")
    args = parser.parse_args()

    env = dict(os.environ)
    env.update({
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB),
        "DJANGO_SETTINGS_MODULE": "tools.bench_web.settings",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "false",
        "DB_CONN_MAX_AGE": "60",
        "STATIC_MANIFEST": "false",  # no collectstatic here; the Docker image has the manifest
    })
    env.pop("REDIS_URL", None)
    try:
        ids = prepare(env, args.in_review)
    except subprocess.CalledProcessError as exc:
        print(f"bench_web: could not prepare PostgreSQL at {env['DATABASE_URL']}: {exc.stderr or exc}", file=sys.stderr)
        return 2
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--log-level", "error"],
        cwd=ROOT, env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        cookie = lambda who: {"Cookie": f"sessionid={ids[who]}; csrftoken={ids['csrf']}", "Host": "127.0.0.1"}  # noqa: E731
        # A different draft on every request, as when someone types: nothing is answered
        # from a cache of earlier texts (the nets keep one per text).
        typed = itertools.count()
        form = lambda: urlencode({"text": f"{TEXT} {next(typed)}", "accounts": ids["account"]}).encode()  # noqa: E731
        post_headers = cookie("alice") | {"X-CSRFToken": ids["csrf"], "HX-Request": "true",
                                          "Content-Type": "application/x-www-form-urlencoded",
                                          "Referer": "http://127.0.0.1/compose/"}
        endpoints = {
            "bare view": ("GET", "/bench/bare", cookie("bob"), None),
            "live check": ("POST", "/compose/check/", post_headers, form),
            "review queue": ("GET", "/review/", cookie("bob"), None),
        }
        for method, path, headers, body in endpoints.values():  # warm up every worker
            hammer(port, method, path, headers, body, 1.0, args.clients)
        results: dict[str, list[dict]] = {name: [] for name in endpoints}
        for _ in range(args.rounds):
            for name, (method, path, headers, body) in endpoints.items():
                results[name].append(hammer(port, method, path, headers, body, args.seconds, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"web bench: gunicorn {args.workers} workers, {args.clients} clients, {args.rounds} rounds x {args.seconds:.0f} s, "
          f"PostgreSQL, {args.in_review} posts in review (medians over rounds)")
    summary = {}
    for name, runs in results.items():
        rps = statistics.median(r["rps"] for r in runs)
        p95 = statistics.median(r["p95"] for r in runs) * 1000
        p50 = statistics.median(r["p50"] for r in runs) * 1000
        errors = sum(r["errors"] for r in runs)
        statuses = sorted({s for r in runs for s in r["statuses"]})
        summary[name] = (rps, p95)
        print(f"  {name:<13} {rps:8.1f} req/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   errors {errors}"
              + (f" (HTTP {statuses})" if statuses else ""))
    bare_rps, bare_p95 = summary["bare view"]
    for name in ("live check", "review queue"):
        rps, p95 = summary[name]
        verdict = "ok" if rps / bare_rps >= 0.5 else "BELOW TARGET"
        print(f"  {name:<13} throughput ratio to bare {rps / bare_rps:4.2f} (target >= 0.5, {verdict}); "
              f"p95 ratio bare/endpoint {bare_p95 / p95:4.2f}")
    explain(env, ids["account"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
