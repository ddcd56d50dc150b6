"""Operations on organisations, people and accounts (STYLE.md: ``<entity>_<action>``).

Each is one transaction, checks its own preconditions, raises ``DomainError`` with a
message fit to show the user, and writes one audit event.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from config.jobs import enqueue
from policies.audit import audit_record
from policies.jobs import email_send
from policies.models import Invitation, Membership, Organisation, PolicyVersion, Role, SocialAccount, User


class DomainError(Exception):
    """A rule of the domain said no; the message is written for the person who asked.

    ``field`` names the form field at fault, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- Organisations ---------------------------------------------------------------------


def organisation_create(*, name: str, kind: str, admin: User, slug: str | None = None) -> Organisation:
    """Create an organisation with ``admin`` as its first admin and its kind's starter policy active."""
    from policies.packs import load_pack

    with transaction.atomic():
        organisation = Organisation.objects.create(name=name, kind=kind, slug=slug or _unique_slug(name))
        membership = Membership.objects.create(user=admin, organisation=organisation, role=Role.ADMIN)
        PolicyVersion.objects.create(
            organisation=organisation,
            number=1,
            status=PolicyVersion.Status.ACTIVE,
            document=load_pack(kind),
            source=f"pack:{kind}",
            created_by=admin,
            activated_at=timezone.now(),
            activated_by=admin,
        )
        audit_record(organisation=organisation, actor=admin, verb="organisation.created", subject=organisation,
                     policy_version=1, data={"kind": kind, "admin": membership.user.email})
    return organisation


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- People ----------------------------------------------------------------------------


def member_invite(*, organisation: Organisation, email: str, role: str, by: Membership) -> Invitation:
    """Invite ``email`` to join with ``role``; the email goes out after commit."""
    if not by.is_admin:
        raise PermissionDenied("Only an admin can invite people.")
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise DomainError(f"{email} is already a member of {organisation}.", field="email")
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=by.user)
    except IntegrityError:
        raise DomainError(
            f"{email} already has an open invitation. Revoke it first to send a new one.", field="email"
        ) from None
    with transaction.atomic():
        audit_record(organisation=organisation, actor=by.user, verb="member.invited", subject=invitation,
                     data={"email": email, "role": role})
        link = settings.SITE_URL + reverse("invitation_accept", args=[invitation.token])
        context = {"invitation": invitation, "link": link}
        enqueue(
            email_send,
            to=[email],
            subject=f"You're invited to {organisation} on Countersign",
            body=render_to_string("policies/emails/invitation.txt", context),
            html=render_to_string("policies/emails/invitation.html", context),
            queue="notify",
        )
    return invitation


def invitation_revoke(*, invitation: Invitation, by: Membership) -> None:
    if not by.is_admin or invitation.organisation_id != by.organisation_id:
        raise PermissionDenied("Only an admin of this organisation can revoke invitations.")
    with transaction.atomic():
        updated = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if not updated:
            raise DomainError("This invitation is no longer open.")
        audit_record(organisation=invitation.organisation, actor=by.user, verb="member.invitation_revoked",
                     subject=invitation, data={"email": invitation.email})


def invitation_accept(*, invitation: Invitation, user: User | None = None, name: str = "", password: str = "") -> Membership:
    """Turn an open invitation into a membership.

    An existing person accepts while signed in as the invited address; a new person
    gives a name and password and their account is created here.
    """
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_open:
            raise DomainError("This invitation has expired or was already used. Ask an admin for a new one.")
        if user is None:
            if User.objects.filter(email__iexact=locked.email).exists():
                raise DomainError("An account with this email already exists: sign in to accept.")
            user = User.objects.create(email=locked.email, name=name.strip(), password=make_password(password))
        elif user.email.lower() != locked.email.lower():
            raise DomainError(f"This invitation is for {locked.email}; you are signed in as {user.email}.")
        membership, _ = Membership.objects.get_or_create(
            user=user, organisation=locked.organisation, defaults={"role": locked.role}
        )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        audit_record(organisation=locked.organisation, actor=user, verb="member.joined", subject=membership,
                     data={"role": membership.role})
    return membership


