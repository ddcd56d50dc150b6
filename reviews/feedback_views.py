"""Pages for discreet feedback: sending a private note, the inbox and its threads, quiet
flags, and notifications. Every change is a POST; other organisations get 404, and a
thread is 404 to anyone but its two people."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from policies.permissions import get_for_org, member_required
from policies.services import DomainError
from posts.actions import Action, author_actions
from posts.models import Post
from posts.rendering import highlight
from reviews import flags as flag_services
from reviews import notes as note_services
from reviews import notifications as notification_services
from reviews.actions import FeedbackAction, flag_actions, get_actions, thread_actions
from reviews.forms import FlagForm, FlagOutcomeForm, NoteForm, NotificationSettingsForm, ReplyForm, wording_token
from reviews.models import Flag, Note, Notification
from reviews.selectors import flags_for, thread_for_viewer, threads_for
from reviews.tone import GENTLE_SUGGESTION


def _post(request, pk: int) -> Post:
    return get_for_org(Post.objects.select_related("account__owner__user", "author", "current_revision",
                                                   "approved_revision"), request, pk=pk)


def _gentle(form, exc: note_services.HarshWording, text: str) -> dict:
    """Context for the gentle suggestion: the concerns, the note with them marked, and
    the token that lets the sender send exactly this wording anyway."""
    form.data = form.data.copy()
    form.data["as_it_is"] = wording_token(text)
    marks = [{"start": c["start"], "end": c["end"], "severity": "medium"} for c in exc.concerns]
    return {"concerns": exc.concerns, "suggestion": GENTLE_SUGGESTION, "marked": highlight(text.strip(), marks)}


# --- Private notes ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@member_required()
def note_send(request, pk: int):
    """GET: the note form beside the post. POST: send it (or suggest a gentler wording)."""
    post = _post(request, pk)
    form = NoteForm(request.POST or None)
    extra, status = {}, 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                note_services.note_send(post=post, sender=request.membership, body=data["body"], quote=data["quote"],
                                        quote_start=data["quote_start"], tone_accepted=form.tone_accepted())
            except note_services.HarshWording as exc:
                extra, status = _gentle(form, exc, data["body"]), 200
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, f"Your private note is with {post.author}. Only the two of you can read it.")
                return redirect("post_detail", pk=post.pk)
        if form.errors:
            status = 400
    elif FeedbackAction.NOTE not in get_actions(post, request.membership):
        messages.info(request, "This is your own post: notes from colleagues about it arrive in your inbox.")
        return redirect("post_detail", pk=post.pk)
    current = post.current_revision
    return render(request, "reviews/note_form.html", {
        "post": post, "form": form, "highlighted": highlight(current.text, []), **extra,
    }, status=status)


@member_required()
def inbox(request, box: str = "received"):
    sent = box == "sent"
    threads = Paginator(threads_for(request.membership, sent=sent), 25).get_page(request.GET.get("page"))
    return render(request, "reviews/inbox.html", {
        "box": box, "threads": threads, "flags": list(flags_for(request.membership, sent=sent)[:50]),
    })


def _thread(request, pk: int):
    thread = thread_for_viewer(pk, request.membership)
    if thread is None:
        raise Http404("No such conversation.")
    return thread


def _quote_in_current_text(note: Note, text: str) -> tuple[int, int] | None:
    """Where a note's quoted words are in the post now (the text may have changed)."""
    if not note.quote:
        return None
    if note.quote_start is not None and text[note.quote_start:note.quote_end] == note.quote:
        return note.quote_start, note.quote_end
    found = text.find(note.quote)
    return (found, found + len(note.quote)) if found >= 0 else None


@member_required()
def note_thread(request, pk: int, reply_form: ReplyForm | None = None, extra: dict | None = None, status: int = 200):
    thread = _thread(request, pk)
    if request.method == "GET":
        note_services.thread_mark_read(thread=thread, user=request.user)
    notes = list(thread.notes.select_related("sender", "revision"))
    text = thread.post.current_revision.text
    spans = [s for s in (_quote_in_current_text(n, text) for n in notes) if s]
    gone = [n for n in notes if n.quote and _quote_in_current_text(n, text) is None]
    is_author = request.user.pk == thread.author_id
    return render(request, "reviews/note_thread.html", {
        "thread": thread, "notes": notes, "post": thread.post, "other": thread.other_party(request.user),
        "highlighted": highlight(text, [], quotes=spans), "quotes_gone": gone, "is_author": is_author,
        "can_edit": is_author and Action.EDIT in author_actions(thread.post, request.membership),
        "actions": {a.value for a in thread_actions(thread, request.user)},
        "reply_form": reply_form or ReplyForm(), **(extra or {}),
    }, status=status)


