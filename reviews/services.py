"""Review decisions. Each runs on the locked post row, so two reviewers approving at the
same moment record both approvals and exactly one transition to approved."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from policies.models import Membership
from policies.services import DomainError
from posts import services as post_services
from posts.actions import Action
from posts.models import Post
from reviews.actions import counts_as_owner_or_lead, get_actions
from reviews.models import Decision, Verdict
from reviews.selectors import approval_status, approvals_of


def _locked(post: Post) -> Post:
    return Post.objects.select_for_update(of=("self",)).select_related("account", "current_revision").get(pk=post.pk)


def _current_revision_or_explain(post: Post, revision_number: int):
    current = post.current_revision
    if current is None or current.number != revision_number:
        raise DomainError(
            f"You reviewed revision {revision_number}, but the author has since saved revision "
            f"{current.number if current else '?'}: read the changes and decide again."
        )
    return current


def _locked_for(post: Post, by: Membership, action: Action, revision_number: int):
    """Lock the post, check ``by`` may take ``action`` now, and return it with the
    revision being decided on (which must still be the current one)."""
    post = _locked(post)
    if action not in get_actions(post, by):
        if post.author_id == by.user_id:
            raise PermissionDenied("You cannot review your own post.")
        raise DomainError("This post is not waiting for your review.")
    return post, _current_revision_or_explain(post, revision_number)


def decision_approve(*, post: Post, revision_number: int, by: Membership) -> Decision:
    """Approve the current revision; when it has what its tier needs, the post is approved."""
    with transaction.atomic():
        post, revision = _locked_for(post, by, Action.APPROVE, revision_number)
        try:
            with transaction.atomic():
                decision = Decision.objects.create(
                    post=post, revision=revision, reviewer=by.user, verdict=Verdict.APPROVE,
                    as_owner_or_lead=counts_as_owner_or_lead(post, by),
                )
        except IntegrityError:
            raise DomainError("You have already approved this revision.") from None
        status = approval_status(revision, approvals_of(revision))
        post_services.post_audit(post, by.user, "approval_given", revision,
                             given=status["given"], needed=status["needed"])
        if status["complete"]:
            post_services.post_mark_approved(post=post, revision=revision, by=by.user)
    return decision


def decision_request_changes(*, post: Post, revision_number: int, by: Membership, message: str) -> Decision:
    """Send the post back to its author with a message saying what to change."""
    message = (message or "").strip()
    if not message:
        raise DomainError("Tell the author what to change.", field="message")
    with transaction.atomic():
        post, revision = _locked_for(post, by, Action.REQUEST_CHANGES, revision_number)
        decision = Decision.objects.create(post=post, revision=revision, reviewer=by.user,
                                           verdict=Verdict.REQUEST_CHANGES, message=message,
                                           as_owner_or_lead=counts_as_owner_or_lead(post, by))
        post_services.post_mark_changes_requested(post=post, revision=revision, by=by.user, message=message)
    return decision
