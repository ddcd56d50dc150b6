"""Countersign's rulebook: organisations, accounts, policies and the checks that apply them.

Django imports this package at start-up, so nothing heavy happens here: ``assess`` and
friends are imported on first use (PEP 562), and the engine loads word lists and
compiles policies lazily too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policies.engine import Assessment, PolicyError, assess, compile_policy, validate_document

__all__ = ["Assessment", "PolicyError", "assess", "compile_policy", "validate_document"]
_LAZY = frozenset(__all__)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from policies import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'policies' has no attribute {name!r}")
