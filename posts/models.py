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
