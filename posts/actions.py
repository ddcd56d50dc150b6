"""What the author may do with a post, decided in one place (see reviews.actions)."""

from __future__ import annotations

import enum

from policies.models import Membership, Role
from posts.models import AttemptState, Post, PostState, PublishAttempt


class Action(enum.StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    SCHEDULE = "schedule"
    UNSCHEDULE = "unschedule"
    RETRY = "retry"
    MARK_PUBLISHED = "mark_published"


def author_actions(post: Post, member: Membership) -> set[Action]:
    if member is None or post.organisation_id != member.organisation_id or post.author_id != member.user_id:
        return set()
    actions: set[Action] = set()
    if post.is_editable:
        actions.add(Action.EDIT)
    if post.state in {PostState.DRAFT, PostState.CHANGES_REQUESTED}:
        actions.add(Action.SUBMIT)
    if post.state in {PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, PostState.APPROVED, PostState.SCHEDULED}:
        actions.add(Action.WITHDRAW)
    return actions


# States in which a post's publishing time may be set (before approval it is kept and
# applied on approval).
SCHEDULABLE_STATES = frozenset({
    PostState.DRAFT, PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, PostState.APPROVED,
    PostState.SCHEDULED, PostState.HELD,
})


def may_publish(post: Post, member: Membership | None) -> bool:
    """The author, the account's owner, or a lead may schedule, retry or record a post."""
    if member is None or post.organisation_id != member.organisation_id:
        return False
    return post.author_id == member.user_id or member.has_role(Role.LEAD) or post.account.owner_id == member.pk


def publishing_actions(post: Post, member: Membership | None, *, by_hand_due: bool | None = None) -> set[Action]:
    """Scheduling and publishing actions. ``by_hand_due`` (a publishing post waiting for
    someone to post it by hand) is looked up when the caller does not know it."""
    if not may_publish(post, member):
        return set()
    actions: set[Action] = set()
    if post.state in SCHEDULABLE_STATES:
        actions.add(Action.SCHEDULE)
        if post.scheduled_for or post.publish_when_approved:
            actions.add(Action.UNSCHEDULE)
    approved_current = post.approved_revision_id is not None and post.approved_revision_id == post.current_revision_id
    if post.state in {PostState.FAILED, PostState.HELD} and approved_current:
        actions.update({Action.RETRY, Action.MARK_PUBLISHED})
    if post.state == PostState.PUBLISHING and approved_current:
        if by_hand_due is None:
            by_hand_due = PublishAttempt.objects.filter(
                revision_id=post.approved_revision_id, account_id=post.account_id, state=AttemptState.MANUAL).exists()
        if by_hand_due:
            actions.add(Action.MARK_PUBLISHED)
    return actions
