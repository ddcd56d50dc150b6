"""Counts in the navigation: posts waiting for my review, unread private notes and flags
(Inbox), unread notifications. All in ONE query, as scalar subqueries, because the nav
is on every page and each page has a fixed query budget."""

from __future__ import annotations

from django.db.models import F, Func, IntegerField, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from policies.models import Membership, Role
from reviews.models import Flag, NoteThread, Notification
from reviews.selectors import review_queue_for


def _count(queryset: QuerySet) -> Coalesce:
    # COUNT(...) as a plain function, not an aggregate: no GROUP BY, exactly one row.
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    return Coalesce(Subquery(counted.values("n")[:1]), 0)


def review_counts(request):
    member: Membership | None = getattr(request, "membership", None)
    if member is None:
        return {}
    user, organisation = member.user, member.organisation
    waiting = _count(review_queue_for(member)) if member.has_role(Role.REVIEWER) else Value(0)
    counts = (
        Membership.objects.filter(pk=member.pk)
        .annotate(
            review_waiting=waiting,
            inbox_threads=_count(NoteThread.objects.filter(organisation=organisation).unread_for(user)),
            inbox_flags=_count(Flag.objects.filter(organisation=organisation).waiting_for(user)),
            notifications_unread=_count(Notification.objects.filter(organisation=organisation, recipient=user).unread()),
        )
        .values("review_waiting", "inbox_threads", "inbox_flags", "notifications_unread")
        .first()
    ) or {}
    return {
        "review_waiting": counts.get("review_waiting", 0),
        "inbox_unread": counts.get("inbox_threads", 0) + counts.get("inbox_flags", 0),
        "notifications_unread": counts.get("notifications_unread", 0),
    }
