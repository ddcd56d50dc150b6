"""Background work for organisations and people (queued with config.jobs.enqueue)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone


def email_send(*, to: list[str], subject: str, body: str, html: str | None = None) -> None:
    """Send one email (plain text, optionally with an HTML part). Idempotent enough: a
    retried job may send twice, which is why nothing secret ever travels by email."""
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def invitations_expire() -> int:
    """Schedule: close invitations past their expiry so the address can be invited again."""
    from policies.models import Invitation

    return Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=timezone.now()
    ).update(revoked_at=timezone.now())
