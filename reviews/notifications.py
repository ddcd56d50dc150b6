"""Notifications: an in-app list with unread state, and email (plain text + HTML) sent
by a job after commit, immediately or in a daily digest, as each member chooses per kind.

Titles are written here, never copied from a note or flag, so a notification (and the
email made from it) can only say that there is something and link to it.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from config.jobs import enqueue
from policies.jobs import email_send
from policies.models import Organisation
from reviews.models import Delivery, Notification, NotificationKind, NotificationPreference

EMAIL_TIMEOUT = 30


def delivery_for(user, organisation: Organisation, kind: str) -> str:
    """How ``user`` wants to hear about ``kind`` here (immediately unless they chose otherwise)."""
    chosen = NotificationPreference.objects.filter(user=user, organisation=organisation, kind=kind).values_list(
        "delivery", flat=True).first()
    return chosen or Delivery.IMMEDIATELY


def preferences_for(user, organisation: Organisation) -> dict[str, str]:
    chosen = dict(NotificationPreference.objects.filter(user=user, organisation=organisation).values_list(
        "kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.IMMEDIATELY) for kind in NotificationKind.values}


def preferences_save(*, user, organisation: Organisation, choices: dict[str, str]) -> None:
    """Record the member's choice per kind (unknown kinds or deliveries are ignored)."""
    with transaction.atomic():
        for kind, delivery in choices.items():
            if kind in NotificationKind.values and delivery in Delivery.values:
                NotificationPreference.objects.update_or_create(
                    user=user, organisation=organisation, kind=kind, defaults={"delivery": delivery})


def notify(*, recipient, organisation: Organisation, kind: str, title: str, url: str, post=None) -> Notification | None:
    """Tell ``recipient`` about something, the way they chose. Call inside the
    transaction that made the change: the email goes only if it commits."""
    delivery = delivery_for(recipient, organisation, kind)
    if delivery == Delivery.OFF:
        return None
    notification = Notification.objects.create(organisation=organisation, recipient=recipient, kind=kind,
                                               post=post, title=title[:300], url=url, delivery=delivery)
    if delivery == Delivery.IMMEDIATELY and recipient.email:
        enqueue(notification_email_send, notification.pk, queue="notify", timeout=EMAIL_TIMEOUT)
    return notification


def notification_email_send(notification_id: int) -> bool:
    """Job: email one notification. Claims it first, so running twice sends once."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now())
    if not claimed:
        return False
    notification = Notification.objects.select_related("recipient", "organisation").get(pk=notification_id)
    context = {"notification": notification, "link": settings.SITE_URL + notification.url,
               "recipient": notification.recipient, "organisation": notification.organisation,
               "settings_link": settings.SITE_URL + "/notifications/settings/"}
    email_send(
        to=[notification.recipient.email],
        subject=f"Countersign: {notification.title}"[:200],
        body=render_to_string("reviews/emails/notification.txt", context),
        html=render_to_string("reviews/emails/notification.html", context),
    )
    return True


def digests_send() -> int:
    """Schedule (daily): queue one digest email per member with notifications waiting for it."""
    pending = (Notification.objects.filter(delivery=Delivery.DIGEST, emailed_at__isnull=True)
               .values_list("recipient_id", "organisation_id").distinct())
    pairs = sorted(set(pending))
    for recipient_id, organisation_id in pairs:
        enqueue(digest_send, recipient_id, organisation_id, queue="notify", timeout=EMAIL_TIMEOUT)
    return len(pairs)


def digest_send(recipient_id: int, organisation_id: int) -> int:
    """Job: one email listing what ``recipient`` has not yet read since the last digest.

    Rows are locked and marked sent in one transaction, so two runs never send the same
    item twice. Items already read in the app are marked but left out of the email.
    """
    with transaction.atomic():
        rows = list(Notification.objects.select_for_update().filter(
            recipient_id=recipient_id, organisation_id=organisation_id, delivery=Delivery.DIGEST,
            emailed_at__isnull=True).order_by("created_at", "pk"))
        if not rows:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in rows]).update(emailed_at=timezone.now())
        unread = [n for n in rows if n.read_at is None]
        if not unread:
            return 0
        recipient = unread[0].recipient
        organisation = unread[0].organisation
        groups = defaultdict(list)
        for n in unread:
            groups[NotificationKind(n.kind).label].append(n)
        context = {"groups": dict(groups), "count": len(unread), "recipient": recipient,
                   "organisation": organisation, "site": settings.SITE_URL,
                   "settings_link": settings.SITE_URL + "/notifications/settings/"}
        subject = f"Countersign: your daily digest ({len(unread)} new)"
        body = render_to_string("reviews/emails/digest.txt", context)
        html = render_to_string("reviews/emails/digest.html", context)
        to = [recipient.email]
        transaction.on_commit(lambda: email_send(to=to, subject=subject, body=body, html=html))
    return len(unread)


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())
