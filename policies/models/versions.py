"""Policies as data: an organisation's rules as numbered, immutable-once-active versions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from policies.models.organisations import Organisation


class PolicyVersion(models.Model):
    """One version of an organisation's policy document.

    Drafts may change; once activated the document never changes again (re-activating
    an old version makes it the one in force, it does not edit it).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        RETIRED = "retired", "Retired"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="policy_versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    document = models.JSONField(help_text="The rules, tiers and check settings (see policies.engine).")
    source = models.CharField(max_length=100, blank=True, help_text="e.g. 'pack:council' or 'import'.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    activated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="policy_version_number_unique"),
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(status="active"), name="policy_one_active_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} policy v{self.number} ({self.status})"

    @property
    def was_activated(self) -> bool:
        return self.activated_at is not None

    def save(self, *args, **kwargs):
        if self.pk and self.was_activated:
            stored = PolicyVersion.objects.filter(pk=self.pk).values_list("document", flat=True).first()
            if stored is not None and stored != self.document:
                raise ValidationError("This policy version has been active and can no longer change; edit a new draft.")
        super().save(*args, **kwargs)
        self._point_organisation()

    def _point_organisation(self) -> None:
        """Keep Organisation.active_version in step with the one version whose status is active."""
        organisations = Organisation.objects.filter(pk=self.organisation_id)
        if self.status == self.Status.ACTIVE:
            organisations.update(active_version=self)
            pointed = self.pk
        else:
            organisations.filter(active_version=self).update(active_version=None)
            pointed = None
        cached = self._state.fields_cache.get("organisation")
        if cached is not None and (pointed is not None or cached.active_version_id == self.pk):
            cached.active_version_id = pointed
