"""The one error a policy document raises when it does not validate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PolicyProblem:
    """One thing wrong with a policy document: where (rule id or section), which field, why."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}, field {self.field!r}: {self.message}"


class PolicyError(ValueError):
    """A policy document that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors: list[PolicyProblem]) -> None:
        self.errors = list(errors)
        lines = "\n".join(f"- {problem}" for problem in self.errors)
        super().__init__(f"the policy has {len(self.errors)} problem(s):\n{lines}")
