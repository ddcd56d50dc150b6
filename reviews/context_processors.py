"""Counts in the navigation: posts waiting for my review, unread private notes and flags
(Inbox), unread notifications.

Lazy, so partial htmx responses that do not show the nav cost no query; and all four in
ONE query (scalar subqueries) when a page does, because every page has a query budget.
"""

from __future__ import annotations

from django.db.models import F, Func, IntegerField, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject

from policies.models import Membership, Role
from policies.querycache import CompiledQuery
from reviews.models import Flag, NoteThread, Notification
from reviews.selectors import review_queue_for

NAV_COUNTS = ("review_waiting", "inbox_unread", "notifications_unread")


def _count(queryset: QuerySet) -> Coalesce:
    # COUNT(...) as a plain function, not an aggregate: no GROUP BY, exactly one row.
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    return Coalesce(Subquery(counted.values("n")[:1]), 0)


def _nav_counts_query(is_reviewer: bool, *, member_id: int, user_id: int, organisation_id: int):
    member = Membership(pk=member_id, user_id=user_id, organisation_id=organisation_id,
                        role=Role.REVIEWER if is_reviewer else Role.AUTHOR)
    waiting = _count(review_queue_for(member)) if is_reviewer else Value(0)
    return (
        Membership.objects.filter(pk=member_id)
        .annotate(
            waiting=waiting,
            threads=_count(NoteThread.objects.filter(organisation_id=organisation_id).unread_for(user_id)),
            flags=_count(Flag.objects.filter(organisation_id=organisation_id).waiting_for(user_id)),
            notifications=_count(
                Notification.objects.filter(organisation_id=organisation_id, recipient_id=user_id).unread()),
        )
        .values_list("waiting", "threads", "flags", "notifications")[:1]
    )


# Compiled once per process: building this SQL costs several times more than running it.
_NAV_COUNTS = CompiledQuery(_nav_counts_query, "member_id", "user_id", "organisation_id")


def nav_counts(member: Membership) -> dict[str, int]:
    rows = _NAV_COUNTS.rows(member.has_role(Role.REVIEWER), member_id=member.pk, user_id=member.user_id,
                            organisation_id=member.organisation_id)
    waiting, threads, flags, notifications = rows[0] if rows else (0, 0, 0, 0)
    return {"review_waiting": waiting, "inbox_unread": threads + flags, "notifications_unread": notifications}


def nav_counts_for(request) -> dict[str, int]:
    """The navigation counts of this request, read at most once (the queue reuses them)."""
    counts = getattr(request, "_nav_counts", None)
    if counts is None:
        counts = request._nav_counts = nav_counts(request.membership)
    return counts


def review_counts(request):
    """Counts for the navigation, computed once and only if the page shows them."""
    if getattr(request, "membership", None) is None:
        return {}
    counts = SimpleLazyObject(lambda: nav_counts_for(request))
    return {name: SimpleLazyObject(lambda name=name: counts[name]) for name in NAV_COUNTS}
