"""When a post goes out: setting its time, and the schedule that claims what is due.

Times are entered in the organisation's time zone (its policy's ``timezone``, default
Europe/London). Changing only the time keeps the approval, unless the new time falls
into a policy window the approved revision was not checked against: then the same text
is checked again as a new revision and goes back to the author to submit.

``posts_publish_due`` runs every minute under django-q2. It claims each due post with a
conditional update whose row count is checked, so two schedulers running at once never
both publish one post, and a scheduler that was down publishes each overdue post once,
or holds it for a person when it is later than the policy's lateness limit.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, Q
from django.dispatch import receiver
from django.utils import timezone

from config.jobs import enqueue
from policies.checks.base import Severity
from policies.models import Organisation
from policies.selectors import active_policy_for
from policies.services import DomainError
from posts.actions import SCHEDULABLE_STATES as SCHEDULABLE
from posts.models import AttemptState, Post, PostState, PublishAttempt, Revision
from posts.services import _check_fresh, _lock, _new_revision, assess_for, post_audit
from posts.signals import post_transition

logger = logging.getLogger(__name__)

CLAIM_BATCH = 200
# A pending attempt whose job vanished (Redis flushed, worker gone) is re-queued after this.
LOST_JOB_AFTER = timedelta(minutes=5)


# --- Time zones ------------------------------------------------------------------------------


def zone_for(organisation: Organisation) -> ZoneInfo:
    _, policy = active_policy_for(organisation)
    return ZoneInfo(policy.timezone or organisation.timezone or "Europe/London")


def local_to_utc(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The moment ``day`` at ``clock`` in ``zone``, refusing a time the clocks skip or repeat.

    A time in the spring gap does not exist; one in the autumn hour happens twice and
    would publish at a moment nobody chose.
    """
    naive = datetime.combine(day, clock.replace(second=0, microsecond=0))
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        when = f"{clock:%H:%M} on {day:%-d %B %Y}"
        if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
            raise DomainError(f"{when} does not exist in {zone.key}: the clocks go forward that night, "
                              "skipping that hour. Choose a time outside it.", field="when")
        raise DomainError(f"{when} happens twice in {zone.key}: the clocks go back that night, repeating that "
                          "hour. Choose a time outside it so the post goes out when you mean.", field="when")
    return first.astimezone(UTC)


# --- Windows ------------------------------------------------------------------------------


def windows_entered(revision: Revision, *, account, author_id: int, at: datetime) -> list[dict]:
    """What the text meets at ``at`` that its revision was not checked against: window
    findings of medium severity or above that it did not have, or a higher tier.

    Leaving a window keeps the approval (it was given under stricter rules); a low
    window (quiet hours: "consider the morning") is advice, not a new risk.
    """
    checked = assess_for(text=revision.text, account=account, author_id=author_id, at=at)
    known = {(f.get("rule"), f.get("code")) for f in revision.findings if f.get("check") == "windows"}
    entered = [
        f.as_dict() | {"rule": f.rule}
        for f in checked.assessment.findings
        if f.check == "windows" and (f.rule, f.code) not in known and f.severity >= Severity.MEDIUM
    ]
    if not entered and TIER_RANK[checked.assessment.tier.value] > TIER_RANK[revision.tier]:
        entered = [{"check": "windows", "rule": "", "message": f"At that time the post is {checked.assessment.tier.value} "
                    f"risk, not {revision.tier} as approved."}]
    return entered


TIER_RANK = {"low": 0, "medium": 1, "high": 2, "block": 3}


# --- Transitions ---------------------------------------------------------------------------


def post_schedule(*, post: Post, by, when: datetime | None, expected_revision: int | None = None) -> Post:
    """Set when ``post`` goes out: at ``when`` (aware), or with None as soon as it is approved.

    An approved post becomes scheduled. A post not yet approved keeps the wish and is
    scheduled the moment it is approved. A time inside a policy window the revision was
    not checked for makes a new revision of the same text and returns the post to draft.
    """
    now = timezone.now()
    if when is not None and when <= now:
        raise DomainError("That time has already passed. Choose a time in the future, or "
                          "“as soon as it is approved”.", field="when")
    with transaction.atomic():
        post = _lock(post)
        if post.state not in SCHEDULABLE:
            raise DomainError(f"A post that is {post.get_state_display().lower()} cannot be scheduled.")
        _check_fresh(post, expected_revision)
        post.scheduled_for = when
        post.publish_when_approved = when is None
        revision = post.current_revision
        if when is not None:
            entered = windows_entered(revision, account=post.account, author_id=post.author_id, at=when)
            if entered:
                revision = _recheck_for_time(post, by, when, entered)
        label = when.isoformat() if when else "as soon as approved"
        if post.state in {PostState.APPROVED, PostState.SCHEDULED, PostState.HELD} \
                and post.approved_revision_id == post.current_revision_id:
            post.state = PostState.SCHEDULED
            post_audit(post, by, "scheduled", revision, for_time=label)
        else:
            post_audit(post, by, "schedule_requested", revision, for_time=label)
        post.save()
    return post


def _recheck_for_time(post: Post, by, when: datetime, entered: list[dict]) -> Revision:
    # The autosaved text is the author's; a re-check of the saved text must not lose it.
    typing = post.working_text
    revision = _new_revision(post, post.current_revision.text, by, at=when)
    post.working_text = typing
    if post.state != PostState.DRAFT:
        was = post.state
        post.state = PostState.DRAFT
        post.approved_revision = None
        post.approved_by_policy = False
        post.approved_at = None
        post_audit(post, by, "returned_to_draft", revision, was=was,
                   reason="The new time falls in a policy window: " + " ".join(f["message"] for f in entered)
                   + " The approval does not cover it, so the post needs submitting again.")
    return revision


