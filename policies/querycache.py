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
        self._compiled: dict[tuple, tuple] = {}
        self._lock = threading.Lock()

    def _compile(self, alias: str, variant: Hashable) -> tuple:
        sentinels = {name: _SENTINEL_BASE - 1000 * n for n, name in enumerate(self.names)}

        def compiled():
            compiler = self.build(variant, **sentinels).query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            # The database's and the fields' converters (aware datetimes on SQLite, JSON...),
            # applied to each row exactly as the ORM would.
            converters = compiler.get_converters([column for column, _sql, _alias in compiler.select[:compiler.col_count]])
            return sql, params, converters

        sql, params, converters = compiled()
        again_sql, again_params, _ = compiled()
        if (sql, list(params)) != (again_sql, list(again_params)):
            raise ValueError("CompiledQuery: the queryset's SQL changes between compilations (a now() inside?)")
        by_value = {value: name for name, value in sentinels.items()}
        slots = {index: by_value[value] for index, value in enumerate(params) if value in by_value}
        for name, value in sentinels.items():
            if str(value) in sql:
                raise ValueError(f"CompiledQuery: {name} was written into the SQL text, not passed as a parameter")
        return sql, list(params), slots, converters

    def rows(self, variant: Hashable = None, *, using: str = "default", **values: int) -> list[tuple]:
        """Run the compiled SQL with ``values`` in place of the sentinels."""
        key = (using, variant)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._compile(using, variant)
                self._compiled[key] = compiled
        sql, params, slots, converters = compiled
        bound = list(params)
        for index, name in slots.items():
            bound[index] = int(values[name])
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(sql, bound)
            rows = cursor.fetchall()
        if not converters:
            return rows
        converted = []
        for row in rows:
            row = list(row)
            for position, (functions, expression) in converters.items():
                for function in functions:
                    row[position] = function(row[position], expression, connection)
            converted.append(tuple(row))
        return converted
