"""Scheduling: local times and daylight saving, the schedule form, windows, the calendar,
and connecting an account's credentials."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from policies.models import PolicyVersion
from policies.services import DomainError
from posts.models import AccountConnection, ConnectionState, PostState
from posts.scheduling import local_to_utc, post_schedule
from tests.posts.publishing_helpers import T0, approved_post, run_schedule, scheduled_post

LONDON = ZoneInfo("Europe/London")


# --- Local time ----------------------------------------------------------------------------


def test_local_times_follow_british_summer_time():
    assert local_to_utc(date(2030, 6, 4), time(10, 0), LONDON) == datetime(2030, 6, 4, 9, 0, tzinfo=UTC)
    assert local_to_utc(date(2030, 1, 8), time(10, 0), LONDON) == datetime(2030, 1, 8, 10, 0, tzinfo=UTC)


def test_a_time_the_clocks_skip_is_refused_with_a_reason():
    with pytest.raises(DomainError, match="does not exist in Europe/London: the clocks go forward"):
        local_to_utc(date(2030, 3, 31), time(1, 30), LONDON)


def test_a_time_the_clocks_repeat_is_refused_with_a_reason():
    with pytest.raises(DomainError, match="happens twice in Europe/London: the clocks go back"):
        local_to_utc(date(2030, 10, 27), time(1, 30), LONDON)


def test_a_time_in_the_past_is_refused(council, make_post):
    post = approved_post(make_post, council)
    with pytest.raises(DomainError, match="already passed"):
        post_schedule(post=post, by=council.alice, when=datetime(2001, 1, 1, tzinfo=UTC))
    post.refresh_from_db()
    assert post.state == PostState.APPROVED and post.scheduled_for is None


# --- The schedule form ----------------------------------------------------------------------


def schedule_form(post, day="2030-06-04", clock="10:00", mode="time"):
    return {"mode": mode, "day": day, "clock": clock, "revision": post.current_revision.number}


@time_machine.travel(T0, tick=False)
def test_author_schedules_in_the_organisations_time_zone(council, make_post, client_for):
    post = approved_post(make_post, council)
    response = client_for(council.alice).post(reverse("post_schedule", args=[post.pk]), schedule_form(post))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED
    assert post.scheduled_for == datetime(2030, 6, 4, 9, 0, tzinfo=UTC)  # 10:00 BST
    page = client_for(council.alice).get(reverse("post_detail", args=[post.pk])).content.decode()
    assert "Tuesday 4 June 2030, 10:00" in page and 'value="2030-06-04"' in page


@time_machine.travel(T0, tick=False)
@pytest.mark.parametrize(("day", "clock", "message"), [
    ("2030-06-03", "10:00", "That time has already passed"),
    ("2031-03-30", "01:30", "does not exist in Europe/London"),
    ("2030-10-27", "01:15", "happens twice in Europe/London"),
    ("", "10:00", "Enter the date to publish on"),
])
def test_a_bad_time_says_why_and_changes_nothing(council, make_post, client_for, day, clock, message):
    post = approved_post(make_post, council)
    client = client_for(council.alice)
    response = client.post(reverse("post_schedule", args=[post.pk]), schedule_form(post, day, clock), follow=True)
    assert message in response.content.decode()
    post.refresh_from_db()
    assert post.state == PostState.APPROVED and post.scheduled_for is None


def test_schedule_needs_post(council, make_post, client_for):
    post = approved_post(make_post, council)
    assert client_for(council.alice).get(reverse("post_schedule", args=[post.pk])).status_code == 405


@time_machine.travel(T0, tick=False)
def test_account_owner_may_schedule_but_another_reviewer_may_not(council, make_post, client_for):
    post = approved_post(make_post, council)
    url = reverse("post_schedule", args=[post.pk])
    assert client_for(council.bob).post(url, schedule_form(post)).status_code == 403
    assert client_for(council.carol).post(url, schedule_form(post)).status_code == 302
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED


def test_another_organisation_gets_404(council, make_post, client_for, mallory):
    post = approved_post(make_post, council)
    client = client_for(mallory)
    for name in ("post_schedule", "post_retry", "post_mark_published", "post_unschedule"):
        assert client.post(reverse(name, args=[post.pk]), schedule_form(post)).status_code == 404


@time_machine.travel(T0, tick=False)
def test_unscheduling_returns_the_post_to_approved(council, make_post, client_for):
    post = scheduled_post(make_post, council, at=T0 + timedelta(hours=3), now=T0)
    client_for(council.alice).post(reverse("post_unschedule", args=[post.pk]))
    post.refresh_from_db()
    assert post.state == PostState.APPROVED and post.scheduled_for is None


def test_retry_and_mark_published_are_refused_for_a_post_that_is_not_failed_or_held(council, make_post, client_for):
    post = approved_post(make_post, council)
    client = client_for(council.alice)
    assert client.post(reverse("post_retry", args=[post.pk])).status_code == 403
    assert client.post(reverse("post_mark_published", args=[post.pk]), {"url": "https://x.com/a/status/1"}).status_code == 403
    post.refresh_from_db()
    assert post.state == PostState.APPROVED


# --- Windows ---------------------------------------------------------------------------------

ELECTION_TEXT = "The councillors' surgery is at the library on Saturday, all welcome."


def test_moving_a_post_into_a_policy_window_voids_the_approval(council, make_post):
    with time_machine.travel(datetime(2027, 2, 1, 9, tzinfo=UTC), tick=False):
        post = approved_post(make_post, council, ELECTION_TEXT)
        assert post.state == PostState.APPROVED
        post = post_schedule(post=post, by=council.alice, when=datetime(2027, 2, 10, 10, tzinfo=UTC))
        assert post.state == PostState.SCHEDULED, "a time outside the window keeps the approval"
        post = post_schedule(post=post, by=council.alice, when=datetime(2027, 4, 1, 10, tzinfo=UTC))
    assert post.state == PostState.DRAFT and post.approved_revision is None
    assert post.current_revision.number == 2 and post.current_revision.text == ELECTION_TEXT
    assert post.current_revision.tier == "high"
    assert post.scheduled_for == datetime(2027, 4, 1, 10, tzinfo=UTC)


def test_a_window_that_starts_before_the_post_goes_out_holds_it(council, make_post, connect, network,
                                                                django_capture_on_commit_callbacks):
    connect("mastodon")
    due = datetime(2027, 3, 24, 23, 50, tzinfo=UTC)  # ten minutes before the pre-election period
    post = scheduled_post(make_post, council, at=due, text=ELECTION_TEXT)
    assert post.state == PostState.SCHEDULED
    run_schedule(django_capture_on_commit_callbacks, datetime(2027, 3, 25, 0, 5, tzinfo=UTC))  # the scheduler was late
    post.refresh_from_db()
    assert post.state == PostState.HELD
    assert network.received() == 0


def test_a_new_policy_window_is_checked_at_the_moment_of_publishing(council, make_post, connect, network,
                                                                   django_capture_on_commit_callbacks):
    connect("mastodon")
    due = T0 + timedelta(hours=2)
    post = scheduled_post(make_post, council, at=due)
    active = PolicyVersion.objects.get(organisation=council.organisation, status="active")
    document = dict(active.document)
    document["rules"] = [*document["rules"], {"id": "flood-response", "kind": "window", "severity": "block",
                                              "message": "All posts paused during the flood response.",
                                              "start": "2030-06-04", "end": "2030-06-05"}]
    PolicyVersion.objects.filter(pk=active.pk).update(status="retired")
    PolicyVersion.objects.create(organisation=council.organisation, number=2, status="active", document=document)
    run_schedule(django_capture_on_commit_callbacks, due)
    post.refresh_from_db()
    assert post.state == PostState.HELD
    assert network.received() == 0


# --- Calendar --------------------------------------------------------------------------------


@time_machine.travel(T0, tick=False)
def test_calendar_views_show_scheduled_posts_with_tier_state_and_link(council, make_post, client_for, mallory_org):
    post = scheduled_post(make_post, council, at=T0 + timedelta(days=2), now=T0)
    client = client_for(council.bob)
    link = reverse("post_detail", args=[post.pk])
    for url in (reverse("calendar") + "?month=2030-06", reverse("calendar_week") + "?start=2030-06-06",
                reverse("calendar_list") + f"?account={council.account.pk}"):
        page = client.get(url).content.decode()
        assert link in page, url
        assert "tier-low" in page and "Scheduled" in page and "@StroudDC" in page
    other = client_for(mallory_org[1]).get(reverse("calendar") + "?month=2030-06").content.decode()
    assert link not in other


@time_machine.travel(T0, tick=False)
def test_calendar_filters_by_account(council, make_post, client_for):
    post = scheduled_post(make_post, council, at=T0 + timedelta(days=1), now=T0)
    from tests.factories import SocialAccountFactory

    other = SocialAccountFactory(owner=council.membership(council.carol), handle="@StroudLibraries")
    page = client_for(council.alice).get(reverse("calendar_list") + f"?account={other.pk}").content.decode()
    assert reverse("post_detail", args=[post.pk]) not in page


def test_published_post_shows_its_link_and_time(council, make_post, connect, network, client_for,
                                                django_capture_on_commit_callbacks):
    connect("mastodon")
    due = T0 + timedelta(hours=2)
    post = scheduled_post(make_post, council, at=due)
    run_schedule(django_capture_on_commit_callbacks, due)
    post.refresh_from_db()
    page = client_for(council.alice).get(reverse("post_detail", args=[post.pk])).content.decode()
    assert post.published_url in page and "Published" in page


# --- Connecting an account ---------------------------------------------------------------------


def test_owner_connects_an_account_and_the_secret_is_encrypted_and_never_shown(council, client_for):
    url = reverse("account_connection", args=[council.account.pk])
    client = client_for(council.carol)
    response = client.post(url, {"adapter": "mastodon", "base_url": "https://social.example",
                                 "identifier": "", "secret": "tok-SECRET-123"})
    assert response.status_code == 302
    connection = AccountConnection.objects.get(account=council.account)
    assert connection.state == ConnectionState.CONNECTED
    assert "tok-SECRET-123" not in connection.secret_token and connection.secret_token
    page = client.get(url).content.decode()
    assert "tok-SECRET-123" not in page and "never shown again" in page
    from policies.models import AuditEvent

    assert "tok-SECRET-123" not in str(list(AuditEvent.objects.values_list("data", flat=True)))


def test_reconnecting_clears_needs_reconnecting(council, client_for, connect):
    connection = connect("x")
    AccountConnection.objects.filter(pk=connection.pk).update(state=ConnectionState.NEEDS_RECONNECTING, problem="401")
    client_for(council.dave).post(reverse("account_connection", args=[council.account.pk]),
                                  {"adapter": "x", "identifier": "@StroudDC", "secret": "new-token"})
    connection.refresh_from_db()
    assert connection.state == ConnectionState.CONNECTED and connection.problem == ""


def test_connection_form_errors_save_nothing(council, client_for):
    response = client_for(council.carol).post(reverse("account_connection", args=[council.account.pk]),
                                              {"adapter": "mastodon", "base_url": "http://insecure.example", "secret": ""})
    assert response.status_code == 400
    assert "https://" in response.content.decode()
    assert not AccountConnection.objects.exists()


def test_an_author_cannot_connect_and_another_organisation_gets_404(council, client_for, mallory):
    url = reverse("account_connection", args=[council.account.pk])
    assert client_for(council.alice).get(url).status_code == 403
    assert client_for(council.alice).post(reverse("account_connection_remove", args=[council.account.pk])).status_code == 403
    assert client_for(mallory).get(url).status_code == 404


@time_machine.travel(T0, tick=False)
def test_a_refused_time_stays_in_the_form_with_the_reason_beside_it(council, make_post, client_for):
    post = approved_post(make_post, council)
    client = client_for(council.alice)
    response = client.post(reverse("post_schedule", args=[post.pk]), schedule_form(post, "2030-06-03", "10:00"))
    assert response.status_code == 302 and response["Location"].endswith("#schedule")
    page = client.get(response["Location"]).content.decode()
    form = page[page.index('id="schedule"'):]
    form = form[:form.index("</form>")]
    assert 'value="2030-06-03"' in form and 'value="10:00"' in form  # what was typed is kept
    assert 'class="field-error"' in form and "That time has already passed" in form
    assert "The time was not set" in page
    again = client.get(reverse("post_detail", args=[post.pk])).content.decode()
    assert "That time has already passed" not in again  # shown once


@time_machine.travel(T0, tick=False)
def test_a_date_the_browser_did_not_check_is_refused_in_the_form(council, make_post, client_for):
    post = approved_post(make_post, council)
    client = client_for(council.alice)
    response = client.post(reverse("post_schedule", args=[post.pk]), schedule_form(post, "2030-13-45", "25:99"))
    page = client.get(response["Location"]).content.decode()
    form = page[page.index('id="schedule"'):]
    assert "Enter a valid date" in form and "Enter a valid time" in form and 'value="2030-13-45"' in form
    post.refresh_from_db()
    assert post.state == PostState.APPROVED and post.scheduled_for is None
