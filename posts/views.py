"""The author's pages: compose, live feedback, edit (with autosave), submit, withdraw."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from policies.models import SocialAccount
from policies.permissions import get_for_org, member_required, requested_id
from policies.services import DomainError
from posts import services
from posts.actions import Action, author_actions
from posts.feedback import feedback_for
from posts.forms import ComposeForm, EditForm
from posts.models import Post, PostState

MAX_LIVE_ACCOUNTS = 8


@member_required()
def compose(request):
    form = ComposeForm(request.POST or None, member=request.membership)
    if request.method == "POST" and form.is_valid():
        try:
            posts = services.post_create(author=request.membership, accounts=form.cleaned_data["accounts"],
                                         text=form.cleaned_data["text"], variants=form.variants)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if request.POST.get("then") == "submit":
                return _submit_all(request, posts)
            messages.success(request, "Draft saved." if len(posts) == 1 else f"{len(posts)} drafts saved, one per account.")
            return redirect("post_edit", pk=posts[0].pk) if len(posts) == 1 else redirect_batch(posts[0])
    accounts = form.fields["accounts"].queryset
    return render(request, "posts/compose.html", {"form": form, "accounts": accounts, "variants": form.variants},
                  status=400 if form.errors else 200)


def redirect_batch(post: Post):
    from django.urls import reverse

    return redirect(reverse("post_list") + f"?batch={post.batch}")


def _submit_all(request, posts: list[Post]):
    for post in posts:
        try:
            post = services.post_submit(post=post, by=request.user, expected_revision=post.current_revision.number)
        except DomainError as exc:
            messages.error(request, f"{post.account.handle}: {exc.message}")
        else:
            messages.success(request, f"{post.account.handle}: {_outcome(post)}")
    return redirect("post_detail", pk=posts[0].pk) if len(posts) == 1 else redirect_batch(posts[0])


def _outcome(post: Post) -> str:
    if post.state == PostState.APPROVED:
        return f"approved by policy version {post.approved_revision.policy_number}: no finding above low."
    return "sent for review."


@require_POST
@member_required()
def live_check(request):
    """htmx: the feedback panel for what is being typed (nothing is saved)."""
    ids = [i for i in map(requested_id, request.POST.getlist("accounts")) if i is not None][:MAX_LIVE_ACCOUNTS]
    accounts = SocialAccount.objects.for_drafting(request.membership, ids)
    text = request.POST.get("text", "")
    feedbacks = []
    for account in accounts:
        variant = request.POST.get(f"variant-{account.pk}", "").strip()
        body = variant or text
        if body.strip():
            feedbacks.append(feedback_for(account=account, text=body[: services.MAX_TEXT], author_id=request.user.pk))
    return render(request, "posts/includes/feedback.html", {"feedbacks": feedbacks, "typed": bool(text.strip())})


@member_required()
def post_list(request):
    posts = Post.objects.for_org(request.organisation).filter(author=request.user).with_current().order_by("-updated_at")
    state = request.GET.get("state")
    if state in PostState.values:
        posts = posts.filter(state=state)
    batch = request.GET.get("batch")
    if batch:
        posts = posts.filter(batch=batch) if _is_uuid(batch) else posts.none()
    page = Paginator(posts, 25).get_page(request.GET.get("page"))
    return render(request, "posts/post_list.html", {"page": page, "states": PostState.choices, "state": state})


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _authored_post(request, pk: int) -> Post:
    """The post, if it is in this organisation (else 404) and this person wrote it (else 403)."""
    post = get_for_org(Post.objects.with_current().select_related("account__organisation", "account__owner__user"),
                       request, pk=pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied("Only the post's author can do that.")
    return post


@member_required()
def post_edit(request, pk: int):
    post = _authored_post(request, pk)
    actions = author_actions(post, request.membership)
    if Action.EDIT not in actions:
        return redirect("post_detail", pk=post.pk)
    initial = {"text": post.text, "revision": post.current_revision.number}
    form = EditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("then") == "submit":
                post = services.post_submit(post=post, by=request.user, text=form.cleaned_data["text"],
                                            expected_revision=form.cleaned_data["revision"])
                messages.success(request, _outcome(post).capitalize())
                return redirect("post_detail", pk=post.pk)
            revision = services.post_revise(post=post, text=form.cleaned_data["text"], by=request.user,
                                            expected_revision=form.cleaned_data["revision"])
        except DomainError as exc:
            form.add_error("text" if exc.field == "text" else None, exc.message)
        else:
            messages.success(request, f"Saved as revision {revision.number}." if revision else "No changes to save.")
            return redirect("post_edit", pk=post.pk)
    text_now = form.data.get("text", "") if form.is_bound else post.text
    feedbacks = [feedback_for(account=post.account, text=text_now, author_id=post.author_id)] if text_now.strip() else []
    return render(request, "posts/post_edit.html", {"post": post, "form": form, "feedbacks": feedbacks,
                                                    "actions": {a.value for a in actions}},
                  status=400 if form.errors else 200)


@require_POST
@member_required()
def post_autosave(request, pk: int):
    """htmx: keep the typed text on the server and answer with fresh feedback."""
    post = _authored_post(request, pk)
    if Action.EDIT not in author_actions(post, request.membership):
        return HttpResponse("This post can no longer be edited.", status=409)
    text = request.POST.get("text", "")
    try:
        services.post_autosave(post=post, text=text, by=request.user)
    except DomainError as exc:
        return HttpResponse(exc.message, status=400)
    feedbacks = [feedback_for(account=post.account, text=text, author_id=post.author_id)] if text.strip() else []
    return render(request, "posts/includes/feedback.html",
                  {"feedbacks": feedbacks, "typed": bool(text.strip()), "autosaved": True})


@require_POST
@member_required()
def post_submit(request, pk: int):
    post = _authored_post(request, pk)
    if Action.SUBMIT not in author_actions(post, request.membership):
        raise PermissionDenied("You cannot submit this post.")
    try:
        post = services.post_submit(post=post, by=request.user, expected_revision=_int(request.POST.get("revision")))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _outcome(post).capitalize())
    return redirect("post_detail", pk=post.pk)


@require_POST
@member_required()
def post_withdraw(request, pk: int):
    post = _authored_post(request, pk)
    if Action.WITHDRAW not in author_actions(post, request.membership):
        raise PermissionDenied("You cannot withdraw this post.")
    try:
        services.post_withdraw(post=post, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Withdrawn: the post is a draft again.")
    return redirect("post_detail", pk=post.pk)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
