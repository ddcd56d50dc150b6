"""Compile a hot read once per process instead of on every request.

Django turns a queryset into SQL on every evaluation. For a plain filter that costs
little, but the navigation counts (four scalar subqueries with EXISTS and OR) cost
several milliseconds to compile and well under one to run, on every page. A
``CompiledQuery`` builds its queryset once, with sentinel values standing in for the
request's ids, remembers where each sentinel sits in the parameter list, and from then
on runs the same SQL with the real values.

It refuses, when first compiled, any queryset it could not replay faithfully: one whose
sentinel was written into the SQL text instead of passed as a parameter, or one whose
parameters change between two compilations (a ``now()`` or a random value inside).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from django.db import connections
from django.db.models import QuerySet

# Negative ids no row ever has, far apart so no arithmetic on one reaches another.
_SENTINEL_BASE = -7_319_000


class CompiledQuery:
    """``build(**names) -> QuerySet`` compiled once per (database, variant).

    ``names`` are the integer inputs that vary per call (ids); ``variant`` is a hashable
    for inputs that change the SQL's shape (a role, a filter being present)."""

    def __init__(self, build: Callable[..., QuerySet], *names: str):
        self.build = build
        self.names = names
        self._compiled: dict[tuple, tuple[str, list, dict[int, str]]] = {}
        self._lock = threading.Lock()

    def _compile(self, alias: str, variant: Hashable) -> tuple[str, list, dict[int, str]]:
        sentinels = {name: _SENTINEL_BASE - 1000 * n for n, name in enumerate(self.names)}

        def sql_and_params():
            queryset = self.build(variant, **sentinels)
            return queryset.query.get_compiler(using=alias).as_sql()

        sql, params = sql_and_params()
        again_sql, again_params = sql_and_params()
        if (sql, list(params)) != (again_sql, list(again_params)):
            raise ValueError("CompiledQuery: the queryset's SQL changes between compilations (a now() inside?)")
        by_value = {value: name for name, value in sentinels.items()}
        slots = {index: by_value[value] for index, value in enumerate(params) if value in by_value}
        for name, value in sentinels.items():
            if str(value) in sql:
                raise ValueError(f"CompiledQuery: {name} was written into the SQL text, not passed as a parameter")
        return sql, list(params), slots

    def rows(self, variant: Hashable = None, *, using: str = "default", **values: int) -> list[tuple]:
        """Run the compiled SQL with ``values`` in place of the sentinels."""
        key = (using, variant)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._compile(using, variant)
                self._compiled[key] = compiled
        sql, params, slots = compiled
        bound = list(params)
        for index, name in slots.items():
            bound[index] = int(values[name])
        with connections[using].cursor() as cursor:
            cursor.execute(sql, bound)
            return cursor.fetchall()
