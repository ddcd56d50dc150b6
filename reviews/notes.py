"""Private notes: a thread per post between one colleague and the post's author.

Only those two people ever read a note. The audit trail records that a note exists
(who, which post, which revision) and never its words or quote; notifications and
emails say that there is a note and link to it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from policies.audit import audit_record
from policies.models import Membership
from policies.services import DomainError
from posts.models import Post
from reviews.actions import FeedbackAction, get_actions, thread_actions
from reviews.models import Note, NoteThread, NotificationKind, ThreadStatus
from reviews.notifications import notify
from reviews.tone import tone_concerns

MAX_NOTE = 2000


class HarshWording(DomainError):
    """The tone check would question the wording; the sender may still send it."""

    def __init__(self, concerns: list[dict]):
        super().__init__("This note might read as harsher than you mean.", field="body")
        self.concerns = concerns


def clean_body(body: str, *, what: str = "note") -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise DomainError(f"Write your {what} first: it is empty.", field="body")
    if len(body) > MAX_NOTE:
        raise DomainError(f"Keep it under {MAX_NOTE:,} characters (this is {len(body):,}).", field="body")
    return body


def find_quote(text: str, quote: str, start: int | None = None) -> tuple[int, int]:
    """Where the exact words ``quote`` are in ``text`` (at ``start`` if they are there,
    else their first occurrence). Raises DomainError when they are not in the text."""
    if start is not None and 0 <= start and text[start:start + len(quote)] == quote:
        return start, start + len(quote)
    found = text.find(quote)
    if found < 0:
        raise DomainError("Those words are not in the post. Copy them exactly as they appear in it.",
                          field="quote")
    return found, found + len(quote)


def _check_tone(body: str, organisation, tone_accepted: bool) -> bool:
    concerns = tone_concerns(body, organisation)
    if concerns and not tone_accepted:
        raise HarshWording(concerns)
    return bool(concerns)


def thread_url(thread: NoteThread) -> str:
    return reverse("note_thread", args=[thread.pk])


def note_send(*, post: Post, sender: Membership, body: str, quote: str = "", quote_start: int | None = None,
              tone_accepted: bool = False) -> Note:
    """Send a private note to ``post``'s author, opening (or continuing) the sender's
    thread with them about this post. Advice, not a vote: the post is not touched."""
    if post.organisation_id != sender.organisation_id:
        raise PermissionDenied("That post is not in your organisation.")
    if post.author_id == sender.user_id:
        raise DomainError("This is your own post: a private note goes to the post's author, so there is "
                          "no one to send it to.")
    if FeedbackAction.NOTE not in get_actions(post, sender):
        raise PermissionDenied("You cannot send a note about this post.")
    body = clean_body(body)
    revision = post.current_revision
    quote = (quote or "").replace("\r\n", "\n").strip()
    span = find_quote(revision.text, quote, quote_start) if quote else None
    warned = _check_tone(body, post.organisation, tone_accepted)
    now = timezone.now()
    with transaction.atomic():
        thread = _thread_for(post, sender.user, now)
        note = Note.objects.create(
            thread=thread, sender=sender.user, body=body, revision=revision, quote=quote,
            quote_start=span[0] if span else None, quote_end=span[1] if span else None, tone_warned=warned,
        )
        NoteThread.objects.filter(pk=thread.pk).update(
            last_message_at=now, unread_for_author=True, status=ThreadStatus.OPEN, resolved_at=None,
        )
        audit_record(organisation=post.organisation, actor=sender.user, verb="note_sent", subject=thread,
                     post_id=post.pk, revision_number=revision.number)
        notify(recipient=post.author, organisation=post.organisation, kind=NotificationKind.NOTE, post=post,
               title=f"{sender.user} sent you a private note about your post for {post.account.handle}.",
               url=thread_url(thread))
    return note


def _thread_for(post: Post, colleague, now) -> NoteThread:
    thread = NoteThread.objects.select_for_update().filter(post=post, colleague=colleague).first()
    if thread is not None:
        return thread
    try:
        with transaction.atomic():
            return NoteThread.objects.create(organisation=post.organisation, post=post, author=post.author,
                                             colleague=colleague, last_message_at=now)
    except IntegrityError:  # the same person's two tabs sent at once: continue the one thread
        return NoteThread.objects.select_for_update().get(post=post, colleague=colleague)


def note_reply(*, thread: NoteThread, by, body: str, tone_accepted: bool = False) -> Note:
    """Reply in a thread; only its two people can."""
    if FeedbackAction.REPLY not in thread_actions(thread, by):
        raise PermissionDenied("You are not part of this conversation.")
    body = clean_body(body, what="reply")
    warned = _check_tone(body, thread.organisation, tone_accepted)
    now = timezone.now()
    to_author = by.pk == thread.colleague_id
    with transaction.atomic():
        note = Note.objects.create(thread=thread, sender=by, body=body, revision=thread.post.current_revision,
                                   tone_warned=warned)
        # The recipient has something new; the replier has evidently read the thread.
        NoteThread.objects.filter(pk=thread.pk).update(
            last_message_at=now, status=ThreadStatus.OPEN, resolved_at=None,
            **({"unread_for_author": True, "unread_for_colleague": False} if to_author
               else {"unread_for_colleague": True, "unread_for_author": False}),
        )
        audit_record(organisation=thread.organisation, actor=by, verb="note_replied", subject=thread,
                     post_id=thread.post_id)
        recipient = thread.author if to_author else thread.colleague
        notify(recipient=recipient, organisation=thread.organisation, kind=NotificationKind.NOTE, post=thread.post,
               title=f"{by} replied to your private note about the post for {thread.post.account.handle}.",
               url=thread_url(thread))
    return note


ACKNOWLEDGEMENT = "Thanks — fixed."


def thread_acknowledge(*, thread: NoteThread, by) -> NoteThread:
    """The author says "Thanks — fixed": the colleague is told, the thread is closed kindly."""
    if FeedbackAction.ACKNOWLEDGE not in thread_actions(thread, by):
        raise PermissionDenied("Only the post's author can acknowledge a note.")
    now = timezone.now()
    with transaction.atomic():
        Note.objects.create(thread=thread, sender=by, body=ACKNOWLEDGEMENT, revision=thread.post.current_revision)
        NoteThread.objects.filter(pk=thread.pk).update(
            status=ThreadStatus.ACKNOWLEDGED, acknowledged_at=now, last_message_at=now, unread_for_colleague=True,
        )
        audit_record(organisation=thread.organisation, actor=by, verb="note_acknowledged", subject=thread,
                     post_id=thread.post_id)
        notify(recipient=thread.colleague, organisation=thread.organisation, kind=NotificationKind.NOTE,
               post=thread.post, url=thread_url(thread),
               title=f"{by} acknowledged your private note about the post for {thread.post.account.handle}: "
                     f"{ACKNOWLEDGEMENT}")
    thread.refresh_from_db()
    return thread


def thread_resolve(*, thread: NoteThread, by) -> NoteThread:
    """The author closes the thread without a fix (a reply reopens it)."""
    if FeedbackAction.RESOLVE not in thread_actions(thread, by):
        raise PermissionDenied("Only the post's author can resolve a note.")
    with transaction.atomic():
        NoteThread.objects.filter(pk=thread.pk).update(status=ThreadStatus.RESOLVED, resolved_at=timezone.now())
        audit_record(organisation=thread.organisation, actor=by, verb="note_resolved", subject=thread,
                     post_id=thread.post_id)
    thread.refresh_from_db()
    return thread


def thread_mark_read(*, thread: NoteThread, user) -> None:
    """Opening a thread reads it (and the notifications that pointed to it)."""
    from reviews.models import Notification

    field = "unread_for_author" if user.pk == thread.author_id else "unread_for_colleague"
    if getattr(thread, field):
        NoteThread.objects.filter(pk=thread.pk).update(**{field: False})
        setattr(thread, field, False)
    Notification.objects.filter(recipient=user, url=thread_url(thread), read_at__isnull=True).update(
        read_at=timezone.now())
