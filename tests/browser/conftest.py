"""Playwright (Python) driving Debian's Chromium, headless, against pytest-django's live server."""

from __future__ import annotations

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session", autouse=True)
def _live_server_connections_closed(django_db_setup, django_db_blocker):
    """The live server answers Chromium's keep-alive connections in daemon threads, and the
    last one can still hold its PostgreSQL session when the test database is dropped
    ("being accessed by other users"). Before that happens, end any session but ours."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture
def browser_page(request, tmp_path, monkeypatch):
    """A fresh page in a fresh Chromium profile; the browser closes after the test."""
    # Playwright's sync API runs an event loop in this thread; the live server's ORM
    # work happens in its own thread, and the test's setup is plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            yield page
        finally:
            if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
                page.screenshot(path=str(tmp_path / "failure.png"))
            context.close()
            browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def sign_in(page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/signin/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
