"""Ownership check: only the account's owner and its named posters may post on it."""

from __future__ import annotations

from policies.checks.base import CheckContext, Finding, Severity


def run(ctx: CheckContext) -> list[Finding]:
    """BLOCK a draft whose author is neither the account's owner nor one of its posters.

    Says who to ask: the owner by name. Nothing to check when there is no author (the
    command line, pack examples) or no account. ``settings["severity"]`` may soften it.
    """
    account = ctx.account
    if account is None or ctx.author_id is None:
        return []
    if ctx.author_id == account.owner_id or ctx.author_id in account.poster_ids:
        return []
    handle = account.handle if account.handle.startswith("@") else f"@{account.handle}"
    who = account.owner_name or "the account's owner"
    message = (
        f"You are not one of the people who post on {handle}. Ask {who} to add you, "
        "or to post it for you."
    )
    severity = Severity.parse(ctx.settings.get("severity", "block"))
    return [Finding("ownership", "not_a_poster", 0, 0, severity, message)]
