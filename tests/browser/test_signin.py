import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_author_signs_in_sees_the_accounts_and_signs_out(council, live_server, browser_page):
    council.alice.set_password("correct horse battery")
    council.alice.save()
    page = browser_page
    sign_in(page, live_server, "alice@council.example", "correct horse battery")
    page.get_by_role("heading", name="Stroud District Council", level=1).wait_for()
    assert page.get_by_text("@StroudDC").is_visible()
    assert page.get_by_text("You can post here").is_visible()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in").wait_for()
    page.goto(f"{live_server.url}/accounts/")
    assert "/signin/" in page.url
