import re

import pytest

from tests.browser.conftest import sign_in
from tests.texts import MEDIUM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_author_sees_live_findings_submits_and_reviewer_approves(council, live_server, browser_page):
    for user in (council.alice, council.bob):
        user.set_password("correct horse battery")
        user.save()
    page = browser_page
    sign_in(page, live_server, "alice@council.example", "correct horse battery")
    page.get_by_role("link", name="Compose").click()
    page.get_by_label("Post", exact=True).press_sequentially(MEDIUM, delay=5)
    feedback = page.locator("#feedback")
    # A draft typed halfway can be medium too: wait for the check of the whole text,
    # the one that has seen its shortened link (slow machines answer the prefixes late).
    feedback.locator(".findings").filter(has_text=re.compile("shortener", re.IGNORECASE)).wait_for()
    assert feedback.get_by_test_id("tier").inner_text().strip().lower() == "medium"
    assert feedback.locator("mark.finding").count() >= 1
    page.get_by_role("button", name="Submit").click()
    page.get_by_test_id("state").filter(has_text="In review").wait_for()
    post_url = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, "bob@council.example", "correct horse battery")
    page.get_by_role("link", name=re.compile(r"^Review")).click()
    page.get_by_role("link", name=re.compile("Have your say")).click()
    page.get_by_role("button", name="Approve revision 1").click()
    page.get_by_text("Approved: the post can go out.").wait_for()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, "alice@council.example", "correct horse battery")
    page.goto(post_url)
    assert page.get_by_test_id("state").inner_text().startswith("Approved")
