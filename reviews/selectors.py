"""Reads shared by the review pages."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Left

from policies.models import Membership, Role
from policies.querycache import CompiledQuery
from posts.models import Post, PostState
from reviews.models import Decision, Flag, NoteThread, Notification


def review_queue_for(member: Membership, *, account_id: int | None = None, tier: str | None = None) -> QuerySet[Post]:
    """Posts waiting for ``member``'s review: in review, not their own, not already
    approved by them in this revision; oldest submission first."""
    if not member.has_role(Role.REVIEWER):
        return Post.objects.none()
    mine = Decision.objects.filter(
        post=OuterRef("pk"), revision=OuterRef("current_revision"), reviewer_id=member.user_id, verdict="approve"
    )
    posts = (
        Post.objects.filter(organisation_id=member.organisation_id, state=PostState.IN_REVIEW)
        .exclude(author_id=member.user_id)
        .exclude(Exists(mine))
        .select_related("account", "author", "current_revision")
        .order_by("submitted_at", "pk")
    )
    if account_id:
        posts = posts.filter(account_id=account_id)
    if tier:
        posts = posts.filter(current_revision__tier=tier)
    return posts


class QueueRow(NamedTuple):
    """One line of the review queue: only what the page shows. A named tuple: 25 are
    made a page, and a frozen dataclass's ``__init__`` costs three times as much."""

    pk: int
    tier: str
    required_approvals: int
    approvals: int
    handle: str
    author: str
    submitted_at: datetime | None
    excerpt: str


QUEUE_EXCERPT = 160


def _cut(text: str) -> str:
    """The first QUEUE_EXCERPT characters, with an ellipsis when there is more."""
    return text if len(text) <= QUEUE_EXCERPT else text[: QUEUE_EXCERPT - 1].rstrip() + "…"


def _counted(queryset: QuerySet) -> QuerySet:
    """``queryset``'s row count as a one-column query: COUNT as a plain function, not an
    aggregate, so no GROUP BY and exactly one row."""
    return queryset.order_by().annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField())).values("n")


def _queue_rows_query(variant, *, member_id: int, user_id: int, organisation_id: int, account_id: int):
    filtered_by_account, tier, offset, limit, with_nav_counts = variant
    member = Membership(pk=member_id, user_id=user_id, organisation_id=organisation_id, role=Role.REVIEWER)
    approvals = Decision.objects.filter(post=OuterRef("pk"), revision=OuterRef("current_revision"), verdict="approve")
    # The navigation's counts as four more columns, the same on every row: uncorrelated
    # scalar subqueries, which the database runs once for the statement.
    nav = _nav_count_columns(member, is_reviewer=True) if with_nav_counts else {}
    return (
        review_queue_for(member, account_id=account_id if filtered_by_account else None, tier=tier)
        .annotate(
            # A scalar subquery, not a join and GROUP BY over every selected column.
            approvals=Coalesce(Subquery(approvals.order_by().values("post").annotate(n=Count("pk")).values("n")[:1]), 0),
            excerpt=Left("current_revision__text", QUEUE_EXCERPT + 1),
            **nav,
        )
        .values_list("pk", "current_revision__tier", "current_revision__required_approvals", "approvals",
                     "account__handle", "author__name", "author__email", "submitted_at", "excerpt", *nav)
        [offset:offset + limit]
    )


def _queue_count_query(variant, *, member_id: int, user_id: int, organisation_id: int, account_id: int):
    filtered_by_account, tier = variant
    member = Membership(pk=member_id, user_id=user_id, organisation_id=organisation_id, role=Role.REVIEWER)
    return _counted(review_queue_for(member, account_id=account_id if filtered_by_account else None, tier=tier))


# The queue is read on every visit by every reviewer: its SQL is compiled once per process.
_QUEUE_ROWS = CompiledQuery(_queue_rows_query, "member_id", "user_id", "organisation_id", "account_id")
_QUEUE_COUNT = CompiledQuery(_queue_count_query, "member_id", "user_id", "organisation_id", "account_id")


QUEUE_PAGE = 25  # posts a page


