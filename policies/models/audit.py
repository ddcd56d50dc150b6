"""The audit trail: append-only events for every transition."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from policies.models.organisations import Organisation


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit events cannot be deleted.")


VERB_LABELS = {
    "created": "created the post",
    "revised": "saved a new revision",
    "assessed": "policy check",
    "submitted": "submitted",
    "auto_approved": "approved automatically by the policy",
    "approval_given": "approved",
    "approved": "post approved",
    "changes_requested": "requested changes",
    "returned_to_draft": "back to draft",
    "withdrawn": "withdrew it",
    "reassessed": "checked again under a new policy version",
    "schedule_requested": "asked for a time",
    "scheduled": "scheduled",
    "unscheduled": "took it off the schedule",
    "publishing": "publishing",
    "published": "published",
    "publish_retrying": "publishing failed for now; will retry",
    "publish_retry": "asked to retry publishing",
    "publish_failed": "publishing failed",
    "publish_refused": "publishing refused",
    "publish_by_hand": "recorded as published by hand",
    "held": "held: too late to publish without a person deciding",
    "note_sent": "sent a private note",
    "note_replied": "replied to a private note",
    "note_acknowledged": "acknowledged a private note",
    "note_resolved": "resolved a private note",
    "flag_raised": "flagged the published post",
    "flag_acknowledged": "acknowledged a flag",
    "flag_escalated": "flag escalated to the account owner",
}


class AuditEvent(models.Model):
    """Who did what, when, to which object, under which revision and policy version.

    Lives in ``policies`` (the lowest floor) so every app can write to it. Never updated
    or deleted: the model and its queryset refuse both.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor_label = models.CharField(max_length=200, blank=True, help_text="Kept if the person is later deleted.")
    verb = models.CharField(max_length=60, db_index=True)
    subject_type = models.CharField(max_length=40, blank=True)
    subject_id = models.BigIntegerField(null=True, blank=True)
    post_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    revision_number = models.PositiveIntegerField(null=True, blank=True)
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb}"

    @property
    def label(self) -> str:
        return VERB_LABELS.get(self.verb, self.verb.replace("_", " ").replace(".", ": "))

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        if self.actor is not None and not self.actor_label:
            self.actor_label = str(self.actor)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")
