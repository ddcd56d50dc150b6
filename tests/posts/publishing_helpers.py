"""Shared steps for the publishing tests: an approved post scheduled at a known time,
and running the minute schedule at a given moment with its jobs executed in-process."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from policies.models import AuditEvent
from posts import services
from posts.models import Post
from posts.scheduling import post_schedule, posts_publish_due
from tests.texts import HARMLESS

# A Tuesday morning in June: outside every window of the council starter pack.
T0 = datetime(2030, 6, 4, 8, 0, tzinfo=UTC)


def approved_post(make_post, council, text: str = HARMLESS) -> Post:
    post = make_post(text)
    return services.post_submit(post=post, by=council.alice, expected_revision=post.current_revision.number)


def scheduled_post(make_post, council, *, at: datetime, text: str = HARMLESS, now: datetime | None = None) -> Post:
    with time_machine.travel(now or at - timedelta(hours=1), tick=False):
        post = approved_post(make_post, council, text)
        return post_schedule(post=post, by=council.alice, when=at)


def run_schedule(capture, at: datetime) -> int:
    """One tick of the minute schedule at ``at``; jobs queued on commit run at once."""
    with time_machine.travel(at, tick=True), capture(execute=True):
        return posts_publish_due()


def verbs(post: Post) -> list[str]:
    return list(AuditEvent.objects.filter(post_id=post.pk).order_by("pk").values_list("verb", flat=True))
