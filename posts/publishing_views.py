"""Scheduling and publishing pages: set a time, retry, record a hand-published post,
and connect an account's credentials."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from policies.models import SocialAccount
from policies.permissions import get_for_org, member_required
from policies.services import DomainError
from posts.actions import Action, publishing_actions
from posts.models import AccountConnection, Post
from posts.publishing import service
from posts.publishing_forms import ConnectionForm, MarkPublishedForm, ScheduleForm, keep_refused_schedule
from posts.scheduling import post_schedule, post_unschedule, zone_for


def _post_for(request, pk: int, action: Action) -> Post:
    post = get_for_org(Post.objects.select_related("account__organisation", "current_revision"), request, pk=pk)
    if action not in publishing_actions(post, request.membership):
        raise PermissionDenied("You cannot do that to this post now.")
    return post


@require_POST
@member_required()
def schedule(request, pk: int):
    post = _post_for(request, pk, Action.SCHEDULE)
    form = ScheduleForm(request.POST, zone=zone_for(post.organisation))
    if form.is_valid():
        try:
            post = post_schedule(post=post, by=request.user, when=form.cleaned_data["when"],
                                 expected_revision=form.cleaned_data["revision"])
        except DomainError as exc:
            form.add_error("clock" if exc.field == "when" else None, exc.message)
        else:
            messages.success(request, _scheduled_message(post))
            return redirect("post_detail", pk=post.pk)
    keep_refused_schedule(request.session, post.pk, form)
    messages.error(request, "The time was not set: see why below.")
    return redirect(reverse("post_detail", args=[post.pk]) + "#schedule")


def _scheduled_message(post: Post) -> str:
    from django.utils import timezone

    when = (f"for {timezone.localtime(post.scheduled_for, zone_for(post.organisation)):%-d %b %Y at %H:%M}"
            if post.scheduled_for else "to go out as soon as it is approved")
    if post.state == "scheduled":
        return f"Scheduled {when}."
    if post.state == "draft" and post.current_revision.number > 1 and post.approved_revision_id is None:
        return f"Time set {when}, but that time falls in a policy window: submit it again to have it checked."
    return f"Time set {when}. It will be scheduled once approved."


@require_POST
@member_required()
def unschedule(request, pk: int):
    post = _post_for(request, pk, Action.UNSCHEDULE)
    try:
        post_unschedule(post=post, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The time is cleared; nothing will go out until you schedule it again.")
    return redirect("post_detail", pk=post.pk)


@require_POST
@member_required()
def retry(request, pk: int):
    post = _post_for(request, pk, Action.RETRY)
    try:
        service.post_retry(post=post, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Trying again now. If the last try may have reached the network, "
                                  "we check there first, so it will not go out twice.")
    return redirect("post_detail", pk=post.pk)


@require_POST
@member_required()
def mark_published(request, pk: int):
    post = _post_for(request, pk, Action.MARK_PUBLISHED)
    form = MarkPublishedForm(request.POST)
    if form.is_valid():
        try:
            service.post_mark_published(post=post, by=request.user, url=form.cleaned_data["url"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Recorded as published.")
            return redirect("post_detail", pk=post.pk)
    for error in form.errors.get("url", []):
        messages.error(request, error)
    return redirect("post_detail", pk=post.pk)


@member_required()
def connection(request, pk: int):
    """Connect an account: an admin or the account's owner pastes its credential once."""
    account = get_for_org(SocialAccount.objects.select_related("owner__user"), request, pk=pk)
    if not service.may_connect(account, request.membership):
        raise PermissionDenied("Only an admin or the account's owner can connect it.")
    current = AccountConnection.objects.filter(account=account).first()
    initial = {"adapter": current.adapter if current else _default_adapter(account),
               "base_url": current.base_url if current else "", "identifier": current.identifier if current else ""}
    form = ConnectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service.connection_save(account=account, by=request.membership, adapter=data["adapter"],
                                    secret=data["secret"], base_url=data["base_url"], identifier=data["identifier"])
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, f"{account.handle} is connected.")
            return redirect("account_connection", pk=account.pk)
    return render(request, "posts/connection.html", {"account": account, "connection": current, "form": form},
                  status=400 if form.errors else 200)


def _default_adapter(account: SocialAccount) -> str:
    from posts.models import Adapter

    return account.network if account.network in Adapter.values else Adapter.MANUAL


@require_POST
@member_required()
def connection_remove(request, pk: int):
    account = get_for_org(SocialAccount, request, pk=pk)
    service.connection_remove(account=account, by=request.membership)
    messages.success(request, f"{account.handle} is disconnected; its stored credential is deleted.")
    return redirect("account_connection", pk=account.pk)
