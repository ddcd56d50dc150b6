"""Jobs (django-rq, or in-process without Redis) and schedules (django-q2)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import Schedule

from config.jobs import enqueue
from config.schedules import PREFIX, SCHEDULES
from policies.jobs import email_send
from policies.models import Invitation


def test_in_process_job_runs_only_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            enqueue(email_send, to=["x@example.org"], subject="Hi", body="Body", queue="notify")
            assert mail.outbox == []
    assert [m.subject for m in mail.outbox] == ["Hi"]


def test_job_queued_in_a_rolled_back_transaction_never_runs(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                enqueue(email_send, to=["x@example.org"], subject="Hi", body="Body")
                raise RuntimeError("boom")
    assert mail.outbox == []


def test_unknown_queue_is_refused():
    with pytest.raises(ValueError, match="unknown queue"):
        enqueue(email_send, queue="nope")


def test_every_schedule_is_registered_after_migrate(db):
    names = set(Schedule.objects.filter(name__startswith=PREFIX).values_list("name", flat=True))
    assert names == {PREFIX + item.name for item in SCHEDULES}


def test_due_schedule_runs_through_the_django_q2_scheduler(council, monkeypatch):
    from django_q.scheduler import scheduler

    stale = Invitation.objects.create(organisation=council.organisation, email="old@example.org",
                                      expires_at=timezone.now() - timedelta(days=1))
    Schedule.objects.filter(name=PREFIX + "expire-invitations").update(next_run=timezone.now() - timedelta(minutes=1))
    monkeypatch.setattr(Conf, "SYNC", True)
    scheduler()
    stale.refresh_from_db()
    assert stale.revoked_at is not None
    assert Schedule.objects.get(name=PREFIX + "expire-invitations").next_run > timezone.now()


@pytest.mark.redis
def test_job_runs_on_a_real_rq_worker(db, settings, django_capture_on_commit_callbacks):
    import django_rq
    from rq import SimpleWorker

    settings.JOBS_IN_PROCESS = False
    queue = django_rq.get_queue("notify")
    queue.empty()
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(email_send, to=["x@example.org"], subject="Via RQ", body="Body", queue="notify")
    assert queue.count == 1 and mail.outbox == []
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert [m.subject for m in mail.outbox] == ["Via RQ"]
    assert queue.count == 0
