"""Examples as tests: posts with the tier they should get, run against a version.

Each example is assessed exactly as the starter packs' own tests do it: on its platform,
at its ``at`` moment or else a fixed weekday noon (so quiet hours and windows give the same
answer whatever time the admin happens to look), for an account called
``@OurOrganisation``. An example passes when the tier matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from policies.checks.base import AccountContext
from policies.engine import CompiledPolicy, assess

# A Wednesday outside every starter pack's windows: examples without ``at`` use it.
EXAMPLE_MOMENT = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
EXAMPLE_HANDLE = "@OurOrganisation"


@dataclass(frozen=True)
class ExampleResult:
    """One example's expected and actual tier, and what the checks found."""

    position: int
    id: str
    text: str
    expected: str
    got: str
    platform: str
    why: str
    findings: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.expected == self.got

    @property
    def label(self) -> str:
        return self.id or f"example {self.position + 1}"


def _moment(example: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(example["at"])) if example.get("at") else EXAMPLE_MOMENT
    except ValueError:
        return EXAMPLE_MOMENT


def run_examples(policy: CompiledPolicy) -> list[ExampleResult]:
    """Assess every example of the policy's document under that policy."""
    results = []
    for position, example in enumerate(policy.document.get("examples") or []):
        if not isinstance(example, dict):
            continue
        platform = str(example.get("platform") or "x")
        assessment = assess(
            str(example.get("text") or ""),
            account=AccountContext(network=platform, handle=EXAMPLE_HANDLE),
            at=_moment(example),
            policy=policy,
            org_kind=policy.kind,
        )
        results.append(ExampleResult(
            position=position,
            id=str(example.get("id") or ""),
            text=str(example.get("text") or ""),
            expected=str(example.get("tier") or "").lower(),
            got=assessment.tier.value,
            platform=platform,
            why=str(example.get("why") or ""),
            findings=tuple(f"{f.rule or f.check}: {f.message}" for f in assessment.findings if f.severity.label != "info"),
        ))
    return results


def failing(results: list[ExampleResult]) -> list[ExampleResult]:
    return [result for result in results if not result.passed]