def post_unschedule(*, post: Post, by) -> Post:
    """Take the time off a post: a scheduled post goes back to approved."""
    with transaction.atomic():
        post = _lock(post)
        if not (post.scheduled_for or post.publish_when_approved) or post.state not in SCHEDULABLE:
            raise DomainError("This post is not scheduled.")
        post.scheduled_for = None
        post.publish_when_approved = False
        if post.state in {PostState.SCHEDULED, PostState.HELD}:
            post.state = PostState.APPROVED
        post.save()
        post_audit(post, by, "unscheduled")
    return post


@receiver(post_transition, dispatch_uid="posts.scheduling.schedule_on_approval")
def schedule_on_approval(sender, post: Post, verb: str, revision=None, **kwargs) -> None:
    """An approved post that already has a time (or "as soon as approved") is scheduled."""
    if verb not in {"approved", "auto_approved"} or post.state != PostState.APPROVED:
        return
    if not (post.scheduled_for or post.publish_when_approved):
        return
    post.state = PostState.SCHEDULED
    post.save()
    label = post.scheduled_for.isoformat() if post.scheduled_for else "as soon as approved"
    post_audit(post, None, "scheduled", revision, for_time=label)


# --- The schedule: claim what is due ---------------------------------------------------------


def _due(now: datetime) -> Q:
    return Q(scheduled_for__lte=now) | Q(scheduled_for__isnull=True, publish_when_approved=True)


def posts_publish_due(now: datetime | None = None) -> int:
    """django-q2 schedule, every minute: claim each due post and queue one publish job for
    it; re-queue attempts whose retry time came or whose worker died. Returns how many
    posts this run claimed."""
    now = now or timezone.now()
    due = list(Post.objects.filter(state=PostState.SCHEDULED).filter(_due(now))
               .order_by("scheduled_for", "pk").values_list("pk", flat=True)[:CLAIM_BATCH])
    claimed = sum(1 for pk in due if post_claim(pk, now=now))
    attempts_recover(now)
    return claimed


def post_claim(pk: int, *, now: datetime) -> bool:
    """Move one due post from scheduled to publishing, if nobody else did first."""
    from posts.publishing.service import publish_attempt

    with transaction.atomic():
        won = (Post.objects.filter(pk=pk, state=PostState.SCHEDULED, approved_revision=F("current_revision"))
               .filter(_due(now)).update(state=PostState.PUBLISHING, updated_at=now))
        if won != 1:
            return False  # another scheduler claimed it, or it changed since we looked
        post = Post.objects.select_related("account__organisation", "approved_revision").get(pk=pk)
        due_at = post.scheduled_for or post.approved_at or now
        late = now - due_at
        _, policy = active_policy_for(post.organisation)
        if late > timedelta(minutes=policy.publishing_lateness_minutes):
            post.state = PostState.HELD
            post.save(update_fields=["state", "updated_at"])
            post_audit(post, None, "held", post.approved_revision,
                       reason=f"It was due {_minutes(late)} ago, past the policy's limit of "
                              f"{policy.publishing_lateness_minutes} minutes. Publish it now, reschedule or withdraw it.")
            return True
        attempt = attempt_for(post, due_at=due_at, now=now)
        if attempt.state == AttemptState.SENT:
            _already_sent(post, attempt)
            return True
        post_audit(post, None, "publishing", post.approved_revision, attempt=attempt.pk)
        enqueue(publish_attempt, attempt.pk, queue="publish", timeout=JOB_TIMEOUT)
    return True


JOB_TIMEOUT = 120


def attempt_for(post: Post, *, due_at: datetime, now: datetime) -> PublishAttempt:
    """The ledger row for the approved revision on this account, ready to send.

    A row left by an earlier try keeps its idempotency key and ``may_exist``, so what
    may already be on the network is found rather than posted again.
    """
    attempt, created = PublishAttempt.objects.select_for_update().get_or_create(
        revision=post.approved_revision, account=post.account, defaults={"post": post, "due_at": due_at})
    if not created and attempt.state != AttemptState.SENT:
        attempt.state = AttemptState.PENDING
        attempt.due_at = due_at
        attempt.tries = 0
        attempt.next_try_at = None
        attempt.lease_until = None
        attempt.last_error = ""
        attempt.save()
    return attempt


def _already_sent(post: Post, attempt: PublishAttempt) -> None:
    post.state = PostState.PUBLISHED
    post.published_at = attempt.sent_at
    post.published_url = attempt.remote_url
    post.save(update_fields=["state", "published_at", "published_url", "updated_at"])
    post_audit(post, None, "published", post.approved_revision, url=attempt.remote_url,
               note="This revision had already been sent; it was not sent again.")


def attempts_recover(now: datetime) -> int:
    """Re-queue attempts that are due a retry, or whose worker died mid-send (lease over).

    A duplicate job is harmless: the job claims its attempt with a conditional update.
    """
    from posts.publishing.service import publish_attempt

    stale = list(
        PublishAttempt.objects.filter(post__state=PostState.PUBLISHING).filter(
            Q(state=AttemptState.SENDING, lease_until__lt=now)
            | Q(state__in=[AttemptState.PENDING, AttemptState.UNKNOWN], next_try_at__lte=now)
            | Q(state=AttemptState.PENDING, next_try_at__isnull=True, updated_at__lt=now - LOST_JOB_AFTER)
        ).values_list("pk", flat=True)[:CLAIM_BATCH]
    )
    for pk in stale:
        enqueue(publish_attempt, pk, queue="publish", timeout=JOB_TIMEOUT)
    return len(stale)


def _minutes(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    return f"{minutes // 60} hours {minutes % 60} minutes"
