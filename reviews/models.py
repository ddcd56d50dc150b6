"""People looking at posts: their decisions on revisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from posts.models import Post, Revision


class Verdict(models.TextChoices):
    APPROVE = "approve", "Approved"
    REQUEST_CHANGES = "request_changes", "Requested changes"


class Decision(models.Model):
    """A reviewer's verdict on one revision. Approvals belong to that revision only:
    once the post has a newer revision they no longer count (they are kept as history)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="decisions")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="decisions")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions")
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    message = models.TextField(blank=True)
    as_owner_or_lead = models.BooleanField(
        default=False, help_text="The reviewer owned the account or was a lead when deciding."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "reviewer"], condition=models.Q(verdict="approve"),
                name="decision_one_approval_per_reviewer_per_revision",
            ),
            models.CheckConstraint(condition=models.Q(verdict__in=Verdict.values), name="decision_verdict_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} {self.get_verdict_display().lower()} revision {self.revision.number}"


# --- Discreet feedback: private notes ----------------------------------------------------


class ThreadStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACKNOWLEDGED = "acknowledged", "Thanks — fixed"
    RESOLVED = "resolved", "Resolved"


class NoteThreadQuerySet(models.QuerySet):
    def involving(self, user):
        """Threads ``user`` is one of the two people in. Every read of notes goes
        through this: nobody else (lead, admin, other reviewer) ever sees one."""
        return self.filter(models.Q(author=user) | models.Q(colleague=user))

    def unread_for(self, user):
        return self.filter(
            models.Q(author=user, unread_for_author=True) | models.Q(colleague=user, unread_for_colleague=True)
        )


class NoteThread(models.Model):
    """A private conversation about one post between one colleague and the post's author.

    Exactly two people can read it. There is no admin for it and the audit trail only
    records that a note exists, never its words.
    """

    organisation = models.ForeignKey("policies.Organisation", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="note_threads")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                               help_text="The post's author, who receives the notes.")
    colleague = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                  help_text="Who started the thread.")
    status = models.CharField(max_length=20, choices=ThreadStatus.choices, default=ThreadStatus.OPEN)
    unread_for_author = models.BooleanField(default=False)
    unread_for_colleague = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = NoteThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "colleague"], name="note_thread_one_per_post_and_colleague"),
            models.CheckConstraint(condition=~models.Q(author=models.F("colleague")), name="note_thread_not_to_oneself"),
            models.CheckConstraint(condition=models.Q(status__in=ThreadStatus.values), name="note_thread_status_valid"),
        ]

    def __str__(self) -> str:  # never the text: this may end up in logs
        return f"Private note thread {self.pk} on post {self.post_id}"

    def involves(self, user) -> bool:
        return user is not None and user.pk in {self.author_id, self.colleague_id}

    def other_party(self, user):
        return self.colleague if user.pk == self.author_id else self.author

    def is_unread_for(self, user) -> bool:
        return self.unread_for_author if user.pk == self.author_id else self.unread_for_colleague


class Note(models.Model):
    """One message in a thread, optionally quoting the exact words of the post it is about."""

    thread = models.ForeignKey(NoteThread, on_delete=models.CASCADE, related_name="notes")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    revision = models.ForeignKey(Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                 help_text="The revision the sender was reading.")
    quote = models.TextField(blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    tone_warned = models.BooleanField(default=False, help_text="Sent after a gentler wording was suggested.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quote="", quote_start__isnull=True, quote_end__isnull=True)
                | (models.Q(quote_start__isnull=False, quote_end__gt=models.F("quote_start")) & ~models.Q(quote="")),
                name="note_quote_is_a_span",
            ),
        ]

    def __str__(self) -> str:
        return f"Private note {self.pk}"


# --- Quiet flags on published posts --------------------------------------------------------


class FlagReason(models.TextChoices):
    IDENTIFIES_CLIENT = "identifies_client", "Could identify a client"
    TONE = "tone", "Tone"
    FACTUAL_ERROR = "factual_error", "Factual error"
    OTHER = "other", "Other"


