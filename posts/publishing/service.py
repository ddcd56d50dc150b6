"""The publish job and the people's side of publishing: retry, mark published by hand,
connect an account.

The job (``publish_attempt``) takes an attempt id, claims the attempt with a conditional
update whose row count is checked, and re-reads everything. It refuses a post that is not
publishing, or whose approved revision is not the one the attempt is for; it re-checks
the policy windows at this moment; and after any attempt that may have reached the
network it asks the network first, so a post goes out exactly once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from config.jobs import enqueue
from policies.audit import audit_record
from policies.models import Membership, SocialAccount
from policies.selectors import active_policy_for
from policies.services import DomainError
from posts.models import (
    AccountConnection,
    Adapter,
    AttemptState,
    ConnectionState,
    Post,
    PostState,
    PublishAttempt,
)
from posts.publishing import adapter_for
from posts.publishing.base import (
    ManualPublishing,
    NoAnswer,
    NotConnected,
    Outgoing,
    Published,
    PublishError,
    RateLimited,
    Rejected,
    Unauthorized,
    Unavailable,
)
from posts.publishing.secrets import seal
from posts.scheduling import JOB_TIMEOUT, attempt_for, windows_entered
from posts.services import _lock, post_audit

logger = logging.getLogger(__name__)

MAX_TRIES = 5
BACKOFF_SECONDS = (60, 120, 300, 900)
# Longer than a job can run: a "sending" row older than this lost its worker.
LEASE = timedelta(seconds=JOB_TIMEOUT + 60)


def backoff(tries: int) -> float:
    return float(BACKOFF_SECONDS[min(tries - 1, len(BACKOFF_SECONDS) - 1)])


# --- The job -------------------------------------------------------------------------------


def publish_attempt(attempt_id: int) -> str:
    """Job (queue "publish"): send one attempt's revision to its account, at most once.

    Safe to run twice, or at once on two workers: only one claims the attempt.
    """
    now = timezone.now()
    claimed = (
        PublishAttempt.objects.filter(pk=attempt_id, post__state=PostState.PUBLISHING)
        .filter(Q(state__in=[AttemptState.PENDING, AttemptState.UNKNOWN])
                | Q(state=AttemptState.SENDING, lease_until__lt=now))
        .filter(Q(next_try_at__isnull=True) | Q(next_try_at__lte=now))
        .update(state=AttemptState.SENDING, lease_until=now + LEASE, tries=F("tries") + 1, updated_at=now)
    )
    if claimed != 1:
        return "not claimed"
    attempt = PublishAttempt.objects.select_related("revision", "account__organisation").get(pk=attempt_id)
    post = Post.objects.select_related("account__organisation", "approved_revision").get(pk=attempt.post_id)

    refusal = _refusal(post, attempt)
    if refusal:
        _refuse(attempt, refusal)
        return "refused"
    _, policy = active_policy_for(post.organisation)
    late = now - attempt.due_at > timedelta(minutes=policy.publishing_lateness_minutes)
    if late and not attempt.may_exist:
        return _hold(attempt, f"It was due at {timezone.localtime(attempt.due_at):%H:%M on %-d %b} and is more than "
                              f"{policy.publishing_lateness_minutes} minutes late (the workers were down). "
                              "Publish it now, reschedule or withdraw it.")
    entered = windows_entered(attempt.revision, account=post.account, author_id=post.author_id, at=now)
    if entered:
        return _hold(attempt, "Now is inside a policy window the approval did not cover: "
                     + " ".join(f["message"] for f in entered) + " Reschedule it for after the window.")

    connection = AccountConnection.objects.filter(account=attempt.account).first()
    outgoing = Outgoing(text=attempt.revision.text, key=str(attempt.idempotency_key), created_at=attempt.created_at)
    # ``asking`` is true while we only ask the network; an error then says nothing about
    # whether the earlier attempt arrived, so ``may_exist`` must stay as it was.
    asking = attempt.may_exist
    try:
        with adapter_for(connection) as adapter:
            if asking:
                found = adapter.find(outgoing)
                if found is not None:
                    return _sent(attempt, found, note="Found on the network after an unanswered attempt; not sent again.")
                asking = False
                _set(attempt, may_exist=False)
                if late:
                    return _hold(attempt, "The earlier attempt did not reach the network, and it is now past the "
                                 f"policy's lateness limit of {policy.publishing_lateness_minutes} minutes.")
            # Recorded before the request: if this worker dies mid-send, the next try asks first.
            _set(attempt, may_exist=True)
            published = adapter.publish(outgoing)
    except ManualPublishing as exc:
        return _by_hand(attempt, exc.message)
    except NotConnected as exc:
        return _fail(attempt, exc.message, may_exist=attempt.may_exist, reason="not_connected")
    except Unauthorized as exc:
        _needs_reconnecting(connection, exc.message)
        return _fail(attempt, exc.message, may_exist=asking, reason="needs_reconnecting")
    except Rejected as exc:
        return _fail(attempt, exc.message, may_exist=asking, reason="rejected")
    except RateLimited as exc:
        return _retry(attempt, exc.message, after=exc.retry_after, may_exist=asking)
    except Unavailable as exc:
        return _retry(attempt, exc.message, after=backoff(attempt.tries), may_exist=asking or exc.may_have_arrived)
    except NoAnswer as exc:
        return _retry(attempt, exc.message, after=backoff(attempt.tries), may_exist=True)
    except PublishError as exc:  # pragma: no cover - every kind is handled above
        return _fail(attempt, exc.message, may_exist=True, reason="error")
    return _sent(attempt, published)


def _refusal(post: Post, attempt: PublishAttempt) -> str:
    if post.state != PostState.PUBLISHING:
        return f"The post is {post.get_state_display().lower()}, not waiting to publish."
    if post.approved_revision_id is None:
        return "The post is not approved."
    if post.approved_revision_id != attempt.revision_id or post.current_revision_id != attempt.revision_id:
        return "This attempt is for a revision other than the approved one."
    if attempt.account_id != post.account_id:
        return "This attempt is for another account."
    return ""


def _set(attempt: PublishAttempt, **fields) -> None:
    PublishAttempt.objects.filter(pk=attempt.pk).update(updated_at=timezone.now(), **fields)
    for name, value in fields.items():
        setattr(attempt, name, value)


def _locked_post(attempt: PublishAttempt) -> Post:
    return _lock(Post(pk=attempt.post_id))


def _refuse(attempt: PublishAttempt, reason: str) -> None:
    with transaction.atomic():
        post = _locked_post(attempt)
        _set(attempt, state=AttemptState.FAILED, lease_until=None, last_error=f"Refused: {reason}"[:500])
        if post.state == PostState.PUBLISHING:
            post.state = PostState.FAILED
            post.save(update_fields=["state", "updated_at"])
            post_audit(post, None, "publish_refused", attempt.revision, reason=reason, final=True)
    logger.warning("publish attempt %s refused: %s", attempt.pk, reason)


def _hold(attempt: PublishAttempt, reason: str) -> str:
    with transaction.atomic():
        post = _locked_post(attempt)
        _set(attempt, state=AttemptState.PENDING, lease_until=None, next_try_at=None, last_error=reason[:500])
        if post.state == PostState.PUBLISHING:
            post.state = PostState.HELD
            post.save(update_fields=["state", "updated_at"])
            post_audit(post, None, "held", attempt.revision, reason=reason)
    return "held"


def _sent(attempt: PublishAttempt, published: Published, note: str = "") -> str:
    now = timezone.now()
    with transaction.atomic():
        post = _locked_post(attempt)
        _set(attempt, state=AttemptState.SENT, sent_at=now, lease_until=None, next_try_at=None, may_exist=True,
             remote_id=published.remote_id[:300], remote_url=published.url[:500], last_error="")
        post.state = PostState.PUBLISHED
        post.published_at = now
        post.published_url = published.url[:500]
        post.save(update_fields=["state", "published_at", "published_url", "updated_at"])
        post_audit(post, None, "published", attempt.revision, url=published.url, network=attempt.account.network,
                   **({"note": note} if note else {}))
    return "sent"


def _by_hand(attempt: PublishAttempt, message: str) -> str:
    with transaction.atomic():
        post = _locked_post(attempt)
        _set(attempt, state=AttemptState.MANUAL, lease_until=None, may_exist=False, last_error="")
        post_audit(post, None, "publish_by_hand", attempt.revision, message=message)
    return "manual"


def _fail(attempt: PublishAttempt, message: str, *, may_exist: bool, reason: str) -> str:
    """The last word: the post is "failed", its author and owner are told (through the
    post_transition signal), and a person can retry it or mark it published by hand."""
    with transaction.atomic():
        post = _locked_post(attempt)
        _set(attempt, state=AttemptState.FAILED, lease_until=None, next_try_at=None, may_exist=may_exist,
             last_error=message[:500])
        if post.state == PostState.PUBLISHING:
            post.state = PostState.FAILED
            post.save(update_fields=["state", "updated_at"])
            post_audit(post, None, "publish_failed", attempt.revision, message=message, reason=reason,
                       tries=attempt.tries, final=True, notify=["author", "owner"])
    return "failed"


def _retry(attempt: PublishAttempt, message: str, *, after: float, may_exist: bool) -> str:
    if attempt.tries >= MAX_TRIES:
        return _fail(attempt, f"Gave up after {attempt.tries} tries. Last answer: {message}",
                     may_exist=may_exist, reason="gave_up")
    next_try = timezone.now() + timedelta(seconds=after)
    with transaction.atomic():
        post = _locked_post(attempt)
        _set(attempt, state=AttemptState.UNKNOWN if may_exist else AttemptState.PENDING, lease_until=None,
             next_try_at=next_try, may_exist=may_exist, last_error=message[:500])
        post_audit(post, None, "publish_retrying", attempt.revision, message=message, tries=attempt.tries,
                   next_try=next_try.isoformat(), may_exist=may_exist)
    return "retrying"


def _needs_reconnecting(connection: AccountConnection | None, message: str) -> None:
    if connection is None:
        return
    AccountConnection.objects.filter(pk=connection.pk).update(
        state=ConnectionState.NEEDS_RECONNECTING, problem=message[:300], updated_at=timezone.now())
    account = connection.account
    audit_record(organisation=account.organisation, actor=None, verb="account.needs_reconnecting", subject=account,
                 data={"account": account.handle, "message": message})


# --- People's actions --------------------------------------------------------------------------


def post_retry(*, post: Post, by) -> Post:
    """Try a failed or held post again, now. The same ledger row (and idempotency key)
    is used, so anything the failed attempt may have posted is found, not repeated."""
    now = timezone.now()
    with transaction.atomic():
        post = _lock(post)
        if post.state not in {PostState.FAILED, PostState.HELD}:
            raise DomainError(f"A post that is {post.get_state_display().lower()} cannot be retried.")
        if post.approved_revision_id is None or post.approved_revision_id != post.current_revision_id:
            raise DomainError("Only the approved revision can be published, and this text has not been approved. "
                              "Submit it first.")
        was = post.state
        post.state = PostState.PUBLISHING
        post.save(update_fields=["state", "updated_at"])
        attempt = attempt_for(post, due_at=now, now=now)
        if attempt.state == AttemptState.SENT:
            from posts.scheduling import _already_sent

            _already_sent(post, attempt)
            return post
        post_audit(post, by, "publish_retry", post.approved_revision, was=was, attempt=attempt.pk)
        enqueue(publish_attempt, attempt.pk, queue="publish", timeout=JOB_TIMEOUT)
    return post


def post_mark_published(*, post: Post, by, url: str) -> Post:
    """A person posted the approved text by hand (or found it live): record the link."""
    now = timezone.now()
    with transaction.atomic():
        post = _lock(post)
        attempt = PublishAttempt.objects.select_for_update().filter(
            revision_id=post.approved_revision_id, account_id=post.account_id).first()
        by_hand_due = post.state == PostState.PUBLISHING and attempt is not None and attempt.state == AttemptState.MANUAL
        if post.state not in {PostState.FAILED, PostState.HELD} and not by_hand_due:
            raise DomainError(f"A post that is {post.get_state_display().lower()} cannot be marked as published.")
        if post.approved_revision_id is None or post.approved_revision_id != post.current_revision_id:
            raise DomainError("Only the approved revision can be published, and this text has not been approved.")
        if attempt is None:
            attempt = PublishAttempt(post=post, revision=post.approved_revision, account=post.account, due_at=now)
        attempt.state, attempt.sent_at, attempt.remote_url = AttemptState.SENT, now, url
        attempt.lease_until = attempt.next_try_at = None
        attempt.save()
        post.state = PostState.PUBLISHED
        post.published_at = now
        post.published_url = url
        post.save(update_fields=["state", "published_at", "published_url", "updated_at"])
        post_audit(post, by, "published", post.approved_revision, url=url, by_hand=True)
    return post


def may_connect(account: SocialAccount, member: Membership | None) -> bool:
    return member is not None and account.organisation_id == member.organisation_id and (
        member.is_admin or account.owner_id == member.pk)


def connection_save(*, account: SocialAccount, by: Membership, adapter: str, secret: str = "",
                    base_url: str = "", identifier: str = "") -> AccountConnection:
    """Connect (or reconnect) an account. The secret is sealed at once; it is never
    written anywhere in plain text, including the audit trail."""
    if not may_connect(account, by):
        raise PermissionDenied("Only an admin or the account's owner can connect it.")
    if adapter not in Adapter.values:
        raise DomainError("Choose how to publish to this account.", field="adapter")
    if adapter != Adapter.MANUAL and not secret.strip():
        raise DomainError("Paste the access token or app password.", field="secret")
    with transaction.atomic():
        connection, _ = AccountConnection.objects.update_or_create(account=account, defaults={
            "adapter": adapter,
            "state": ConnectionState.CONNECTED,
            "base_url": base_url.strip(),
            "identifier": identifier.strip(),
            "secret_token": seal(secret.strip()) if adapter != Adapter.MANUAL else "",
            "connected_by": by.user,
            "problem": "",
        })
        audit_record(organisation=account.organisation, actor=by.user, verb="account.connected", subject=account,
                     data={"account": account.handle, "adapter": adapter})
    return connection


def connection_remove(*, account: SocialAccount, by: Membership) -> None:
    if not may_connect(account, by):
        raise PermissionDenied("Only an admin or the account's owner can disconnect it.")
    with transaction.atomic():
        deleted, _ = AccountConnection.objects.filter(account=account).delete()
        if deleted:
            audit_record(organisation=account.organisation, actor=by.user, verb="account.disconnected",
                         subject=account, data={"account": account.handle})


def published_at_local(post: Post) -> datetime | None:
    return timezone.localtime(post.published_at) if post.published_at else None
