import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_text_typed_when_the_session_expired_comes_back_after_signing_in(council, live_server, browser_page):
    council.alice.set_password("correct horse battery")
    council.alice.save()
    page = browser_page
    sign_in(page, live_server, "alice@council.example", "correct horse battery")
    page.goto(f"{live_server.url}/compose/")
    box = page.get_by_label("Post", exact=True)
    box.press_sequentially("Repair café this Saturday", delay=5)
    page.locator("#feedback .feedback").first.wait_for()
    page.context.clear_cookies()  # the session expires while she is typing
    box.press_sequentially(" at the library, all welcome", delay=5)
    alert = page.get_by_role("alert").filter(has_text="You have been signed out")
    alert.wait_for()
    alert.get_by_role("link", name="sign in again").click()
    page.get_by_label("Email address").fill("alice@council.example")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Compose a post").wait_for()
    assert page.get_by_label("Post", exact=True).input_value() == "Repair café this Saturday at the library, all welcome"
    page.get_by_text("We restored the text you were typing").wait_for()


def test_signing_out_on_purpose_forgets_the_kept_text(council, live_server, browser_page):
    council.alice.set_password("correct horse battery")
    council.alice.save()
    page = browser_page
    sign_in(page, live_server, "alice@council.example", "correct horse battery")
    page.goto(f"{live_server.url}/compose/")
    page.get_by_label("Post", exact=True).press_sequentially("Confidential draft", delay=5)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "alice@council.example", "correct horse battery")
    page.goto(f"{live_server.url}/compose/")
    assert page.get_by_label("Post", exact=True).input_value() == ""
