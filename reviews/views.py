"""People looking at posts: the review queue, a post's page, decisions, the audit export."""

from __future__ import annotations

import csv
import json
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from policies.models import AuditEvent, Role
from policies.models.accounts import account_choices
from policies.permissions import get_for_org, member_required, requested_id
from policies.services import DomainError
from posts.models import Post, Revision
from posts.rendering import findings_for_display, highlight, word_diff
from reviews import services
from reviews.actions import get_actions
from reviews.forms import AuditExportForm, DecisionForm, NoteForm, RequestChangesForm
from reviews.models import Decision
from reviews.selectors import approval_status, feedback_panel_for, review_queue_page

TIERS = ["medium", "high"]
TIER_CHOICES = [(tier, tier.capitalize()) for tier in TIERS]  # the queue's risk menu
@member_required(Role.REVIEWER)
def queue(request):
    account_id = requested_id(request.GET.get("account"))
    tier = request.GET.get("tier") if request.GET.get("tier") in TIERS else None
    page = review_queue_page(request, request.GET.get("page"), account_id=account_id, tier=tier)
    accounts = account_choices(request.organisation)
    return render(request, "reviews/queue.html", {
        "page": page, "accounts": accounts, "account_id": account_id, "tier": tier, "tiers": TIER_CHOICES,
        "page_params": urlencode({key: value for key, value in (("account", account_id), ("tier", tier)) if value}),
    })


@member_required()
def post_detail(request, pk: int):
    post = get_for_org(
        Post.objects.select_related("organisation", "account__owner__user", "author", "current_revision", "approved_revision"),
        request, pk=pk,
    )
    revisions = list(Revision.objects.filter(post=post).select_related("created_by").order_by("number"))
    decisions = list(Decision.objects.filter(post=post).select_related("reviewer", "revision").order_by("created_at"))
    current = post.current_revision
    approvals = [d for d in decisions if d.revision_id == current.pk and d.verdict == "approve"]
    approved_by_me = any(d.reviewer_id == request.user.pk for d in approvals)
    actions = get_actions(post, request.membership, approved_by_me=approved_by_me)
    diff = _diff(request, revisions)
    history = [
        event for event in AuditEvent.objects.filter(organisation=request.organisation, post_id=post.pk)
        .order_by("created_at", "pk")
        if _shown_in_history(event, post, request.user)
    ]
    return render(request, "reviews/post_detail.html", {
        "post": post,
        "current": current,
        "revisions": revisions,
        "decisions": decisions,
        "status": approval_status(current, approvals),
        "actions": {a.value for a in actions},
        "highlighted": highlight(current.text, current.findings),
        "findings": findings_for_display(current.text, current.findings, escalations=current.escalations),
        "diff": diff,
        "history": history,
        "changes_form": RequestChangesForm(initial={"revision": current.number}),
        "note_form": NoteForm(),
        **feedback_panel_for(post, request.membership),
    })


# Notes and flags are discreet: colleagues should not learn from a post's history who
# sent its author a private word. The audit export (for leads) still records that one exists.
DISCREET_PREFIXES = ("note_", "flag_")


def _shown_in_history(event: AuditEvent, post: Post, user) -> bool:
    if not event.verb.startswith(DISCREET_PREFIXES):
        return True
    return user.pk in (post.author_id, event.actor_id)


def _diff(request, revisions: list[Revision]):
    if len(revisions) < 2:
        return None
    by_number = {r.number: r for r in revisions}
    try:
        new = by_number[int(request.GET.get("to", revisions[-1].number))]
        old = by_number[int(request.GET.get("from", new.number - 1))]
    except (KeyError, ValueError):
        new, old = revisions[-1], revisions[-2]
    return {"old": old, "new": new, "html": word_diff(old.text, new.text)}


