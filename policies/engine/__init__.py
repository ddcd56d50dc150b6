"""The policy engine: normalise a draft, run the policy's checks, decide its tier."""

from __future__ import annotations

from policies.engine.assess import Assessment, assess, default_policy
from policies.engine.compiled import CompiledPolicy
from policies.engine.errors import PolicyError, PolicyProblem
from policies.engine.schema import compile_policy, validate_document

__all__ = [
    "Assessment",
    "CompiledPolicy",
    "PolicyError",
    "PolicyProblem",
    "assess",
    "compile_policy",
    "default_policy",
    "validate_document",
]
