"""A dry run: a draft policy version tried on the organisation's recent posts."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from policies.models.organisations import Organisation
from policies.models.versions import PolicyVersion


class PolicyDryRun(models.Model):
    """One run of a version over the posts of the last ``days`` days.

    The job (in ``posts.policy_changes``) fills ``total``/``done`` as it goes, for the
    progress bar, and ``results`` at the end: counts, and the posts whose tier would go up
    or down grouped by the rule that explains the change.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="policy_dry_runs")
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="dry_runs")
    days = models.PositiveIntegerField(default=90)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    results = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=["queued", "running", "done", "failed"]),
                                   name="policy_dry_run_status_valid"),
        ]

    def __str__(self) -> str:
        return f"Dry run of v{self.version.number} over {self.days} days ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