def membership_change_role(*, membership: Membership, role: str, by: Membership) -> Membership:
    """Change a member's role; the organisation always keeps at least one admin."""
    if not by.is_admin or membership.organisation_id != by.organisation_id:
        raise PermissionDenied("Only an admin of this organisation can change roles.")
    if role not in Role.values:
        raise DomainError(f"Unknown role {role!r}.", field="role")
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        old = locked.role
        if old == role:
            return locked
        if old == Role.ADMIN and _admin_count(locked.organisation_id) <= 1:
            raise DomainError(
                "This would leave the organisation with no admin. Make someone else an admin first.", field="role"
            )
        if locked.owned_accounts.filter(archived_at__isnull=True).exists() and Role.rank(role) < Role.rank(Role.LEAD):
            raise DomainError(
                f"{locked.user} owns accounts; give those accounts another owner before making them {Role(role).label}.",
                field="role",
            )
        locked.role = role
        locked.save(update_fields=["role"])
        audit_record(organisation=locked.organisation, actor=by.user, verb="member.role_changed", subject=locked,
                     data={"member": locked.user.email, "from": old, "to": role})
    return locked


def membership_remove(*, membership: Membership, by: Membership) -> None:
    """Remove a member; they lose access on their next request. Their history stays."""
    if not by.is_admin or membership.organisation_id != by.organisation_id:
        raise PermissionDenied("Only an admin of this organisation can remove members.")
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.role == Role.ADMIN and _admin_count(locked.organisation_id) <= 1:
            raise DomainError("You cannot remove the last admin. Make someone else an admin first.")
        if locked.owned_accounts.filter(archived_at__isnull=True).exists():
            raise DomainError(f"{locked.user} owns accounts; give those accounts another owner first.")
        audit_record(organisation=locked.organisation, actor=by.user, verb="member.removed", subject=locked,
                     data={"member": locked.user.email, "role": locked.role})
        locked.delete()


def _admin_count(organisation_id: int) -> int:
    return Membership.objects.filter(organisation_id=organisation_id, role=Role.ADMIN).count()


# --- Accounts --------------------------------------------------------------------------


def account_save(*, account: SocialAccount, posters, by: Membership, created: bool) -> SocialAccount:
    """Create or update an account from a validated form's instance and its posters."""
    if not by.is_admin or account.organisation_id != by.organisation_id:
        raise PermissionDenied("Only an admin can change the organisation's accounts.")
    if not account.owner.has_role(Role.LEAD):
        raise DomainError("The owner must be a comms lead or an admin.", field="owner")
    try:
        with transaction.atomic():
            account.save()
            account.posters.set(posters)
            audit_record(organisation=account.organisation, actor=by.user,
                         verb="account.created" if created else "account.updated", subject=account,
                         data={"handle": account.handle, "network": account.network})
    except IntegrityError:
        raise DomainError(
            f"{account.get_network_display()} already has an account {account.handle} here.", field="handle"
        ) from None
    return account


def account_archive(*, account: SocialAccount, by: Membership, archived: bool = True) -> SocialAccount:
    """Archive (or restore) an account. Archived accounts keep their history; nobody can post on them."""
    if not by.is_admin or account.organisation_id != by.organisation_id:
        raise PermissionDenied("Only an admin can archive accounts.")
    try:
        with transaction.atomic():
            account.archived_at = timezone.now() if archived else None
            account.save(update_fields=["archived_at"])
            audit_record(organisation=account.organisation, actor=by.user,
                         verb="account.archived" if archived else "account.restored", subject=account,
                         data={"handle": account.handle})
    except IntegrityError:
        raise DomainError(
            f"Another active {account.get_network_display()} account already uses {account.handle}."
        ) from None
    return account


# --- Policy versions -----------------------------------------------------------------------
#
# Edits go into a draft version; activating it makes it the one in force and freezes it.
# Every save validates the whole document for this organisation (the engine's schema, the
# members it names, windows that contradict each other) and saves nothing on a problem.


def _require_policy_admin(by: Membership, organisation: Organisation) -> None:
    if not by.is_admin or by.organisation_id != organisation.pk:
        raise PermissionDenied("Only an admin of this organisation can change its policy.")


def _validated(document, organisation: Organisation, *, number: int | None = None):
    from policies.policy_consistency import validate_for_organisation

    return validate_for_organisation(document, organisation, version=number)


