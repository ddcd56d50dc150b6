"""Quiet flags on published posts.

A flag goes to the post's author first. If the author neither acknowledges it nor acts
on it within the organisation's window (``flag_escalation_hours``, default 24) it goes
to the account's owner; the author is reminded beforehand that it will. Escalation and
the outcome (edited, deleted on the network, kept with a reason) are audit events.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from policies.audit import audit_record
from policies.models import Membership, Role
from policies.selectors import active_policy_for
from policies.services import DomainError
from posts.models import Post, PostState
from reviews.actions import FeedbackAction, flag_actions, get_actions
from reviews.models import Flag, FlagOutcome, FlagReason, NotificationKind
from reviews.notes import _check_tone, clean_body
from reviews.notifications import notify

# The author is reminded this long before escalation (a quarter of a short window).
MAX_NOTICE = timedelta(hours=4)


def flag_url(flag: Flag) -> str:
    return reverse("flag_detail", args=[flag.pk])


def escalation_target(post: Post):
    """Who a flag goes to when the author does not answer: the account's owner, or when
    the author owns the account, the organisation's most senior other member."""
    owner = post.account.owner.user
    if owner.pk != post.author_id:
        return owner
    others = (Membership.objects.filter(organisation=post.organisation, role__in=[Role.ADMIN, Role.LEAD])
              .exclude(user_id=post.author_id).select_related("user").order_by("-role", "pk"))
    fallback = next((m for m in others if m.role == Role.LEAD), None) or next(iter(others), None)
    return fallback.user if fallback else None


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j M, H:i")


def flag_raise(*, post: Post, by: Membership, reason: str, note: str, tone_accepted: bool = False) -> Flag:
    """Flag a published post quietly to its author, with a reason and a note."""
    if post.state != PostState.PUBLISHED:
        raise PermissionDenied("Only a published post can be flagged; for a draft, send its author a private note.")
    if FeedbackAction.FLAG not in get_actions(post, by):
        raise PermissionDenied("You cannot flag this post.")
    if reason not in FlagReason.values:
        raise DomainError("Choose why you are flagging it.", field="reason")
    note = clean_body(note)
    _check_tone(note, post.organisation, tone_accepted)
    now = timezone.now()
    _, policy = active_policy_for(post.organisation)
    window = timedelta(hours=policy.flag_escalation_hours)
    due = now + window
    target = escalation_target(post)
    try:
        with transaction.atomic():
            flag = Flag.objects.create(organisation=post.organisation, post=post, raised_by=by.user, reason=reason,
                                       note=note, due_at=due, warn_at=due - min(MAX_NOTICE, window / 4))
            audit_record(organisation=post.organisation, actor=by.user, verb="flag_raised", subject=flag,
                         post_id=post.pk, revision_number=post.approved_revision.number if post.approved_revision else None,
                         data={"reason": reason})
            where = f"it goes to {target}" if target else "it is escalated"
            notify(recipient=post.author, organisation=post.organisation, kind=NotificationKind.FLAG, post=post,
                   url=flag_url(flag),
                   title=f"{by.user} flagged your published post for {post.account.handle} "
                         f"({FlagReason(reason).label.lower()}). If it is not acknowledged or acted on by "
                         f"{_when(due)}, {where}.")
    except IntegrityError:
        raise DomainError("You have already flagged this post; its author has your note.") from None
    return flag


def _locked(flag: Flag) -> Flag:
    return Flag.objects.select_for_update(of=("self",)).select_related("post__account", "post__author").get(pk=flag.pk)


def flag_acknowledge(*, flag: Flag, by) -> Flag:
    """The author (or, once escalated, the owner) says they have seen it: no escalation."""
    with transaction.atomic():
        flag = _locked(flag)
        if FeedbackAction.ACKNOWLEDGE not in flag_actions(flag, by):
            raise PermissionDenied("Only the post's author, or the owner it was escalated to, can acknowledge this flag.")
        flag.acknowledged_at = timezone.now()
        flag.acknowledged_by = by
        flag.unread_for_author = flag.unread_for_author and by.pk != flag.post.author_id
        flag.save()
        audit_record(organisation=flag.organisation, actor=by, verb="flag_acknowledged", subject=flag,
                     post_id=flag.post_id)
        notify(recipient=flag.raised_by, organisation=flag.organisation, kind=NotificationKind.FLAG, post=flag.post,
               url=flag_url(flag),
               title=f"{by} acknowledged your flag on the post for {flag.post.account.handle}.")
    return flag


