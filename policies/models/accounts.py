"""The organisation's accounts on each network: part of its policy."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower

from policies.checks.base import AccountContext
from policies.models.organisations import Membership, Organisation


class Network(models.TextChoices):
    X = "x", "X"
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    LINKEDIN = "linkedin", "LinkedIn"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    OTHER = "other", "Other"


class SocialAccountQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def postable_by(self, membership: Membership):
        """Accounts this member may draft for: they own it or are one of its posters."""
        return (
            self.active()
            .filter(models.Q(owner=membership) | models.Q(posters=membership))
            .distinct()
        )


class SocialAccount(models.Model):
    """One account on one network. Archived, never deleted, so history stays whole."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="accounts")
    network = models.CharField(max_length=20, choices=Network.choices)
    handle = models.CharField(max_length=100, help_text="As it appears on the network, e.g. @stroudcouncil.")
    display_name = models.CharField(max_length=150)
    purpose = models.TextField(
        help_text="The thrust of its messaging: what this account is for, shown to authors beside the composer."
    )
    owner = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="owned_accounts",
        help_text="A comms lead or admin who answers for this account.",
    )
    posters = models.ManyToManyField(
        Membership, related_name="postable_accounts", blank=True,
        help_text="Members who may draft posts for this account (besides its owner).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = SocialAccountQuerySet.as_manager()

    class Meta:
        ordering = ["network", "handle"]
        constraints = [
            models.UniqueConstraint(
                "organisation", "network", Lower("handle"),
                condition=models.Q(archived_at__isnull=True),
                name="account_handle_unique_per_network",
            )
        ]

    def __str__(self) -> str:
        return f"{self.handle} ({self.get_network_display()})"

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def may_post(self, membership: Membership) -> bool:
        if self.is_archived or membership.organisation_id != self.organisation_id:
            return False
        return self.owner_id == membership.pk or self.posters.filter(pk=membership.pk).exists()

    def context(self) -> AccountContext:
        """What the policy checks may know about this account (no model instance leaks in)."""
        return AccountContext(
            network=self.network,
            handle=self.handle,
            display_name=self.display_name,
            owner_id=self.owner.user_id,
            owner_name=str(self.owner.user),
            poster_ids=frozenset(m.user_id for m in self.posters.all()) | {self.owner.user_id},
            account_id=self.pk,
            timezone=self.organisation.timezone,
        )
