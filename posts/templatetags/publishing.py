"""The publishing panel on a post's page: its time, where publishing stands, and the
actions this person may take. An inclusion tag, so the post page's view need not know
about publishing (a fixed handful of queries, whatever the post's history)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from posts.actions import Action, publishing_actions
from posts.models import AccountConnection, AttemptState, PublishAttempt
from posts.publishing.service import may_connect
from posts.publishing_forms import ScheduleForm, refused_schedule
from posts.scheduling import zone_for

register = template.Library()


@register.inclusion_tag("posts/includes/publishing_panel_body.html", takes_context=True)
def publishing_panel(context):
    request = context["request"]
    post = context["post"]
    member = getattr(request, "membership", None)
    zone = zone_for(post.organisation)
    # Only a post being published, failed or held has an attempt worth showing.
    attempt = (PublishAttempt.objects.filter(post=post).order_by("-created_at").first()
               if post.state in {"publishing", "failed", "held"} else None)
    by_hand_due = bool(attempt and attempt.state == AttemptState.MANUAL and post.state == "publishing"
                       and attempt.revision_id == post.approved_revision_id)
    actions = {a.value for a in publishing_actions(post, member, by_hand_due=by_hand_due)}
    connection = (AccountConnection.objects.filter(account_id=post.account_id).first()
                  if post.state != "published" else None)
    scheduled_local = timezone.localtime(post.scheduled_for, zone) if post.scheduled_for else None
    initial = {"revision": post.current_revision.number if post.current_revision else 0,
               "mode": "asap" if post.publish_when_approved else "time"}
    if scheduled_local:
        initial |= {"day": scheduled_local.date(), "clock": scheduled_local.time()}
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "post": post,
        "zone": zone.key,
        "scheduled_local": scheduled_local,
        "published_local": timezone.localtime(post.published_at, zone) if post.published_at else None,
        "attempt": attempt,
        "connection": connection,
        "may_connect": may_connect(post.account, member),
        "actions": actions,
        "schedule_form": (refused_schedule(request.session, post.pk, zone) or ScheduleForm(initial=initial, zone=zone))
                         if Action.SCHEDULE in actions else None,
        "by_hand_due": by_hand_due,
    }
