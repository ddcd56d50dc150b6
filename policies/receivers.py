"""Keep ``Organisation.accounts_token`` honest: any change to an organisation's accounts,
who posts on them, its members or their names gives it a new token, so every process
reads those rows again (policies.models.accounts._account_rows)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from policies.models import Membership, SocialAccount, User
from policies.models.accounts import renew_accounts_token


@receiver(post_save, sender=SocialAccount, dispatch_uid="accounts-token-account-saved")
@receiver(post_delete, sender=SocialAccount, dispatch_uid="accounts-token-account-deleted")
@receiver(post_save, sender=Membership, dispatch_uid="accounts-token-membership-saved")
@receiver(post_delete, sender=Membership, dispatch_uid="accounts-token-membership-deleted")
def _account_or_member_changed(sender, instance, **kwargs) -> None:
    renew_accounts_token([instance.organisation_id])


@receiver(m2m_changed, sender=SocialAccount.posters.through, dispatch_uid="accounts-token-posters")
def _posters_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        renew_accounts_token([instance.organisation_id])  # an account, or a member from the reverse side


@receiver(post_save, sender=User, dispatch_uid="accounts-token-user-renamed")
def _user_saved(sender, instance, update_fields=None, created=False, **kwargs) -> None:
    # The rows carry account owners' names and emails; a sign-in saves only last_login.
    if created or (update_fields is not None and not {"name", "email"} & set(update_fields)):
        return
    renew_accounts_token(set(Membership.objects.filter(user=instance).values_list("organisation_id", flat=True)))
