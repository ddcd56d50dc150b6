"""The publishing calendar: month and week views per account, and a list for keyboard
and screen-reader users. Each post shows at its publishing time (the time it went out,
else the time it is scheduled for) in the organisation's time zone."""

from __future__ import annotations

import calendar as cal
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from policies.models import SocialAccount
from policies.permissions import member_required
from posts.models import Post, PostState
from posts.scheduling import zone_for

SHOWN = [PostState.SCHEDULED, PostState.PUBLISHING, PostState.PUBLISHED, PostState.HELD, PostState.FAILED,
         PostState.APPROVED, PostState.IN_REVIEW, PostState.DRAFT, PostState.CHANGES_REQUESTED]


def _filters(request):
    accounts = list(SocialAccount.objects.filter(organisation=request.organisation).active().order_by("network", "handle"))
    raw = request.GET.get("account", "")
    account = next((a for a in accounts if str(a.pk) == raw), None)
    return accounts, account


def _entries(request, account, start: date, end: date, zone) -> list[dict]:
    """Posts with a time between ``start`` and ``end`` (local dates, end exclusive)."""
    lo = datetime.combine(start, time.min, tzinfo=zone)
    hi = datetime.combine(end, time.min, tzinfo=zone)
    posts = (Post.objects.for_org(request.organisation).filter(state__in=SHOWN)
             .filter(Q(published_at__gte=lo, published_at__lt=hi)
                     | Q(published_at__isnull=True, scheduled_for__gte=lo, scheduled_for__lt=hi))
             .select_related("account", "current_revision"))
    if account is not None:
        posts = posts.filter(account=account)
    entries = []
    for post in posts:
        moment = timezone.localtime(post.published_at or post.scheduled_for, zone)
        entries.append({"post": post, "at": moment, "day": moment.date()})
    entries.sort(key=lambda e: (e["at"], e["post"].pk))
    return entries


def _month(value: str | None, today: date) -> date:
    try:
        year, month = (int(p) for p in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


@member_required()
def month(request):
    zone = zone_for(request.organisation)
    today = timezone.localtime(timezone.now(), zone).date()
    first = _month(request.GET.get("month"), today)
    weeks = cal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    accounts, account = _filters(request)
    entries = _entries(request, account, weeks[0][0], weeks[-1][-1] + timedelta(days=1), zone)
    by_day = defaultdict(list)
    for entry in entries:
        by_day[entry["day"]].append(entry)
    grid = [[{"date": d, "entries": by_day.get(d, []), "other_month": d.month != first.month, "today": d == today}
             for d in week] for week in weeks]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return render(request, "posts/calendar_month.html", {
        "first": first, "grid": grid, "accounts": accounts, "account": account, "zone": zone.key,
        "previous": previous, "following": following, "view": "month", "weekdays": list(cal.day_abbr),
    })


@member_required()
def week(request):
    zone = zone_for(request.organisation)
    today = timezone.localtime(timezone.now(), zone).date()
    try:
        start = date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        start = today
    start -= timedelta(days=start.weekday())
    accounts, account = _filters(request)
    entries = _entries(request, account, start, start + timedelta(days=7), zone)
    days = [{"date": start + timedelta(days=i), "entries": [e for e in entries if e["day"] == start + timedelta(days=i)],
             "today": start + timedelta(days=i) == today} for i in range(7)]
    return render(request, "posts/calendar_week.html", {
        "start": start, "days": days, "accounts": accounts, "account": account, "zone": zone.key,
        "previous": start - timedelta(days=7), "following": start + timedelta(days=7), "view": "week",
    })


@member_required()
def agenda(request):
    """The same posts as a plain list: what is coming, then what went out recently."""
    zone = zone_for(request.organisation)
    today = timezone.localtime(timezone.now(), zone).date()
    try:
        start = date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        start = today - timedelta(days=7)
    accounts, account = _filters(request)
    entries = _entries(request, account, start, start + timedelta(days=42), zone)
    return render(request, "posts/calendar_list.html", {
        "entries": entries, "start": start, "end": start + timedelta(days=41), "accounts": accounts,
        "account": account, "zone": zone.key, "view": "list",
        "previous": start - timedelta(days=42), "following": start + timedelta(days=42),
    })
