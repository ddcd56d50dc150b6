"""Reads shared by the review pages."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from policies.models import Membership, Role
from posts.models import Post, PostState
from reviews.models import Decision


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


def waiting_count_for(member: Membership | None) -> int:
    if member is None:
        return 0
    return review_queue_for(member).count()


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
