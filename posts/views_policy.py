"""Dry-run pages: start a run of a policy version over recent posts, watch it, read it.

They live in ``posts`` because they read posts; the version pages link here by URL name.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from policies.forms_policy import DryRunForm
from policies.models import PolicyDryRun, PolicyVersion, Role
from policies.permissions import get_for_org, member_required
from posts.policy_changes import dry_run_start


@require_POST
@member_required(Role.ADMIN)
def policy_dry_run_start(request, number: int):
    version = get_for_org(PolicyVersion, request, number=number)
    form = DryRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a number of days between 1 and 3650.")
        return redirect(reverse("policy_version", args=[number]) + "#dry-run")
    dry_run = dry_run_start(version=version, days=form.cleaned_data["days"], by=request.user)
    return redirect("policy_dry_run", number=number, pk=dry_run.pk)


@require_GET
@member_required(Role.LEAD)
def policy_dry_run(request, number: int, pk: int):
    """The run's page; htmx polls it for the progress bar until the results are in."""
    dry_run = get_for_org(PolicyDryRun.objects.select_related("version", "started_by"), request, pk=pk,
                          version__number=number)
    context = {"dry_run": dry_run, "version": dry_run.version, "results": dry_run.results}
    if getattr(request, "htmx", False):
        return render(request, "posts/includes/dry_run_status.html", context)
    return render(request, "posts/dry_run.html", context)
