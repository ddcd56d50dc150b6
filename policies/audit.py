"""Write audit events. One function, used by every transition in every app."""

from __future__ import annotations

from typing import Any

from policies.models import AuditEvent, Organisation


def audit_record(
    *,
    organisation: Organisation,
    actor,
    verb: str,
    subject: Any = None,
    post_id: int | None = None,
    revision_number: int | None = None,
    policy_version: int | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event; call it inside the transition's transaction."""
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_label=str(actor) if actor is not None else "Countersign",
        verb=verb,
        subject_type=subject._meta.model_name if subject is not None else "",
        subject_id=subject.pk if subject is not None else None,
        post_id=post_id,
        revision_number=revision_number,
        policy_version=policy_version,
        data=data or {},
    )
