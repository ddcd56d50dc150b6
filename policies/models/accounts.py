"""The organisation's accounts on each network: part of its policy."""

from __future__ import annotations

import functools
import uuid

from django.db import models
from django.db.models.functions import Lower

from policies.checks.base import AccountContext
from policies.models.organisations import Membership, Organisation, User
from policies.querycache import CompiledQuery


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

    def update(self, **kwargs):
        """As QuerySet.update, and the organisations' cached account rows are renewed."""
        organisation_ids = set(self.values_list("organisation_id", flat=True))
        updated = super().update(**kwargs)
        renew_accounts_token(organisation_ids)
        return updated

    def for_drafting(self, membership: Membership, ids) -> list[SocialAccount]:
        """The accounts among ``ids`` this member may draft for, ready for ``context()``.

        Read on every keystroke of the live check: the rows come from ``_account_rows``
        (no query while the organisation's accounts are unchanged). Only the live check's
        feedback uses it; saving a post checks ``postable_by`` afresh.
        """
        wanted = {int(pk) for pk in ids}
        organisation_id = membership.organisation_id
        accounts_rows, posters_rows = _account_rows(membership.organisation), _poster_rows(membership.organisation)
        posters: dict[int, set[int]] = {}
        mine: set[int] = set()  # accounts this member is a poster on
        for account_id, member_id, user_id in posters_rows:
            if account_id in wanted:
                posters.setdefault(account_id, set()).add(user_id)
                if member_id == membership.pk:
                    mine.add(account_id)
        allowed = []
        for row in accounts_rows:
            values = dict(zip(_ACCOUNT_COLUMNS, row, strict=True))
            if values["id"] not in wanted or not (values["owner_id"] == membership.pk or values["id"] in mine):
                continue
            owner_user = User(pk=values.pop("owner__user_id"), name=values.pop("owner__user__name"),
                              email=values.pop("owner__user__email"))
            account = SocialAccount(**values)
            account.owner = Membership(pk=values["owner_id"], user=owner_user, organisation_id=organisation_id)
            account.organisation = membership.organisation
            account.poster_user_ids = frozenset(posters.get(account.pk, ()))
            allowed.append(account)
        return allowed


def account_choices(organisation: Organisation) -> list[tuple[int, str]]:
    """(id, "handle (Network)") of the organisation's active accounts, for filter menus."""
    networks = dict(Network.choices)
    columns = _ACCOUNT_COLUMNS
    pk, network, handle = columns.index("id"), columns.index("network"), columns.index("handle")
    return [(row[pk], f"{row[handle]} ({networks.get(row[network], row[network])})")
            for row in _account_rows(organisation)]


# The organisation's active accounts with their owners, and who posts on them: kept per
# process under the organisation's ``accounts_token``, which the request reads with the
# membership anyway and which changes with any of these rows (``policies.receivers``).
# A token read after a change commits can only find rows read after it too. Pass the
# organisation as this request read it.

def _account_rows(organisation: Organisation) -> tuple[tuple, ...]:
    return _rows_at(_ACCOUNTS, organisation.pk, organisation.accounts_token)


def _poster_rows(organisation: Organisation) -> tuple[tuple, ...]:
    return _rows_at(_POSTERS, organisation.pk, organisation.accounts_token)


@functools.lru_cache(maxsize=1024)
def _rows_at(query: CompiledQuery, organisation_id: int, token) -> tuple[tuple, ...]:
    return tuple(query.rows(organisation_id=organisation_id))


def renew_accounts_token(organisation_ids) -> None:
    """Give these organisations a new ``accounts_token``: their cached account rows are
    read again on next use, in every process."""
    ids = [pk for pk in organisation_ids if pk is not None]
    if ids:
        Organisation.objects.filter(pk__in=ids).update(accounts_token=uuid.uuid4())


_ACCOUNT_COLUMNS = ("id", "organisation_id", "network", "handle", "display_name", "purpose", "owner_id",
                    "created_at", "archived_at", "owner__user_id", "owner__user__name", "owner__user__email")
_ACCOUNTS = CompiledQuery(
    lambda variant, *, organisation_id: SocialAccount.objects.active().filter(organisation_id=organisation_id)
    .order_by("network", "handle").values_list(*_ACCOUNT_COLUMNS),
    "organisation_id",
)
_POSTERS = CompiledQuery(
    lambda variant, *, organisation_id: SocialAccount.posters.through.objects.filter(
        socialaccount__organisation_id=organisation_id, socialaccount__archived_at__isnull=True)
    .values_list("socialaccount_id", "membership_id", "membership__user_id"),
    "organisation_id",
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

    def _poster_user_ids(self) -> frozenset[int]:
        known = getattr(self, "poster_user_ids", None)  # set by for_drafting
        return known if known is not None else frozenset(m.user_id for m in self.posters.all())

    def context(self) -> AccountContext:
        """What the policy checks may know about this account (no model instance leaks in)."""
        return AccountContext(
            network=self.network,
            handle=self.handle,
            display_name=self.display_name,
            owner_id=self.owner.user_id,
            owner_name=str(self.owner.user),
            poster_ids=self._poster_user_ids() | {self.owner.user_id},
            account_id=self.pk,
            timezone=self.organisation.timezone,
        )
