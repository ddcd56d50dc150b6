"""Types shared by every check and by the engine that combines them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class Severity(enum.IntEnum):
    """How much a finding matters, lowest first; comparable with ``<`` and ``max``."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    BLOCK = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | int | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        if isinstance(value, int):
            return cls(value)
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r}: use one of {allowed}") from None


class Tier(enum.StrEnum):
    """What a post needs before it may go out (see DESIGN.md, "A post's life")."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    BLOCK = "block"

    @classmethod
    def from_severity(cls, severity: Severity) -> Tier:
        if severity >= Severity.BLOCK:
            return cls.BLOCK
        if severity >= Severity.HIGH:
            return cls.HIGH
        if severity >= Severity.MEDIUM:
            return cls.MEDIUM
        return cls.LOW

    @property
    def rank(self) -> int:
        return [t.value for t in Tier].index(self.value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check saw in a draft.

    ``start``/``end`` are offsets into the text as the author typed it. ``kind`` groups
    quasi-identifiers ("time", "age", "place", ...) so the engine can escalate when
    several about one person combine. ``rule`` names the policy rule that produced it.
    """

    check: str
    code: str
    start: int
    end: int
    severity: Severity
    message: str
    kind: str = ""
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "severity": self.severity.label,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class AccountContext:
    """What the checks may know about the account a draft is for (no model instance)."""

    network: str
    handle: str
    display_name: str = ""
    owner_id: int | None = None
    owner_name: str = ""
    poster_ids: frozenset[int] = field(default_factory=frozenset)
    account_id: int | None = None
    # The organisation's IANA time zone ("Europe/London"): date windows such as quiet
    # hours are local times. Empty: the policy's ``timezone``, else Europe/London.
    timezone: str = ""


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything a check may read. Built by the engine; checks never query anything.

    ``text`` is the normalised text (NFKC, zero-width characters removed, homoglyphs
    folded, see the engine) and every span a check returns is an offset into ``text``;
    the engine maps spans back onto ``original`` before anyone sees them.
    ``settings`` holds this check's section of the active policy version (thresholds,
    word lists, ...); a check must work with an empty dict (its defaults).
    ``policy`` is the engine's compiled policy for checks that need shared pieces.
    """

    text: str
    original: str
    account: AccountContext | None = None
    author_id: int | None = None
    at: datetime | None = None
    org_kind: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    policy: Any = None
