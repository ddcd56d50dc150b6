"""Small policy documents for engine tests: a valid base plus the rules a test needs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from policies.checks.base import AccountContext
from policies.engine import compile_policy

NOON = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # a Wednesday, outside every pack window
ACCOUNT = AccountContext(network="x", handle="@StroudDC", owner_id=1, owner_name="Carol Lead", poster_ids=frozenset({1, 2}))


def document(*rules: dict[str, Any], **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"schema": 1, "kind": "council", "rules": list(rules)}
    doc.update(extra)
    return doc


def policy(*rules: dict[str, Any], **extra: Any):
    return compile_policy(document(*rules, **extra))
