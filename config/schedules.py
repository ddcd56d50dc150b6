"""Every recurring task, run by django-q2's scheduler (no celery beat).

The list is the single source of truth: ``sync_schedules`` (run after every migrate)
creates or updates one django-q2 ``Schedule`` per entry and removes ours that are gone.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "countersign:"


@dataclass(frozen=True)
class Recurring:
    name: str
    func: str
    minutes: int


SCHEDULES: tuple[Recurring, ...] = (
    Recurring("expire-invitations", "policies.jobs.invitations_expire", minutes=60),
    # Quiet flags: remind authors, then escalate unanswered flags to the account's owner.
    Recurring("flag-escalation", "reviews.flags.flags_escalate", minutes=15),
    Recurring("notification-digest", "reviews.notifications.digests_send", minutes=24 * 60),
    Recurring("publish-due", "posts.scheduling.posts_publish_due", minutes=1),
)


def sync_schedules(**_kwargs) -> None:
    from django.utils import timezone
    from django_q.models import Schedule

    names = set()
    for item in SCHEDULES:
        name = PREFIX + item.name
        names.add(name)
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": item.func,
                "schedule_type": Schedule.MINUTES,
                "minutes": item.minutes,
                "repeats": -1,
            },
            create_defaults={
                "func": item.func,
                "schedule_type": Schedule.MINUTES,
                "minutes": item.minutes,
                "repeats": -1,
                "next_run": timezone.now(),
            },
        )
    Schedule.objects.filter(name__startswith=PREFIX).exclude(name__in=names).delete()