def flag_record_outcome(*, flag: Flag, by, outcome: str, reason: str = "") -> Flag:
    """Say what was done: edited or deleted on the network, or kept (with a reason)."""
    if outcome not in FlagOutcome.values:
        raise DomainError("Say what was done about the post.", field="outcome")
    reason = (reason or "").strip()
    if outcome == FlagOutcome.KEPT and not reason:
        raise DomainError("Say why the post stays up: the flag's raiser and the trail will see your reason.",
                          field="reason")
    with transaction.atomic():
        flag = _locked(flag)
        if FeedbackAction.RECORD_OUTCOME not in flag_actions(flag, by):
            raise PermissionDenied("Only the post's author, or the owner it was escalated to, can answer this flag.")
        flag.outcome, flag.outcome_reason = outcome, reason[:2000]
        flag.outcome_at, flag.outcome_by = timezone.now(), by
        flag.unread_for_author = flag.unread_for_owner = False
        flag.save()
        audit_record(organisation=flag.organisation, actor=by, verb=f"flag_{outcome}", subject=flag,
                     post_id=flag.post_id, data={"outcome": outcome, "reason": flag.outcome_reason,
                                                 "escalated": flag.escalated_at is not None})
        label = FlagOutcome(outcome).label.lower()
        told = {flag.raised_by_id, flag.post.author_id, flag.escalated_to_id} - {by.pk, None}
        for user in get_user_model().objects.filter(pk__in=told):
            notify(recipient=user, organisation=flag.organisation, kind=NotificationKind.FLAG, post=flag.post,
                   url=flag_url(flag), title=f"{by} answered the flag on the post for {flag.post.account.handle}: {label}.")
    return flag


def flags_escalate(now: datetime | None = None) -> dict[str, int]:
    """Schedule: remind authors of flags about to escalate, then escalate those whose
    window has passed. The author always gets the reminder before the escalation, even
    when the scheduler was down: escalation waits the full notice after a late reminder."""
    now = now or timezone.now()
    counts = {"warned": 0, "escalated": 0}
    unanswered = Flag.objects.open().filter(acknowledged_at__isnull=True, escalated_at__isnull=True)
    for flag_id in unanswered.filter(warned_at__isnull=True, warn_at__lte=now).values_list("pk", flat=True):
        counts["warned"] += _warn(flag_id, now)
    for flag_id in unanswered.filter(warned_at__isnull=False, due_at__lte=now).values_list("pk", flat=True):
        counts["escalated"] += _escalate(flag_id, now)
    return counts


def _unanswered_locked(flag_id: int) -> Flag | None:
    flag = Flag.objects.select_for_update(of=("self",)).select_related("post__account__owner__user", "post__author").filter(
        pk=flag_id).first()
    if flag is None or flag.is_answered or flag.escalated_at is not None:
        return None  # answered or escalated since we looked: safe to run twice
    return flag


def _warn(flag_id: int, now: datetime) -> int:
    with transaction.atomic():
        flag = _unanswered_locked(flag_id)
        if flag is None or flag.warned_at is not None:
            return 0
        flag.warned_at = now
        flag.save(update_fields=["warned_at"])
        target = escalation_target(flag.post)
        when = max(flag.due_at, now + (flag.due_at - flag.warn_at))
        notify(recipient=flag.post.author, organisation=flag.organisation, kind=NotificationKind.FLAG,
               post=flag.post, url=flag_url(flag),
               title=f"Reminder: the flag on your post for {flag.post.account.handle} goes to "
                     f"{target or 'the account owner'} at {_when(when)} unless you acknowledge it or act on it.")
    return 1


def _escalate(flag_id: int, now: datetime) -> int:
    with transaction.atomic():
        flag = _unanswered_locked(flag_id)
        if flag is None or flag.warned_at is None:
            return 0
        if now < flag.warned_at + (flag.due_at - flag.warn_at):
            return 0  # reminded late: give the author the whole notice they were promised
        target = escalation_target(flag.post)
        flag.escalated_at, flag.escalated_to, flag.unread_for_owner = now, target, True
        flag.save(update_fields=["escalated_at", "escalated_to", "unread_for_owner"])
        hours = round((flag.due_at - flag.created_at).total_seconds() / 3600, 1)
        audit_record(organisation=flag.organisation, actor=None, verb="flag_escalated", subject=flag,
                     post_id=flag.post_id, data={"reason": flag.reason, "to": str(target or ""),
                                                 "unanswered_hours": hours})
        handle = flag.post.account.handle
        if target is not None:
            notify(recipient=target, organisation=flag.organisation, kind=NotificationKind.ESCALATION, post=flag.post,
                   url=flag_url(flag),
                   title=f"A flag on a published post for {handle} was not answered within {hours:g} hours "
                         f"and now comes to you as the account's owner.")
        notify(recipient=flag.post.author, organisation=flag.organisation, kind=NotificationKind.ESCALATION,
               post=flag.post, url=flag_url(flag),
               title=f"The flag on your post for {handle} went to {target or 'the account owner'}: it was not "
                     f"answered in time.")
    return 1