def _next_number(organisation: Organisation) -> int:
    last = PolicyVersion.objects.filter(organisation=organisation).order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def policy_version_create_draft(*, organisation: Organisation, by: Membership, based_on: PolicyVersion | None = None,
                                document: dict | None = None, source: str = "") -> PolicyVersion:
    """A new draft: a copy of ``based_on`` (default: the version in force), or ``document``
    (an import or a pack). Raises PolicyError, saving nothing, if the document does not validate."""
    import copy

    _require_policy_admin(by, organisation)
    if document is None:
        based_on = based_on or organisation.active_policy()
        if based_on is None:
            from policies.packs import load_pack

            document, source = load_pack(organisation.kind), source or f"pack:{organisation.kind}"
        else:
            if based_on.organisation_id != organisation.pk:
                raise PermissionDenied("That version belongs to another organisation.")
            document, source = copy.deepcopy(based_on.document), source or f"copy of v{based_on.number}"
    _validated(document, organisation)
    with transaction.atomic():
        # the organisation row serialises numbering between two admins creating drafts at once
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        version = PolicyVersion.objects.create(organisation=organisation, number=_next_number(organisation),
                                               document=document, source=source[:100], created_by=by.user)
        audit_record(organisation=organisation, actor=by.user, verb="policy.draft_created", subject=version,
                     policy_version=version.number, data={"source": version.source})
    return version


def policy_version_save(*, version: PolicyVersion, document: dict, by: Membership, change: str) -> PolicyVersion:
    """Replace a draft's document after validating it; ``change`` says what changed, for the audit."""
    organisation = version.organisation
    _require_policy_admin(by, organisation)
    _validated(document, organisation, number=version.number)
    with transaction.atomic():
        locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if locked.status != PolicyVersion.Status.DRAFT or locked.was_activated:
            raise DomainError(f"Version {locked.number} has been in force and can no longer change; "
                              "make a new draft from it.")
        locked.document = document
        locked.save(update_fields=["document"])
        audit_record(organisation=organisation, actor=by.user, verb="policy.draft_changed", subject=locked,
                     policy_version=locked.number, data={"change": change})
    version.document = document
    return locked


def policy_version_discard(*, version: PolicyVersion, by: Membership) -> None:
    """Delete a draft that was never in force (versions that were are kept for the record)."""
    _require_policy_admin(by, version.organisation)
    with transaction.atomic():
        locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if locked.was_activated or locked.status != PolicyVersion.Status.DRAFT:
            raise DomainError(f"Version {locked.number} has been in force; it is kept for the record.")
        audit_record(organisation=locked.organisation, actor=by.user, verb="policy.draft_discarded",
                     subject=locked, policy_version=locked.number)
        locked.delete()


def policy_version_activate(*, version: PolicyVersion, by: Membership, confirmed_failing=()) -> PolicyVersion:
    """Put ``version`` in force: a draft, or an earlier version re-activated.

    Its examples are run first; if any fail, every failing one must be named in
    ``confirmed_failing`` (the admin saw them and said yes) or nothing happens. The version
    in force before is retired; the document never changes again. One audit event; then
    ``policy_activated`` is sent so open posts are re-assessed.
    """
    from policies.policy_examples import failing, run_examples
    from policies.signals import policy_activated

    organisation = version.organisation
    _require_policy_admin(by, organisation)
    compiled = _validated(version.document, organisation, number=version.number)
    failed = [result.label for result in failing(run_examples(compiled))]
    unconfirmed = [label for label in failed if label not in set(confirmed_failing)]
    if unconfirmed:
        raise DomainError(f"{len(unconfirmed)} example(s) do not get their expected tier: {', '.join(unconfirmed)}. "
                          "Confirm that you want to activate it anyway.", field="confirm")
    with transaction.atomic():
        versions = PolicyVersion.objects.select_for_update().filter(organisation=organisation)
        locked = versions.get(pk=version.pk)
        if locked.status == PolicyVersion.Status.ACTIVE:
            raise DomainError(f"Version {locked.number} is already in force.")
        previous = versions.filter(status=PolicyVersion.Status.ACTIVE).first()
        if previous is not None:
            previous.status = PolicyVersion.Status.RETIRED
            previous.save(update_fields=["status"])
        reactivated = locked.was_activated
        locked.status = PolicyVersion.Status.ACTIVE
        locked.activated_at = timezone.now()
        locked.activated_by = by.user
        locked.save(update_fields=["status", "activated_at", "activated_by"])
        organisation.active_version_id = locked.pk  # the instance callers hold (saving moved the row's)
        audit_record(organisation=organisation, actor=by.user, verb="policy.activated", subject=locked,
                     policy_version=locked.number,
                     data={"previous": previous.number if previous else None, "reactivated": reactivated,
                           "failing_examples_confirmed": failed})
        policy_activated.send(sender=PolicyVersion, version=locked, previous=previous, by=by.user)
    return locked