class FlagOutcome(models.TextChoices):
    EDITED = "edited", "Edited on the network"
    DELETED = "deleted", "Deleted on the network"
    KEPT = "kept", "Kept, with a reason"


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(outcome="")

    def visible_to(self, user):
        """Flags ``user`` may read: raised by them, on their post, or escalated to them."""
        return self.filter(models.Q(raised_by=user) | models.Q(post__author=user) | models.Q(escalated_to=user))

    def waiting_for(self, user):
        """Open flags ``user`` is expected to answer and has not opened yet."""
        return self.open().filter(
            models.Q(post__author=user, unread_for_author=True) | models.Q(escalated_to=user, unread_for_owner=True)
        )


class Flag(models.Model):
    """A quiet word about a published post. It goes to the author first; if the author
    neither acknowledges nor acts by ``due_at`` it goes to the account's owner."""

    organisation = models.ForeignKey("policies.Organisation", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=FlagReason.choices)
    note = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(db_index=True, help_text="When it escalates if left unanswered.")
    warn_at = models.DateTimeField(help_text="When the author is reminded that it will escalate.")
    warned_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+")
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    outcome = models.CharField(max_length=20, choices=FlagOutcome.choices, blank=True)
    outcome_reason = models.TextField(blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    unread_for_author = models.BooleanField(default=True)
    unread_for_owner = models.BooleanField(default=False)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "raised_by"], condition=models.Q(outcome=""),
                                    name="flag_one_open_per_post_and_member"),
            models.CheckConstraint(condition=models.Q(reason__in=FlagReason.values), name="flag_reason_valid"),
            models.CheckConstraint(condition=models.Q(outcome__in=["", *FlagOutcome.values]), name="flag_outcome_valid"),
            models.CheckConstraint(condition=~models.Q(outcome="kept") | ~models.Q(outcome_reason=""),
                                   name="flag_kept_has_a_reason"),
        ]

    def __str__(self) -> str:
        return f"Flag {self.pk} on post {self.post_id}"

    @property
    def is_open(self) -> bool:
        return not self.outcome

    @property
    def is_answered(self) -> bool:
        """Acknowledged or acted on: either stops the escalation."""
        return self.acknowledged_at is not None or bool(self.outcome)

    def answerable_by(self, user) -> bool:
        """The author answers a flag; once escalated, the account's owner can too."""
        return user is not None and (user.pk == self.post.author_id or (
            self.escalated_to_id is not None and user.pk == self.escalated_to_id))

    def visible_to(self, user) -> bool:
        return user is not None and (user.pk == self.raised_by_id or self.answerable_by(user))


# --- Notifications ------------------------------------------------------------------------


class NotificationKind(models.TextChoices):
    REVIEW_WAITING = "review_waiting", "A post is waiting for my review"
    CHANGES_REQUESTED = "changes_requested", "Changes were requested on my post"
    APPROVED = "approved", "My post was approved"
    PUBLISHED = "published", "My post was published"
    PUBLISH_FAILED = "publish_failed", "Publishing my post failed or was held"
    NOTE = "note", "A private note or a reply"
    FLAG = "flag", "A flag on a post"
    ESCALATION = "escalation", "A flag was escalated"


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", "Immediately"
    DIGEST = "digest", "In a daily digest"
    OFF = "off", "Not at all"


class NotificationPreference(models.Model):
    """How one member wants to hear about one kind of event (absent: immediately)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("policies.Organisation", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATELY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "kind"], name="notification_preference_unique"),
            models.CheckConstraint(condition=models.Q(delivery__in=Delivery.values), name="notification_delivery_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind}: {self.delivery}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing one person should know. ``title`` is written by us, never copied from
    a note, so the list and every email can only say *that* there is something."""

    organisation = models.ForeignKey("policies.Organisation", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    delivery = models.CharField(max_length=20, choices=Delivery.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True, help_text="Sent alone or in a digest.")

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(delivery="off"), name="notification_not_stored_when_off"),
        ]

    def __str__(self) -> str:
        return f"Notification {self.pk} for {self.recipient_id}: {self.kind}"
