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

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        if self.actor is not None and not self.actor_label:
            self.actor_label = str(self.actor)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")
