"""Which checks run, looked up by name so the engine works before every check exists.

A check is the module ``policies.checks.<name>`` with a ``run(ctx)`` function. A check
that is not installed (yet) is skipped and reported in ``Assessment.skipped``; tests
may register a stand-in with :func:`register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from policies.checks.base import CheckContext, Finding

CheckFunction = Callable[[CheckContext], list[Finding]]

_registered: dict[str, CheckFunction | None] = {}


def register(name: str, function: CheckFunction | None) -> None:
    """Use ``function`` for the check ``name`` (None: treat the check as missing)."""
    _registered[name] = function


def unregister(name: str) -> None:
    """Forget an override so the module is looked up again."""
    _registered.pop(name, None)


def resolve(name: str) -> CheckFunction | None:
    """The ``run`` function of check ``name``, or None when it is not installed."""
    if name in _registered:
        return _registered[name]
    module_name = f"policies.checks.{name}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise  # the check exists but one of its own imports is missing: a real bug
        _registered[name] = None
        return None
    function = getattr(module, "run", None)
    _registered[name] = function
    return function
