"""The review queue, a post's page, decisions through the views, and the audit export."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from policies.models import Membership
from posts import services
from posts.models import Post, PostState
from reviews import services as review_services
from tests.texts import HARMLESS, HIGH, MEDIUM


def submitted(make_post, council, text=MEDIUM, author=None):
    post = make_post(text, author=author)
    return services.post_submit(post=post, by=author or council.alice, expected_revision=1)


def test_queue_shows_posts_waiting_oldest_first_never_my_own(council, make_post, client_for):
    first = submitted(make_post, council)
    second = submitted(make_post, council, text=HIGH)
    own = submitted(make_post, council, author=council.bob)
    page = client_for(council.bob).get(reverse("review_queue"))
    assert [row.pk for row in page.context["page"].object_list] == [first.pk, second.pk]
    assert own.pk not in {row.pk for row in page.context["page"].object_list}
    assert client_for(council.carol).get(reverse("review_queue")).context["review_waiting"] == 3


def test_queue_filters_by_tier_and_account(council, make_post, client_for):
    medium = submitted(make_post, council)
    high = submitted(make_post, council, text=HIGH)
    client = client_for(council.bob)
    assert [row.pk for row in client.get(reverse("review_queue") + "?tier=high").context["page"].object_list] == [high.pk]
    assert [row.pk for row in client.get(reverse("review_queue") + "?tier=medium").context["page"].object_list] == [medium.pk]
    assert [row.pk for row in client.get(reverse("review_queue") + f"?account={council.account.pk + 999}").context["page"].object_list] == []


@pytest.mark.parametrize("junk", ["\u00b9", "\u00b2\u00b3", "9" * 40, "-1", "1e3", " 1"])
def test_queue_account_filter_that_is_not_an_id_shows_the_whole_queue(junk, council, make_post, client_for):
    # "¹" passes str.isdigit but not int(); 40 digits overflow the database's integer.
    medium = submitted(make_post, council)
    response = client_for(council.bob).get(reverse("review_queue"), {"account": junk})
    assert response.status_code == 200
    assert [row.pk for row in response.context["page"].object_list] == [medium.pk]


def test_authors_have_no_queue(council, client_for):
    assert client_for(council.alice).get(reverse("review_queue")).status_code == 403


def test_post_page_shows_findings_diff_history_and_only_allowed_buttons(council, make_post, client_for):
    post = make_post(MEDIUM)
    services.post_revise(post=post, text=MEDIUM + " Drop-ins at the library.", by=council.alice, expected_revision=1)
    services.post_submit(post=post, by=council.alice, expected_revision=2)
    bob_page = client_for(council.bob).get(reverse("post_detail", args=[post.pk])).content.decode()
    assert "<ins>" in bob_page and "Approve revision 2" in bob_page and "Request changes" in bob_page
    assert "Withdraw" not in bob_page and "submitted" in bob_page
    alice_page = client_for(council.alice).get(reverse("post_detail", args=[post.pk])).content.decode()
    assert "Approve revision" not in alice_page and "Withdraw" in alice_page
    assert "waiting for 1 reviewer" in alice_page


def test_approve_view(council, make_post, client_for):
    post = submitted(make_post, council)
    client = client_for(council.bob)
    url = reverse("post_approve", args=[post.pk])
    assert client.get(url).status_code == 405
    client.post(url, {"revision": 1})
    post.refresh_from_db()
    assert post.state == PostState.APPROVED


def test_approve_view_refuses_self_and_authors_role(council, make_post, client_for):
    own = submitted(make_post, council, author=council.bob)
    response = client_for(council.bob).post(reverse("post_approve", args=[own.pk]), {"revision": 1})
    assert response.status_code == 403
    other = submitted(make_post, council)
    other_author = Membership.objects.create(user=__import__("tests.factories", fromlist=["UserFactory"]).UserFactory(),
                                             organisation=council.organisation, role="author")
    response = client_for(other_author.user).post(reverse("post_approve", args=[other.pk]), {"revision": 1})
    assert response.status_code == 403
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.state == other.state == PostState.IN_REVIEW


def test_approve_view_with_stale_revision_says_what_changed(council, make_post, client_for):
    post = submitted(make_post, council)
    services.post_revise(post=post, text=MEDIUM + " Edited.", by=council.alice, expected_revision=1)
    services.post_submit(post=post, by=council.alice, expected_revision=2)
    response = client_for(council.bob).post(reverse("post_approve", args=[post.pk]), {"revision": 1}, follow=True)
    assert "since saved revision 2" in response.content.decode()
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW


def test_request_changes_view_needs_a_message(council, make_post, client_for):
    post = submitted(make_post, council)
    client = client_for(council.bob)
    response = client.post(reverse("post_request_changes", args=[post.pk]), {"revision": 1, "message": ""}, follow=True)
    assert "Tell the author what to change" in response.content.decode()
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW
    client.post(reverse("post_request_changes", args=[post.pk]), {"revision": 1, "message": "Use the full link please"})
    post.refresh_from_db()
    assert post.state == PostState.CHANGES_REQUESTED


@pytest.mark.parametrize("count", [1, 15])
def test_queue_runs_a_fixed_number_of_queries(council, make_post, client_for, django_assert_max_num_queries, count):
    for _ in range(count):
        submitted(make_post, council, text=HIGH)
    client = client_for(council.bob)
    # session, user, memberships, nav counts (also the count), page, accounts; + 3 to store the chosen
    # organisation in the session on this first visit
    with django_assert_max_num_queries(9):
        assert client.get(reverse("review_queue")).status_code == 200


def test_queue_pages_keep_their_filters_and_count_approvals(council, make_post, client_for):
    for n in range(27):
        submitted(make_post, council, text=f"{HIGH} ({n})")
    first = submitted(make_post, council)  # medium: filtered out below
    client = client_for(council.bob)
    page = client.get(reverse("review_queue") + f"?tier=high&account={council.account.pk}")
    assert page.context["page"].paginator.count == 27
    html = page.content.decode()
    assert f'href="?account={council.account.pk}&amp;tier=high&amp;page=2"' in html
    second = client.get(reverse("review_queue") + f"?tier=high&account={council.account.pk}&page=2")
    assert len(second.context["page"].object_list) == 2
    assert first.pk not in {row.pk for row in second.context["page"].object_list}

    high = second.context["page"].object_list[0]
    review_services.decision_approve(post=Post.objects.get(pk=high.pk), revision_number=1,
                                     by=council.membership(council.carol))
    rows = client.get(reverse("review_queue") + "?tier=high&page=2").context["page"].object_list
    assert [(row.pk, row.approvals, row.required_approvals) for row in rows if row.pk == high.pk] == [(high.pk, 1, 2)]


@pytest.mark.parametrize("count", [1, 10])
def test_post_page_runs_a_fixed_number_of_queries(council, make_post, client_for, django_assert_max_num_queries, count):
    post = make_post(HIGH)
    for n in range(count):
        services.post_revise(post=post, text=f"{HIGH} ({n})", by=council.alice, expected_revision=None)
    services.post_submit(post=post, by=council.alice, expected_revision=None)
    review_services.decision_approve(post=post, revision_number=count + 1, by=Membership.objects.get(user=council.bob))
    client = client_for(council.carol)
    # 14 for the page, 2 for the publishing panel (the policy's time zone, the account's connection).
    with django_assert_max_num_queries(16):
        assert client.get(reverse("post_detail", args=[post.pk])).status_code == 200


def test_lead_exports_the_trail_as_csv_and_json_with_the_approved_text(council, make_post, client_for):
    post = make_post(HARMLESS)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    today = timezone.localdate().isoformat()
    client = client_for(council.carol)
    response = client.get(reverse("audit_export"), {"start": today, "end": today, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    approved = [r for r in rows if r["event"] == "auto_approved"]
    assert approved and approved[0]["text"] == HARMLESS and approved[0]["policy_version"] == "1"
    data = json.loads(client.get(reverse("audit_export"), {"start": today, "end": today, "format": "json"}).content)
    assert {"created", "assessed", "submitted", "auto_approved"} <= {r["event"] for r in data}


def test_audit_export_is_for_leads_and_validates_dates(council, mallory_org, make_post, client_for):
    assert client_for(council.alice).get(reverse("audit_export")).status_code == 403
    response = client_for(council.carol).get(reverse("audit_export"), {"start": "2026-05-02", "end": "2026-05-01", "format": "csv"})
    assert response.status_code == 400 and "before the start date" in response.content.decode()
    _, mallory, _ = mallory_org
    make_post()
    today = timezone.localdate().isoformat()
    data = json.loads(client_for(mallory).get(reverse("audit_export"), {"start": today, "end": today, "format": "json"}).content)
    assert all(r["post"] is None for r in data), "another organisation's posts never appear"


def test_csv_cells_that_look_like_formulas_are_neutralised(council, make_post, client_for):
    post = make_post("=HYPERLINK(\"http://evil\") Join us Saturday at the library")
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    today = timezone.localdate().isoformat()
    response = client_for(council.carol).get(reverse("audit_export"), {"start": today, "end": today, "format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_queue_rows_escape_what_people_typed(council, make_post, client_for):
    council.alice.name = "Alice <b>Bold</b>"
    council.alice.save()
    post = submitted(make_post, council, text=f"{MEDIUM} <script>alert(1)</script>")
    html = client_for(council.bob).get(reverse("review_queue")).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Alice <b>Bold</b>" not in html and "Alice &lt;b&gt;Bold&lt;/b&gt;" in html
    assert f'href="{reverse("post_detail", args=[post.pk])}"' in html
    assert "0 of 1 approval</p>" in html


def test_queue_filter_menus_escape_handles_and_mark_the_chosen_filter(council, mallory_org, client_for):
    from tests.factories import SocialAccountFactory

    odd = SocialAccountFactory(owner=council.membership(council.carol), network="mastodon", handle='@a"b<c>&d')
    _, _, theirs = mallory_org
    client = client_for(council.bob)
    html = client.get(reverse("review_queue") + f"?account={odd.pk}&tier=high").content.decode()
    assert f'<option value="{odd.pk}" selected>@a&quot;b&lt;c&gt;&amp;d (Mastodon)</option>' in html
    assert f'<option value="{council.account.pk}">@StroudDC (X)</option>' in html
    assert '<option value="medium">Medium</option><option value="high" selected>High</option>' in html
    assert "harlow-partners" not in html and f'value="{theirs.pk}"' not in html, "only this organisation's accounts"
    plain = client.get(reverse("review_queue")).content.decode()
    assert " selected>" not in plain


def test_the_cached_navigation_follows_role_counts_and_page(council, make_post, client_for):
    dashboard = reverse("dashboard")
    bob, carol = client_for(council.bob), client_for(council.carol)
    assert 'aria-label="1 waiting"' not in bob.get(dashboard).content.decode()
    submitted(make_post, council)
    assert 'aria-label="1 waiting"' in bob.get(dashboard).content.decode()  # the count is part of the key
    carol_page = carol.get(dashboard).content.decode()
    assert ">Audit</a>" in carol_page and ">Audit</a>" not in bob.get(dashboard).content.decode()
    queue_page = bob.get(reverse("review_queue")).content.decode()
    assert f'href="{reverse("review_queue")}" aria-current="page"' in queue_page
    assert f'href="{dashboard}" aria-current="page"' not in queue_page


def test_queue_row_escaping_matches_djangos_conditional_escape():
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    from reviews.templatetags.queue import _escaped

    for value in ['a "quoted" <b>&amp;</b> \'x\'', "plain", 3, "", mark_safe("<em>kept</em>"), "日本 ✓ <"]:
        assert _escaped(value) == str(conditional_escape(value))


@pytest.mark.parametrize("page_params", ["", "account=3&tier=high", 'tier="<x>"'])
def test_queue_pagination_matches_the_shared_pagination_include(page_params):
    from django.core.paginator import Paginator
    from django.template import Context, Template

    from reviews.templatetags.queue import queue_pagination

    include = Template('{% include "includes/pagination.html" %}')
    for count in (0, 1, 25, 26, 50, 62):
        paginator = Paginator(range(count), 25)
        for number in paginator.page_range:
            page = paginator.page(number)
            expected = include.render(Context({"page": page, "page_params": page_params}))
            assert queue_pagination(page, page_params) == expected, (count, number)


def _nav(response) -> tuple:
    return tuple(int(str(response.context[name])) for name in ("review_waiting", "inbox_unread", "notifications_unread"))


def test_queue_reads_its_page_and_the_navigation_counts_in_one_query(council, make_post, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(27):
        submitted(make_post, council, text=f"{HIGH} ({n})")
    client = client_for(council.bob)
    client.get(reverse("review_queue"))  # the first visit stores the organisation in the session
    pages = {"": 1, "?page=2": 1, "?page=x": 1, "?page=%C2%B9": 1, "?page=3": 3, "?page=0": 2, "?tier=high": 3}
    for query, queue_queries in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("review_queue") + query)
        # session, user, memberships; then the queue's own
        assert len(queries) == 3 + queue_queries, (query, [q["sql"][:60] for q in queries])
        assert _nav(response) == (27, 0, 27)  # each submission told Bob
    assert [len(client.get(reverse("review_queue") + q).context["page"].object_list) for q in ("", "?page=2", "?page=9")] == [25, 2, 2]


def test_queue_navigation_counts_are_the_ones_every_other_page_shows(council, make_post, client_for, mallory_org,
                                                                     django_capture_on_commit_callbacks):
    from reviews.models import NoteThread
    from reviews.notifications import notify

    organisation, mallory, theirs = mallory_org
    bob = client_for(council.bob)
    assert _nav(bob.get(reverse("review_queue"))) == _nav(bob.get(reverse("dashboard"))) == (0, 0, 0)  # empty queue
    post = submitted(make_post, council)
    own = submitted(make_post, council, author=council.bob)
    with django_capture_on_commit_callbacks(execute=True):
        bob.post(reverse("note_send", args=[post.pk]), {"body": "Psst: the link", "quote": ""})
        client_for(council.alice).post(reverse("note_reply", args=[NoteThread.objects.get().pk]), {"body": "Thanks"})
    for recipient, where in ((council.bob, council.organisation), (mallory, organisation), (council.alice, council.organisation)):
        notify(recipient=recipient, organisation=where, kind="note", title="Something", url="/")
    queue, dashboard = bob.get(reverse("review_queue")), bob.get(reverse("dashboard"))
    assert _nav(queue) == _nav(dashboard)
    assert _nav(queue)[:2] == (1, 1), "Alice's post waits (not Bob's own); Alice's reply is unread"
    assert [row.pk for row in queue.context["page"].object_list] == [post.pk] and own.pk != post.pk
    past_the_end = bob.get(reverse("review_queue") + "?page=5")
    assert _nav(past_the_end) == _nav(dashboard) and [row.pk for row in past_the_end.context["page"].object_list] == [post.pk]


def test_queue_read_with_the_navigation_counts_stays_in_its_organisation(council, make_post, client_for, mallory_org):
    from tests.factories import MembershipFactory

    organisation, mallory, theirs = mallory_org
    harlow = Membership.objects.get(user=mallory, organisation=organisation)
    for n in range(3):
        post = services.post_create(author=harlow, accounts=[theirs], text=f"{HIGH} (Harlow {n})")[0]
        services.post_submit(post=post, by=mallory, expected_revision=1)
    ours = [submitted(make_post, council, text=f"{HIGH} ({n})") for n in range(2)]
    bob = client_for(council.bob).get(reverse("review_queue"))
    assert [row.pk for row in bob.context["page"].object_list] == [post.pk for post in ours]
    assert _nav(bob)[0] == 2 and "Harlow" not in bob.content.decode()
    reviewer = MembershipFactory(organisation=organisation, role="reviewer").user
    theirs_page = client_for(reviewer).get(reverse("review_queue"))
    assert len(theirs_page.context["page"].object_list) == 3 and _nav(theirs_page)[0] == 3
    assert not {post.pk for post in ours} & {row.pk for row in theirs_page.context["page"].object_list}
