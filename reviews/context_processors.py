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
from reviews.models import Flag, NoteThread, Notification
from reviews.selectors import review_queue_for

NAV_COUNTS = ("review_waiting", "inbox_unread", "notifications_unread")


def _count(queryset: QuerySet) -> Coalesce:
    # COUNT(...) as a plain function, not an aggregate: no GROUP BY, exactly one row.
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    return Coalesce(Subquery(counted.values("n")[:1]), 0)


def nav_counts(member: Membership) -> dict[str, int]:
    user, organisation = member.user, member.organisation
    waiting = _count(review_queue_for(member)) if member.has_role(Role.REVIEWER) else Value(0)
    row = (
        Membership.objects.filter(pk=member.pk)
        .annotate(
            waiting=waiting,
            threads=_count(NoteThread.objects.filter(organisation=organisation).unread_for(user)),
            flags=_count(Flag.objects.filter(organisation=organisation).waiting_for(user)),
            notifications=_count(Notification.objects.filter(organisation=organisation, recipient=user).unread()),
        )
        .values("waiting", "threads", "flags", "notifications")
        .first()
    ) or {"waiting": 0, "threads": 0, "flags": 0, "notifications": 0}
    return {"review_waiting": row["waiting"], "inbox_unread": row["threads"] + row["flags"],
            "notifications_unread": row["notifications"]}


def review_counts(request):
    """Counts for the navigation, computed once and only if the page shows them."""
    member = getattr(request, "membership", None)
    if member is None:
        return {}
    counts = SimpleLazyObject(lambda: nav_counts(member))
    return {name: SimpleLazyObject(lambda name=name: counts[name]) for name in NAV_COUNTS}