class ReviewQueue(Sequence):
    """``member``'s queue as a sequence for the Paginator: its length is one COUNT, a slice
    one page of ``QueueRow``s."""

    def __init__(self, member: Membership, *, account_id: int | None = None, tier: str | None = None):
        if not member.has_role(Role.REVIEWER):
            raise ValueError("only reviewers have a queue")
        self.member, self.account_id, self.tier = member, account_id, tier
        self._pages: dict[tuple[int, int], list[QueueRow]] = {}  # (start, stop): rows read ahead

    def _ids(self) -> dict[str, int]:
        return {"member_id": self.member.pk, "user_id": self.member.user_id,
                "organisation_id": self.member.organisation_id, "account_id": self.account_id or 0}

    @functools.cached_property
    def _count(self) -> int:
        rows = _QUEUE_COUNT.rows((self.account_id is not None, self.tier), **self._ids())
        return rows[0][0] if rows else 0

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("the review queue is read a page (a plain slice) at a time")
        start, stop, _ = index.indices(len(self))
        if stop <= start:
            return []
        read = self._pages.get((start, stop))
        if read is not None:
            return read
        variant = (self.account_id is not None, self.tier, start, stop - start, False)
        return [_queue_row(row) for row in _QUEUE_ROWS.rows(variant, **self._ids())]

    def read_with_nav_counts(self, request, *, start: int) -> None:
        """Read the page from ``start`` with this request's navigation counts, in one query.

        Only for the unfiltered queue, whose length is the navigation's "waiting" count: the
        page, the length and the counts then come from one statement (one snapshot). When
        that page is empty (an empty queue, a page number past the end) the counts are read
        on their own, as before, and the Paginator's page after that."""
        if self.account_id is not None or self.tier is not None:
            raise ValueError("only the unfiltered queue's length is the navigation's count")
        counts = getattr(request, "_nav_counts", None)
        if counts is None:
            rows = _QUEUE_ROWS.rows((False, None, start, QUEUE_PAGE, True), **self._ids())
            if rows:
                counts = request._nav_counts = _nav_counts_of(rows[0][-len(NAV_COLUMNS):])
                self._pages[(start, start + len(rows))] = [_queue_row(row) for row in rows]
            else:
                counts = nav_counts_for(request)
        self._count = counts["review_waiting"]


def _queue_row(row: tuple) -> QueueRow:
    pk, tier, required, approvals, handle, name, email, submitted_at, excerpt = row[:9]
    return QueueRow(pk, tier, required, approvals, handle, name or email, submitted_at, _cut(excerpt))


def review_queue_page(request, number, *, account_id: int | None = None, tier: str | None = None):
    """Page ``number`` (as the Paginator reads it) of the requesting member's queue."""
    queue = ReviewQueue(request.membership, account_id=account_id, tier=tier)
    if account_id is None and tier is None:
        # The page asked for, guessed as the Paginator will read it; a wrong guess (a page
        # past the end, or below 1) costs the one more read of the page it always did.
        asked = int(number) if isinstance(number, str) and number.isdecimal() and len(number) < 7 else 1
        queue.read_with_nav_counts(request, start=(max(asked, 1) - 1) * QUEUE_PAGE)
    return Paginator(queue, QUEUE_PAGE).get_page(number)


def approvals_of(revision) -> list[Decision]:
    return list(
        Decision.objects.filter(revision=revision, verdict="approve").select_related("reviewer").order_by("created_at")
    )


def approval_status(revision, approvals: list[Decision]) -> dict:
    """Who the revision still waits for, in words an author understands."""
    count = len(approvals)
    needed = revision.required_approvals
    lead_given = any(a.as_owner_or_lead for a in approvals)
    missing = max(needed - count, 0)
    needs_lead = revision.needs_owner_or_lead and not lead_given
    if needs_lead and missing == 0:
        missing = 1  # all slots filled by peers; one more, from the owner or a lead
    parts = []
    if missing:
        if needs_lead:
            parts.append("the account owner or a comms lead")
            if missing > 1:
                parts.append(f"{missing - 1} more reviewer{'s' if missing > 2 else ''}")
        else:
            parts.append(f"{missing} reviewer{'s' if missing > 1 else ''}")
    return {"given": count, "needed": needed, "missing": missing, "needs_lead": needs_lead,
            "complete": missing == 0, "waiting_for": " and ".join(parts)}


# --- Navigation counts ------------------------------------------------------------------
# All four in ONE query (scalar subqueries), because every page shows them.

NAV_COUNTS = ("review_waiting", "inbox_unread", "notifications_unread")
NAV_COLUMNS = ("nav_waiting", "nav_threads", "nav_flags", "nav_notifications")


def _count_of(queryset: QuerySet) -> Coalesce:
    return Coalesce(Subquery(_counted(queryset)[:1]), 0)


