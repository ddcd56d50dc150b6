"""``get_actions(post, member)``: the single answer to "what may this person do here?".

Templates show exactly these buttons; every view refuses anything not in the set, so
the page and the server cannot disagree (STYLE.md, after Wagtail's get_actions).
"""

from __future__ import annotations

from policies.models import Membership, Role
from posts.actions import Action, author_actions, publishing_actions
from posts.models import Post, PostState


def counts_as_owner_or_lead(post: Post, member: Membership) -> bool:
    return member.has_role(Role.LEAD) or post.account.owner_id == member.pk


def get_actions(post: Post, member: Membership | None, *, approved_by_me: bool | None = None) -> set[Action]:
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
    return actions
