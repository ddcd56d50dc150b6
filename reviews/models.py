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
