"""A post's life: one post per account, its immutable revisions and their assessments."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from policies.models import Organisation, PolicyVersion, SocialAccount


class PostState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHING = "publishing", "Publishing"
    PUBLISHED = "published", "Published"
    FAILED = "failed", "Publishing failed"
    HELD = "held", "Held: too late to publish"


# States in which the author may still change the text (a change makes a new revision
# and sends the post back to draft).
EDITABLE_STATES = frozenset({
    PostState.DRAFT, PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, PostState.APPROVED, PostState.SCHEDULED,
    PostState.HELD, PostState.FAILED,
})


class PostQuerySet(models.QuerySet):
    def for_org(self, organisation: Organisation):
        return self.filter(organisation=organisation)

    def with_current(self):
        return self.select_related("account", "author", "current_revision", "approved_revision")


class Post(models.Model):
    """One post for one account. A compose for several accounts makes one post each,
    sharing a ``batch``, so each can be adapted, checked and approved on its own."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="posts")
    account = models.ForeignKey(SocialAccount, on_delete=models.PROTECT, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts")
    batch = models.UUIDField(default=uuid.uuid4, db_index=True)
    state = models.CharField(max_length=20, choices=PostState.choices, default=PostState.DRAFT, db_index=True)
    working_text = models.TextField(blank=True, help_text="Autosaved text, not yet a revision.")
    current_revision = models.ForeignKey("Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    approved_revision = models.ForeignKey("Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    approved_by_policy = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True, db_index=True)
    publish_when_approved = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "state", "submitted_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=PostState.values), name="post_state_valid"),
            models.CheckConstraint(
                condition=~models.Q(state__in=["approved", "scheduled", "publishing", "published"])
                | models.Q(approved_revision__isnull=False),
                name="post_approved_states_have_a_revision",
            ),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} for {self.account.handle}"

    @property
    def text(self) -> str:
        """What the author sees in the editor: the autosaved text, else the current revision."""
        if self.working_text:
            return self.working_text
        return self.current_revision.text if self.current_revision else ""

    @property
    def has_unsaved_changes(self) -> bool:
        current = self.current_revision.text if self.current_revision else ""
        return bool(self.working_text) and self.working_text != current

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def tier(self) -> str:
        return self.current_revision.tier if self.current_revision else ""


class RevisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRevisionError("Revisions cannot be changed.")


class ImmutableRevisionError(Exception):
    pass


class Revision(models.Model):
    """An immutable saved version of a post's text, with the assessment it got."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The assessment, recorded with the policy version that made it.
    tier = models.CharField(max_length=10)
    findings = models.JSONField(default=list)
    escalations = models.JSONField(default=list)
    policy_version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    policy_number = models.PositiveIntegerField(null=True, blank=True)
    required_approvals = models.PositiveSmallIntegerField(default=0)
    needs_owner_or_lead = models.BooleanField(default=False)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["post", "number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="revision_number_unique_per_post"),
            models.CheckConstraint(condition=models.Q(tier__in=["low", "medium", "high", "block"]), name="revision_tier_valid"),
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of post {self.post_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRevisionError("Revisions cannot be changed; save a new one.")
        super().save(*args, **kwargs)

    @property
    def worst_findings(self) -> list[dict]:
        return [f for f in self.findings if f.get("severity") in {"medium", "high", "block"}]


# --- Publishing: where a post goes and what happened when it was sent -----------------------


class Adapter(models.TextChoices):
    """How posts reach a network: one adapter module each in ``posts.publishing``."""

    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    X = "x", "X"
    LINKEDIN = "linkedin", "LinkedIn"
    FACEBOOK = "facebook", "Facebook Page"
    MANUAL = "manual", "By hand (someone posts it and records the link)"


class ConnectionState(models.TextChoices):
    CONNECTED = "connected", "Connected"
    NEEDS_RECONNECTING = "needs_reconnecting", "Needs reconnecting"


class AccountConnection(models.Model):
    """How Countersign publishes to one account, with its credential encrypted at rest.

    The secret is a Fernet token made with ``CREDENTIALS_KEY`` (never the plain value):
    it is never logged, never shown again after entry, and a network answering 401
    turns the connection to "needs reconnecting".
    """

    account = models.OneToOneField(SocialAccount, on_delete=models.CASCADE, related_name="connection")
    adapter = models.CharField(max_length=20, choices=Adapter.choices)
    state = models.CharField(max_length=20, choices=ConnectionState.choices, default=ConnectionState.CONNECTED)
    base_url = models.URLField(blank=True, help_text="The Mastodon instance or Bluesky server; blank for the network's own API.")
    identifier = models.CharField(max_length=200, blank=True,
                                  help_text="Bluesky handle, LinkedIn author URN or Facebook Page id.")
    secret_token = models.TextField(blank=True, editable=False)
    connected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    connected_at = models.DateTimeField(auto_now_add=True)
    problem = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(adapter__in=Adapter.values), name="connection_adapter_valid"),
            models.CheckConstraint(condition=models.Q(state__in=ConnectionState.values), name="connection_state_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_adapter_display()} connection for {self.account_id}"

    def __repr__(self) -> str:  # never the token, even in a debugger or a log line
        return f"<AccountConnection {self.pk} {self.adapter} {self.state}>"

    @property
    def is_manual(self) -> bool:
        return self.adapter == Adapter.MANUAL

    @property
    def is_usable(self) -> bool:
        return self.state == ConnectionState.CONNECTED


class AttemptState(models.TextChoices):
    PENDING = "pending", "Waiting to send"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    UNKNOWN = "unknown", "Unknown: sent, no answer"
    MANUAL = "manual", "Waiting for someone to post it by hand"


class PublishAttempt(models.Model):
    """The ledger that makes publishing exactly-once: one row per (revision, account).

    ``idempotency_key`` travels with every request to networks that honour one, and
    names the record on those that take a record key (Bluesky). ``may_exist`` is true
    from the moment a request may have reached the network until an answer says it did
    not: a retry then first asks the network whether the post is already there.
    A ``lease_until`` in the past on a "sending" row means its worker died.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attempts")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(SocialAccount, on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(max_length=10, choices=AttemptState.choices, default=AttemptState.PENDING, db_index=True)
    due_at = models.DateTimeField(help_text="When it should have gone out; lateness is measured from here.")
    tries = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(null=True, blank=True, db_index=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    may_exist = models.BooleanField(default=False)
    remote_id = models.CharField(max_length=300, blank=True)
    remote_url = models.URLField(max_length=500, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "account"], name="attempt_one_per_revision_and_account"),
            models.CheckConstraint(condition=models.Q(state__in=AttemptState.values), name="attempt_state_valid"),
            models.CheckConstraint(condition=~models.Q(state="sent") | models.Q(sent_at__isnull=False),
                                   name="attempt_sent_has_a_time"),
        ]

    def __str__(self) -> str:
        return f"Attempt {self.pk} ({self.state}) for post {self.post_id}"
