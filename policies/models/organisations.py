"""The tenant (Organisation), people (User) and who belongs where with which role."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person. Signs in with their email address; belongs to organisations through memberships."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    name = models.CharField(max_length=150, help_text="How colleagues see you, e.g. Alice Jones.")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]
    objects = UserManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", "Council"
    LAW_FIRM = "law_firm", "Law firm"
    THERAPY = "therapy", "Therapy practice"
    BANK = "bank", "Bank"
    CHARITY = "charity", "Charity"
    POLICE = "police", "Police force"
    NHS = "nhs", "NHS trust"
    RETAIL = "retail", "Retailer"


class Organisation(models.Model):
    """The tenant: every other object belongs to exactly one organisation."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.COUNCIL)
    timezone = models.CharField(max_length=64, default="Europe/London")
    created_at = models.DateTimeField(auto_now_add=True)
    # The version in force, kept by PolicyVersion.save(): the membership query brings it
    # along, so a keystroke's live check needs no query to know which policy applies.
    active_version = models.ForeignKey("policies.PolicyVersion", on_delete=models.SET_NULL, null=True, blank=True,
                                       editable=False, related_name="+")
    # A new value whenever the organisation's accounts, their posters or their owners
    # change (policies.receivers): the per-process copy of those rows, read on every
    # keystroke of the live check and every review queue, is keyed on it.
    accounts_token = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def active_policy(self):
        """The policy version in force, or None before one is activated.

        Read from the versions' statuses, the authority, so an instance held across an
        activation still answers right. ``active_version`` is the copy PolicyVersion.save
        keeps for the per-keystroke read (policies.selectors.active_policy_for)."""
        return self.policy_versions.filter(status="active").first()


class Role(models.TextChoices):
    """Roles are ordered: each can do everything the ones before it can."""

    AUTHOR = "author", "Author"
    REVIEWER = "reviewer", "Reviewer"
    LEAD = "lead", "Comms lead"
    ADMIN = "admin", "Admin"

    @classmethod
    def rank(cls, role: str) -> int:
        try:
            return _ROLE_RANKS[role]
        except KeyError:
            raise ValueError(f"{role!r} is not a role") from None


# Looked up by every role check (a view's guard, the queue, the navigation): ``Role.values``
# builds its list afresh on each use.
_ROLE_RANKS = {value: rank for rank, value in enumerate(Role.values)}


class Membership(models.Model):
    """A person's place in an organisation. Deleting it removes their access at once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="membership_role_valid"),
        ]
        ordering = ["user__name"]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"

    def has_role(self, role: str) -> bool:
        """True when this member's role is ``role`` or above it."""
        return Role.rank(self.role) >= Role.rank(role)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_lead(self) -> bool:
        return self.has_role(Role.LEAD)


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


class Invitation(models.Model):
    """An admin's invitation for an email address to join with a role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "organisation",
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
