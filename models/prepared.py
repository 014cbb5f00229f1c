"""Core statements compiled once per database dialect and run straight on the session's
DBAPI connection, for the webhook's hot path.

Through `Connection.execute`, each run of a Core statement pays SQLAlchemy's
per-execution machinery: the statement's cache key, an execution context, parameter
processing by name and a result object, several times what SQLite takes to run it. A
tenant's report runs six such statements; prepared, they cost a tenth less of the whole
request (callgrind, 6.4–6.6M → 5.7M instructions a report). A `Prepared` statement does
that work once: its SQL, the order of its parameters and the type processors for its
parameters and columns come from SQLAlchemy's own compiler the first time it runs on a
dialect; each run then processes the values and hands them to the driver.

It stays inside the session's transaction (the session's connection, begun as usual),
fires the engine's `before_cursor_execute` listeners (which may rewrite the statement, as
with `execute`; `after_cursor_execute` is not fired), and raises SQLAlchemy's own
exceptions (`IntegrityError`, `OperationalError` …), so callers handle errors as with
`execute`. Every parameter must be given a value, or have one in the statement itself:
column defaults are not applied here (insert_now applies them)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so


class _Compiled(NamedTuple):
    sql: str
    names: tuple  # the parameters' names, in the order a positional driver takes them
    positional: bool
    keys: tuple  # per name, what a driver with named parameters calls it (escaped)
    processors: tuple  # per name: the bind processor, or None
    fixed: dict  # name -> value written into the statement (`.values(last=1)`)
    columns: tuple  # the result's column names (empty: no rows come back)
    results: tuple  # per column: the result processor, or None


class Prepared:
    """`Prepared(statement)`: module-level, made once. `rows`/`first`/`scalar`/`run`
    take the session and the parameters by name."""

    def __init__(self, statement: sa.Executable):
        self.statement = statement
        self._compiled: dict[tuple, _Compiled] = {}

    def rows(self, session: so.Session, params: Mapping[str, Any]) -> list[tuple]:
        return self._execute(session, params)[1]

    def first(self, session: so.Session, params: Mapping[str, Any]) -> Optional[dict]:
        """The first row as a dict by column name (the label, where it has one), or None."""
        compiled, rows = self._execute(session, params)
        return dict(zip(compiled.columns, rows[0], strict=True)) if rows else None

    def scalar(self, session: so.Session, params: Mapping[str, Any]):
        rows = self.rows(session, params)
        return rows[0][0] if rows else None

    def run(self, session: so.Session, params: Mapping[str, Any]) -> None:
        self._execute(session, params)

    def _execute(self, session, params):
        connection = session.connection()  # begins the session's transaction as any query would
        dialect = connection.dialect
        compiled = self._compiled.get((dialect.name, *params))
        if compiled is None:
            compiled = self._compiled[(dialect.name, *params)] = self._compile(dialect, tuple(params))
        values = [params[name] if name in params else compiled.fixed[name] for name in compiled.names]
        values = [value if process is None else process(value)
                  for value, process in zip(values, compiled.processors, strict=True)]
        arguments = tuple(values) if compiled.positional else dict(zip(compiled.keys, values, strict=True))
        dbapi_connection = connection.connection.dbapi_connection
        cursor = dbapi_connection.cursor()
        sql = compiled.sql
        try:
            # as Connection.execute does: every listener returns the statement and parameters
            # (SQLAlchemy wraps the ones that return nothing), and may rewrite them
            for listener in connection.dispatch.before_cursor_execute:
                sql, arguments = listener(connection, cursor, sql, arguments, None, False)
            cursor.execute(sql, arguments)
            rows = cursor.fetchall() if compiled.columns else []
        except dialect.loaded_dbapi.Error as exc:
            raise sa.exc.DBAPIError.instance(sql, arguments, exc, dialect.loaded_dbapi.Error,
                                             dialect=dialect) from exc
        finally:
            cursor.close()
        if rows and any(compiled.results):
            rows = [tuple(value if process is None else process(value)
                          for value, process in zip(row, compiled.results, strict=True)) for row in rows]
        return compiled, rows

    def _compile(self, dialect, keys: tuple) -> _Compiled:
        statement = self.statement
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        binds = compiled.binds
        positional = dialect.positional
        names = tuple(compiled.positiontup) if positional else tuple(binds)
        fixed = {}
        for name in names:
            bind = binds[name]
            if bind.expanding:
                raise TypeError(f"{name}: expanding (IN) parameters are not supported by Prepared")
            if bind.callable is not None:  # its value would be taken once, at compile time
                raise TypeError(f"{name}: parameters with a callable value are not supported by Prepared")
            if name not in keys:
                if bind.value is None:  # a bindparam() left out, or a column default
                    raise TypeError(f"Prepared needs a value for {name!r} (column defaults are not applied)")
                fixed[name] = bind.effective_value
        unused = set(keys) - set(names)
        if unused:
            raise TypeError(f"Prepared statement has no parameter {sorted(unused)}")
        processors = tuple(binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names)
        columns = tuple(statement.exported_columns)  # a SELECT's columns, or what DML RETURNs
        escaped = compiled.escaped_bind_names or {}
        return _Compiled(
            sql=compiled.string, names=names, positional=positional,
            keys=tuple(escaped.get(name, name) for name in names), processors=processors, fixed=fixed,
            columns=tuple(c.key for c in columns),
            results=tuple(c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns),
        )