def _nav_count_columns(member: Membership, *, is_reviewer: bool) -> dict:
    """The navigation's counts as expressions, named NAV_COLUMNS (the page's queue reads
    them beside its rows)."""
    user_id, organisation_id = member.user_id, member.organisation_id
    return dict(zip(NAV_COLUMNS, (
        _count_of(review_queue_for(member)) if is_reviewer else Value(0),
        _count_of(NoteThread.objects.filter(organisation_id=organisation_id).unread_for(user_id)),
        _count_of(Flag.objects.filter(organisation_id=organisation_id).waiting_for(user_id)),
        _count_of(Notification.objects.filter(organisation_id=organisation_id, recipient_id=user_id).unread()),
    ), strict=True))


def _nav_counts_query(is_reviewer: bool, *, member_id: int, user_id: int, organisation_id: int):
    member = Membership(pk=member_id, user_id=user_id, organisation_id=organisation_id,
                        role=Role.REVIEWER if is_reviewer else Role.AUTHOR)
    return (
        # No ordering: Membership's default (by the user's name) joined and sorted one row.
        Membership.objects.filter(pk=member_id).order_by()
        .annotate(**_nav_count_columns(member, is_reviewer=is_reviewer))
        .values_list(*NAV_COLUMNS)[:1]
    )


# Compiled once per process: building this SQL costs several times more than running it.
_NAV_COUNTS = CompiledQuery(_nav_counts_query, "member_id", "user_id", "organisation_id")


def _nav_counts_of(row: tuple) -> dict[str, int]:
    waiting, threads, flags, notifications = row
    return {"review_waiting": waiting, "inbox_unread": threads + flags, "notifications_unread": notifications}


def nav_counts(member: Membership) -> dict[str, int]:
    rows = _NAV_COUNTS.rows(member.has_role(Role.REVIEWER), member_id=member.pk, user_id=member.user_id,
                            organisation_id=member.organisation_id)
    return _nav_counts_of(rows[0] if rows else (0, 0, 0, 0))


def nav_counts_for(request) -> dict[str, int]:
    """The navigation counts of this request, read at most once (the queue reuses them)."""
    counts = getattr(request, "_nav_counts", None)
    if counts is None:
        counts = request._nav_counts = nav_counts(request.membership)
    return counts


# --- Discreet feedback ----------------------------------------------------------------------


def threads_for(member: Membership, *, sent: bool):
    """My threads: received (about my posts) or sent (about colleagues' posts), newest first."""
    mine = {"colleague": member.user} if sent else {"author": member.user}
    return (NoteThread.objects.filter(organisation=member.organisation, **mine)
            .select_related("post__account", "post__current_revision", "author", "colleague")
            .order_by("-last_message_at", "-pk"))


def flags_for(member: Membership, *, sent: bool):
    """Flags I raised (sent), or flags on my posts and escalated to me (received)."""

    flags = Flag.objects.filter(organisation=member.organisation)
    flags = flags.filter(raised_by=member.user) if sent else flags.filter(
        Q(post__author=member.user) | Q(escalated_to=member.user))
    return flags.select_related("post__account", "post__author", "raised_by", "escalated_to").order_by(
        "outcome", "-created_at")


def thread_for_viewer(thread_id: int, member: Membership):
    """A thread, only for its two people, in the current organisation; None for anyone
    else (the view answers 404, so a thread's existence is not revealed)."""
    return (NoteThread.objects.filter(organisation=member.organisation).involving(member.user)
            .select_related("post__account", "post__current_revision", "post__author", "author", "colleague")
            .filter(pk=thread_id).first())


def feedback_panel_for(post: Post, member: Membership) -> dict:
    """What the post page shows this viewer about notes and flags: the author sees the
    threads about their post; a colleague sees only their own thread with the author."""
    user = member.user
    threads = NoteThread.objects.filter(organisation=member.organisation, post=post).select_related(
        "author", "colleague")
    if post.author_id == user.pk:
        threads = list(threads.filter(author=user).order_by("-last_message_at"))
    else:
        threads = list(threads.filter(colleague=user))
    # Only a published post can be flagged; elsewhere skip the query (the page has a budget).
    flags = []
    if post.state == PostState.PUBLISHED:
        flags = list(Flag.objects.filter(post=post).select_related("raised_by", "escalated_to"))
    for flag in flags:
        flag.post = post  # already loaded; saves a query per flag
    flags = [f for f in flags if f.visible_to(user)]
    return {"note_threads": threads, "post_flags": flags}
