"""Signals other apps listen to (imports only go downwards, so posts announces and
reviews reacts: notifications, inbox, re-assessment)."""

from django.dispatch import Signal

# Sent inside the transition's transaction, once per audit event of a post:
# post, verb, actor (User or None for the policy/system), revision, data.
# Receivers with side effects outside the database must use transaction.on_commit.
post_transition = Signal()
