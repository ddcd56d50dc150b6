"""A reviewer quotes a phrase in a private note; the author sees the unread badge, opens
the note, edits the post and acknowledges."""

import pytest

from posts import services
from tests.browser.conftest import sign_in
from tests.texts import MEDIUM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"
NOTE = "Could we give the full link? Shortened links worry people."
PHRASE = "bit.ly/stroud-park"


def test_reviewer_quotes_a_phrase_and_the_author_fixes_and_acknowledges(council, make_post, live_server, browser_page):
    for user in (council.alice, council.bob):
        user.set_password(PASSWORD)
        user.save()
    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    page = browser_page

    sign_in(page, live_server, "bob@council.example", PASSWORD)
    page.goto(f"{live_server.url}/posts/{post.pk}/")
    # Select the phrase in the post's text: the quote field fills itself.
    page.locator(".post-text").evaluate(
        """(el, phrase) => {
            const node = [...el.childNodes].map(n => n.nodeType === 3 ? n : n.firstChild)
                .find(n => n && n.data && n.data.includes(phrase));
            const start = node.data.indexOf(phrase);
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + phrase.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }""", PHRASE)
    assert page.get_by_label("Words it is about (optional)").input_value() == PHRASE
    page.get_by_label("Your note").fill(NOTE)
    page.get_by_role("button", name="Send private note").click()
    page.get_by_text("Only the two of you can read it").wait_for()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, "alice@council.example", PASSWORD)
    badge = page.get_by_test_id("nav-inbox").locator(".count")
    assert badge.inner_text() == "1"
    page.get_by_test_id("nav-inbox").click()
    page.get_by_role("link", name="@StroudDC · from Bob Reviewer").click()
    assert page.get_by_text(NOTE).is_visible()
    assert page.locator("mark.quote", has_text=PHRASE).first.is_visible()
    assert page.get_by_test_id("nav-inbox").locator(".count").count() == 0  # read now
    thread_url = page.url

    page.get_by_role("link", name="Edit the post").click()
    page.get_by_label("Post").fill("Have your say on the new park layout: stroud.gov.uk/park closes Friday.")
    page.get_by_role("button", name="Save revision").click()
    page.get_by_text("Saved as revision 2").wait_for()

    page.goto(thread_url)
    page.get_by_role("button", name="Thanks — fixed").click()
    page.get_by_text("will see your “Thanks — fixed”").wait_for()
    assert page.get_by_test_id("thread-status").inner_text() == "Thanks — fixed"
    assert page.get_by_text("Some quoted words are no longer in the post").is_visible()
