"""One way to start background work: ``enqueue`` after the transaction commits.

With ``REDIS_URL`` set the job goes to a django-rq queue and a worker runs it; with no
Redis (the embedded default and the test suite) it runs in-process right after commit,
so one command runs everything. A job takes ids, re-reads its rows and is safe to run
twice (STYLE.md, "Jobs").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

QUEUES = ("default", "publish", "notify")


def enqueue(func: Callable[..., Any], *args: Any, queue: str = "default", timeout: int = 60, **kwargs: Any) -> None:
    """Run ``func(*args, **kwargs)`` as a background job once the current transaction commits."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")

    def send() -> None:
        if settings.JOBS_IN_PROCESS:
            try:
                func(*args, **kwargs)
            except Exception:  # a failed job must not fail the request that queued it
                logger.exception("in-process job %s failed", getattr(func, "__name__", func))
        else:
            import django_rq

            django_rq.get_queue(queue).enqueue(func, *args, job_timeout=timeout, **kwargs)

    transaction.on_commit(send)