@require_POST
@member_required(Role.REVIEWER)
def approve(request, pk: int):
    post = get_for_org(Post, request, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That approval was missing which revision it was for. Reload and try again.")
        return redirect("post_detail", pk=post.pk)
    try:
        services.decision_approve(post=post, revision_number=form.cleaned_data["revision"], by=request.membership)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        post.refresh_from_db()
        messages.success(request, "Approved: the post can go out." if post.state == "approved"
                         else "Your approval is recorded; the post still needs another.")
    return redirect("post_detail", pk=post.pk)


@require_POST
@member_required(Role.REVIEWER)
def request_changes(request, pk: int):
    post = get_for_org(Post, request, pk=pk)
    form = RequestChangesForm(request.POST)
    if form.is_valid():
        try:
            services.decision_request_changes(post=post, revision_number=form.cleaned_data["revision"],
                                              by=request.membership, message=form.cleaned_data["message"])
        except DomainError as exc:
            form.add_error("message" if exc.field == "message" else None, exc.message)
        else:
            messages.success(request, "Sent back to the author with your message.")
            return redirect("post_detail", pk=post.pk)
    for error in form.errors.get("message", []) + form.non_field_errors():
        messages.error(request, error)
    return redirect("post_detail", pk=post.pk)


# --- Audit export ------------------------------------------------------------------------

EXPORT_FIELDS = ["when", "actor", "event", "post", "account", "revision", "policy_version", "details", "text"]
TEXT_EVENTS = {"approved", "auto_approved", "published", "submitted"}


@member_required(Role.LEAD)
def audit_export(request):
    """The organisation's trail for a date range, as CSV or JSON (a compliance archive:
    the text as approved, who approved it and when)."""
    form = AuditExportForm(request.GET or None)
    if not request.GET or not form.is_valid():
        if not request.GET:
            today = timezone.localdate()
            form = AuditExportForm(initial={"start": today - timedelta(days=30), "end": today, "format": "csv"})
        return render(request, "reviews/audit_export.html", {"form": form}, status=400 if request.GET else 200)
    tz = timezone.get_current_timezone()
    start = datetime.combine(form.cleaned_data["start"], time.min, tzinfo=tz)
    end = datetime.combine(form.cleaned_data["end"] + timedelta(days=1), time.min, tzinfo=tz)
    rows = _export_rows(request.organisation, start, end)
    name = f"countersign-audit-{form.cleaned_data['start']}-{form.cleaned_data['end']}"
    if form.cleaned_data["format"] == "json":
        response = HttpResponse(json.dumps(list(rows), indent=1, ensure_ascii=False), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _export_rows(organisation, start, end):
    events = list(
        AuditEvent.objects.filter(organisation=organisation, created_at__gte=start, created_at__lt=end)
        .order_by("created_at", "pk")
    )
    post_ids = {e.post_id for e in events if e.post_id}
    accounts = dict(Post.objects.filter(pk__in=post_ids, organisation=organisation).values_list("pk", "account__handle"))
    texts = {
        (r["post_id"], r["number"]): r["text"]
        for r in Revision.objects.filter(post_id__in=post_ids, post__organisation=organisation).values("post_id", "number", "text")
    }
    for event in events:
        yield {
            "when": event.created_at.isoformat(),
            "actor": event.actor_label,
            "event": event.verb,
            "post": event.post_id,
            "account": accounts.get(event.post_id, ""),
            "revision": event.revision_number,
            "policy_version": event.policy_version,
            "details": event.data,
            "text": texts.get((event.post_id, event.revision_number), "") if event.verb in TEXT_EVENTS else "",
        }


class _Echo:
    def write(self, value):
        return value


def _csv_lines(rows):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(EXPORT_FIELDS)
    for row in rows:
        row = dict(row, details=json.dumps(row["details"], ensure_ascii=False))
        yield writer.writerow([_safe_cell(row[f]) for f in EXPORT_FIELDS])


def _safe_cell(value):
    # Spreadsheet formula injection: a cell starting with = + - @ is treated as text.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return "" if value is None else value
