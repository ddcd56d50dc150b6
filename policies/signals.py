"""Signals other apps listen to, so policies never imports the apps above it.

``policy_activated`` is sent inside the activation's transaction with ``version`` (the
PolicyVersion now in force), ``previous`` (the one it replaced, or None) and ``by`` (the
User who activated it). ``posts`` listens and re-assesses open posts; receivers that do
work outside the database must defer it with ``transaction.on_commit`` (``config.jobs.enqueue``
already does).
"""

from django.dispatch import Signal

policy_activated = Signal()
