from __future__ import annotations

from datetime import UTC, datetime

from policies.checks.base import AccountContext
from policies.engine import assess

from .policy_documents import ACCOUNT, policy

PRE_ELECTION = {
    "id": "pre-election",
    "kind": "window",
    "start": "2027-03-25",
    "end": "2027-05-06",
    "topics": ["councillor", "cllr", "election"],
    "severity": "high",
}
QUIET = {"id": "quiet", "kind": "window", "daily": {"from": "22:00", "to": "07:00"}, "severity": "low", "raise_by": 1}
EMBARGO = {"id": "embargo", "kind": "window", "end": "2027-01-10T09:00", "topics": ["merger"], "severity": "block"}


def tier(text, at, *rules, account=ACCOUNT):
    return assess(text, account=account, policy=policy(*rules), at=at).tier.value


def test_topic_posts_rise_inside_the_window_only():
    inside = datetime(2027, 4, 20, 11, tzinfo=UTC)
    assert tier("Cllr Ahmed opened the park today.", inside, PRE_ELECTION) == "high"
    assert tier("The park is open today.", inside, PRE_ELECTION) == "low"
    assert tier("Cllr Ahmed opened the park today.", datetime(2027, 5, 7, 11, tzinfo=UTC), PRE_ELECTION) == "low"


def test_a_bare_end_date_includes_that_whole_day():
    late_on_polling_day = datetime(2027, 5, 6, 21, 30, tzinfo=UTC)  # 22:30 in London
    assert tier("Polling day: councillor news", late_on_polling_day, PRE_ELECTION) == "high"


def test_quiet_hours_use_the_organisations_time_zone_and_wrap_midnight():
    # 06:30 UTC in June is 07:30 in London (outside); in January it is 06:30 (inside)
    assert tier("Morning!", datetime(2027, 6, 1, 6, 30, tzinfo=UTC), QUIET) == "low"
    assert tier("Morning!", datetime(2027, 1, 5, 6, 30, tzinfo=UTC), QUIET) == "medium"
    assert tier("Night!", datetime(2027, 1, 5, 23, 30, tzinfo=UTC), QUIET) == "medium"
    tokyo = AccountContext(network="x", handle="@us", timezone="Asia/Tokyo")
    assert tier("Night!", datetime(2027, 1, 5, 4, 0, tzinfo=UTC), QUIET, account=tokyo) == "low"  # 13:00 in Tokyo


def test_embargo_blocks_its_topic_until_it_lifts():
    assert tier("Merger news!", datetime(2027, 1, 10, 8, 0, tzinfo=UTC), EMBARGO) == "block"
    assert tier("Merger news!", datetime(2027, 1, 10, 9, 30, tzinfo=UTC), EMBARGO) == "low"
