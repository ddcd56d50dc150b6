"""``get_actions(post, member)``: the single answer to "what may this person do here?".

Templates show exactly these buttons; every view refuses anything not in the set, so
the page and the server cannot disagree (STYLE.md, after Wagtail's get_actions).
"""

from __future__ import annotations

import enum

from policies.models import Membership, Role
from posts.actions import Action, author_actions, publishing_actions
from posts.models import Post, PostState


class FeedbackAction(enum.StrEnum):
    """Discreet feedback. Kept apart from ``posts.actions.Action`` because none of these
    touches the post: a note or a flag is advice, never a vote."""

    NOTE = "note"
    FLAG = "flag"
    REPLY = "reply"
    ACKNOWLEDGE = "acknowledge"
    RESOLVE = "resolve"
    RECORD_OUTCOME = "record_outcome"


def counts_as_owner_or_lead(post: Post, member: Membership) -> bool:
    return member.has_role(Role.LEAD) or post.account.owner_id == member.pk


def get_actions(post: Post, member: Membership | None, *, approved_by_me: bool | None = None) -> set[Action | FeedbackAction]:
    """Everything ``member`` may do to ``post`` now. ``approved_by_me`` may be passed by a
    caller that already knows it (the queue), saving a query."""
    if member is None or post.organisation_id != member.organisation_id:
        return set()
    actions = author_actions(post, member) | publishing_actions(post, member)
    is_author = post.author_id == member.user_id
    if not is_author and member.has_role(Role.REVIEWER) and post.state == PostState.IN_REVIEW:
        if approved_by_me is None:
            approved_by_me = post.decisions.filter(
                revision_id=post.current_revision_id, reviewer_id=member.user_id, verdict="approve"
            ).exists()
        if not approved_by_me:
            actions.add(Action.APPROVE)
        actions.add(Action.REQUEST_CHANGES)
    if not is_author:
        # Any colleague may have a quiet word with the author, whatever the post's state.
        actions.add(FeedbackAction.NOTE)
        if post.state == PostState.PUBLISHED:
            actions.add(FeedbackAction.FLAG)
    return actions


def thread_actions(thread, user) -> set[FeedbackAction]:
    """What ``user`` may do in a private-note thread: only its two people do anything."""
    if user is None or not thread.involves(user):
        return set()
    actions = {FeedbackAction.REPLY}
    if user.pk == thread.author_id:
        if thread.status != "acknowledged":
            actions.add(FeedbackAction.ACKNOWLEDGE)
        if thread.status == "open":
            actions.add(FeedbackAction.RESOLVE)
    return actions


def flag_actions(flag, user) -> set[FeedbackAction]:
    """The author answers a flag (acknowledge, or say what was done); once it has been
    escalated the account's owner can too. Nobody else, the flag's raiser included."""
    if user is None or not flag.is_open or not flag.answerable_by(user):
        return set()
    actions = {FeedbackAction.RECORD_OUTCOME}
    if flag.acknowledged_at is None:
        actions.add(FeedbackAction.ACKNOWLEDGE)
    return actions
