"""What the author may do with a post, decided in one place (see reviews.actions)."""

from __future__ import annotations

import enum

from policies.models import Membership
from posts.models import Post, PostState


class Action(enum.StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"


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