@require_POST
@member_required()
def note_reply(request, pk: int):
    thread = _thread(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            note_services.note_reply(thread=thread, by=request.user, body=form.cleaned_data["body"],
                                     tone_accepted=form.tone_accepted())
        except note_services.HarshWording as exc:
            return note_thread(request, pk, reply_form=form, extra=_gentle(form, exc, form.cleaned_data["body"]))
        except DomainError as exc:
            form.add_error("body", exc.message)
        else:
            messages.success(request, "Reply sent.")
            return redirect("note_thread", pk=thread.pk)
    return note_thread(request, pk, reply_form=form, status=400)


@require_POST
@member_required()
def note_acknowledge(request, pk: int):
    thread = _thread(request, pk)
    note_services.thread_acknowledge(thread=thread, by=request.user)
    messages.success(request, f"{thread.colleague} will see your “Thanks — fixed”.")
    return redirect("note_thread", pk=thread.pk)


@require_POST
@member_required()
def note_resolve(request, pk: int):
    thread = _thread(request, pk)
    note_services.thread_resolve(thread=thread, by=request.user)
    messages.success(request, "Marked as resolved.")
    return redirect("note_thread", pk=thread.pk)


# --- Quiet flags --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@member_required()
def flag_raise(request, pk: int):
    post = _post(request, pk)
    if FeedbackAction.FLAG not in get_actions(post, request.membership):
        raise PermissionDenied("Only someone other than its author can flag a post, and only once it is published.")
    form = FlagForm(request.POST or None)
    extra, status = {}, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                flag = flag_services.flag_raise(post=post, by=request.membership, reason=form.cleaned_data["reason"],
                                                note=form.cleaned_data["note"], tone_accepted=form.tone_accepted())
            except note_services.HarshWording as exc:
                extra = _gentle(form, exc, form.cleaned_data["note"])
            except DomainError as exc:
                form.add_error("note" if exc.field == "body" else exc.field if exc.field in form.fields else None,
                               exc.message)
            else:
                messages.success(request, f"Flagged quietly: {post.author} has your note first.")
                return redirect("flag_detail", pk=flag.pk)
        if form.errors:
            status = 400
    return render(request, "reviews/flag_form.html", {
        "post": post, "form": form, "highlighted": highlight(post.current_revision.text, []),
        "target": flag_services.escalation_target(post), **extra,
    }, status=status)


def _flag(request, pk: int) -> Flag:
    return get_for_org(Flag.objects.select_related("post__account__owner__user", "post__author", "post__current_revision",
                                                   "raised_by", "escalated_to", "acknowledged_by", "outcome_by"),
                       request, pk=pk)


@member_required()
def flag_detail(request, pk: int, outcome_form: FlagOutcomeForm | None = None, status: int = 200):
    flag = _flag(request, pk)
    if not flag.visible_to(request.user):
        raise Http404("No such flag.")
    if request.method == "GET":
        if request.user.pk == flag.post.author_id and flag.unread_for_author:
            Flag.objects.filter(pk=flag.pk).update(unread_for_author=False)
        if request.user.pk == flag.escalated_to_id and flag.unread_for_owner:
            Flag.objects.filter(pk=flag.pk).update(unread_for_owner=False)
    return render(request, "reviews/flag_detail.html", {
        "flag": flag, "post": flag.post, "highlighted": highlight(flag.post.current_revision.text, []),
        "actions": {a.value for a in flag_actions(flag, request.user)},
        "outcome_form": outcome_form or FlagOutcomeForm(), "target": flag_services.escalation_target(flag.post),
    }, status=status)


@require_POST
@member_required()
def flag_acknowledge(request, pk: int):
    flag = _flag(request, pk)
    try:
        flag_services.flag_acknowledge(flag=flag, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Acknowledged: {flag.raised_by} is told, and it will not be escalated.")
    return redirect("flag_detail", pk=flag.pk)


@require_POST
@member_required()
def flag_outcome(request, pk: int):
    flag = _flag(request, pk)
    if FeedbackAction.RECORD_OUTCOME not in flag_actions(flag, request.user):
        raise PermissionDenied("Only the post's author, or the owner it was escalated to, can answer this flag.")
    form = FlagOutcomeForm(request.POST)
    if form.is_valid():
        try:
            flag_services.flag_record_outcome(flag=flag, by=request.user, outcome=form.cleaned_data["outcome"],
                                              reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Thank you: the outcome is recorded.")
            return redirect("flag_detail", pk=flag.pk)
    return flag_detail(request, pk, outcome_form=form, status=400)


# --- Notifications -------------------------------------------------------------------------


@member_required()
def notification_list(request):
    rows = Notification.objects.filter(organisation=request.organisation, recipient=request.user).select_related(
        "post__account")
    if request.GET.get("show") == "unread":
        rows = rows.unread()
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(request, "reviews/notifications.html", {"page": page, "show": request.GET.get("show", "")})


@require_POST
@member_required()
def notification_open(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user, organisation=request.organisation)
    notification_services.notifications_mark_read(user=request.user, ids=[notification.pk])
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect(notification.url)
    return redirect("notification_list")


@require_POST
@member_required()
def notifications_read_all(request):
    count = notification_services.notifications_mark_read(user=request.user)
    messages.success(request, f"Marked {count} as read." if count else "Nothing unread.")
    return redirect("notification_list")


@require_http_methods(["GET", "POST"])
@member_required()
def notification_settings(request):
    current = notification_services.preferences_for(request.user, request.organisation)
    form = NotificationSettingsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        notification_services.preferences_save(user=request.user, organisation=request.organisation,
                                               choices=form.cleaned_data)
        messages.success(request, "Saved: you will hear about each thing the way you chose.")
        return redirect("notification_settings")
    return render(request, "reviews/notification_settings.html", {"form": form},
                  status=400 if form.errors else 200)
