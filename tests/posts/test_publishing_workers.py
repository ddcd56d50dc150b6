"""Exactly once with real processes and a real database: an RQ worker killed with
SIGKILL in the middle of a publish, and two schedulers claiming at the same moment.
Each ends with exactly one post per approved revision on the fake network."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from posts.models import AttemptState, PostState, PublishAttempt
from posts.scheduling import post_schedule, posts_publish_due
from tests.posts.conftest import TEST_KEY
from tests.posts.publishing_helpers import approved_post

ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition, seconds: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def worker_database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def start_worker(*extra: str) -> subprocess.Popen:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": worker_database_url(),
        "CREDENTIALS_KEY": TEST_KEY,
        "LOG_LEVEL": "WARNING",
    }
    # Its own process group, so SIGKILL reaches the worker (see kill_worker for the horse).
    return subprocess.Popen([sys.executable, "manage.py", "rqworker", "publish", *extra], cwd=ROOT, env=env,
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc: no psutil here)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def kill_worker(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and the work-horse running its job, as a machine dying would.

    RQ's horse calls setpgrp(), so killing the worker's process group leaves it alive: it
    would then receive the network's late answer and finish the publish itself, and the
    recovery this test is about would have nothing to do (a flake seen in CI)."""
    horses = _children(worker.pid)
    assert horses, "the worker has no work-horse: is the job still running?"
    for horse in horses:
        os.killpg(horse, signal.SIGKILL)
    os.killpg(worker.pid, signal.SIGKILL)


@pytest.fixture
def rq_publish_queue(settings):
    import django_rq

    settings.JOBS_IN_PROCESS = False
    queue = django_rq.get_queue("publish")
    queue.empty()
    yield queue
    queue.empty()


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_publish_is_recovered_and_the_post_goes_out_once(
        council, make_post, connect, network, rq_publish_queue):
    connect("x")
    network.hang_seconds = 60
    network.script.append("accept_then_hang")  # X takes the post; the worker waits for an answer...
    post = approved_post(make_post, council)
    post_schedule(post=post, by=council.alice, when=timezone.now() + timedelta(seconds=1))
    time.sleep(1.1)
    assert posts_publish_due() == 1 and rq_publish_queue.count == 1

    worker = start_worker()
    try:
        wait_for(lambda: network.received() == 1, what="the post to reach the network")
        attempt = PublishAttempt.objects.get(post=post)
        assert attempt.state == AttemptState.SENDING and attempt.may_exist
        kill_worker(worker)  # ...and dies, with its work-horse, before the answer comes
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    network.release.set()
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHING

    # Its lease runs out (a job can run at most JOB_TIMEOUT); the next tick re-queues it.
    PublishAttempt.objects.filter(pk=attempt.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    posts_publish_due()
    assert rq_publish_queue.count == 1
    rescuer = start_worker("--burst")
    _, errors = rescuer.communicate(timeout=60)
    assert rescuer.returncode == 0, errors.decode()[-2000:]

    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED, PublishAttempt.objects.get(pk=attempt.pk).last_error
    assert post.published_url.endswith(f"/status/{network.posts[0]['id']}")
    assert network.received() == 1
    assert len([r for r in network.requests if r["method"] == "POST" and r["path"] == "/2/tweets"]) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_publish_each_due_post_once(council, make_post, connect, network):
    connect("mastodon")
    texts = [f"Road closure on Bath Road, section {n}: diversion signed via the A46." for n in range(6)]
    posts = [approved_post(make_post, council, text) for text in texts]
    soon = timezone.now() + timedelta(seconds=1)
    for post in posts:
        post_schedule(post=post, by=council.alice, when=soon)
    time.sleep(1.1)
    barrier = threading.Barrier(2)
    claimed, errors = [], []

    def scheduler():
        try:
            barrier.wait(timeout=10)
            claimed.append(posts_publish_due())
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sum(claimed) == len(posts)
    assert sorted(p["text"] for p in network.posts) == sorted(texts)
    assert all(p.state == PostState.PUBLISHED for p in type(posts[0]).objects.filter(pk__in=[p.pk for p in posts]))
