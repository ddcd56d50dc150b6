"""Turn a post's transitions (posts.signals.post_transition) into notifications.

Runs inside the transition's transaction; ``notify`` sends email only after commit.
Nobody is told about their own action.
"""

from __future__ import annotations

from django.dispatch import receiver
from django.urls import reverse

from policies.models import Membership, Role
from posts.signals import post_transition
from reviews.models import NotificationKind
from reviews.notifications import notify

REVIEWER_ROLES = [Role.REVIEWER, Role.LEAD, Role.ADMIN]


def _author_messages(post, actor) -> dict[str, tuple[str, str]]:
    # No message for auto-approval: it happens the moment the author submits, on their screen.
    handle = post.account.handle
    return {
        "changes_requested": (NotificationKind.CHANGES_REQUESTED,
                              f"{actor or 'A reviewer'} asked for changes to your post for {handle}."),
        "approved": (NotificationKind.APPROVED, f"Your post for {handle} was approved."),
        "published": (NotificationKind.PUBLISHED, f"Your post for {handle} was published."),
        "publish_failed": (NotificationKind.PUBLISH_FAILED, f"Publishing your post for {handle} failed."),
        "held": (NotificationKind.PUBLISH_FAILED,
                 f"Your post for {handle} was held: it was too late to publish it as scheduled."),
    }


@receiver(post_transition, dispatch_uid="reviews.notify_on_post_transition")
def notify_on_post_transition(sender, post, verb, actor, revision, data, **kwargs) -> None:
    url = reverse("post_detail", args=[post.pk])
    if verb == "submitted" and data.get("tier") not in {None, "low", "block"}:
        reviewers = (Membership.objects.filter(organisation=post.organisation, role__in=REVIEWER_ROLES)
                     .exclude(user_id=post.author_id).select_related("user"))
        for member in reviewers:
            notify(recipient=member.user, organisation=post.organisation, kind=NotificationKind.REVIEW_WAITING,
                   post=post, url=url,
                   title=f"{post.author} submitted a post for {post.account.handle} ({data['tier']} risk): "
                         f"it is waiting for review.")
        return
    message = _author_messages(post, actor).get(verb)
    if message is None:
        return
    kind, title = message
    recipients = [post.author]
    if kind == NotificationKind.PUBLISH_FAILED and post.account.owner.user_id != post.author_id:
        recipients.append(post.account.owner.user)
    for recipient in recipients:
        if actor is not None and recipient.pk == actor.pk:
            continue
        notify(recipient=recipient, organisation=post.organisation, kind=kind, post=post, url=url, title=title)
