"""Declarative base, engine and session factory. Nothing here knows about Flask, so the
worker, the CLI and the tests use the same models without a request."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import NamedTuple, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.prepared import Prepared
from models.sqlite_writers import TakingTurns

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(so.DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: sa.JSON, list: sa.JSON}


def utcnow() -> datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_row(model: type, **values):
    """A new (transient) `model` object holding these column values, put straight into
    its state: a constructor fires an attribute event per value, to keep the history a
    flush would diff, and for a row written as it stands (insert_now, or a flush of a
    new object) there is nothing to diff (~20 µs for a ticket). Columns only: a
    relationship set this way would be invisible to the flush."""
    plan = _plan(model)
    unknown = values.keys() - plan.column_of.keys()
    if unknown:
        raise TypeError(f"new_row sets columns only; {model.__name__} has no column {sorted(unknown)}")
    obj = plan.mapper.class_manager.new_instance()
    sa.inspect(obj).dict.update(values)
    return obj


def insert_now(session: so.Session, obj, *, attach: bool = True, last: Optional[Callable[[], dict]] = None):
    """INSERT a new object at once with one Core statement and make it persistent in
    `session` without the unit of work. For plain rows: Python-side column defaults are
    applied here, a many-to-one set through its object takes that object's key, and
    nothing cascades from `obj`. With attach=False the caller is done with the object (it
    only carried the row's values): it stays out of the session, its key filled in.

    `last` gives attribute values that must be worked out at the last moment, right before
    the INSERT (a number from a counter row): on SQLite a transaction's first write locks
    out every other writer until it commits, so the preparation above runs before it."""
    plan = _plan(type(obj))
    state = sa.inspect(obj)
    if not state.transient:
        raise ValueError(f"insert_now takes a new object, not {obj!r}")
    row = state.dict
    for relationship, pairs in plan.references:
        target = row.get(relationship)
        if target is not None:
            if sa.inspect(target).key is None:
                session.flush()  # a row this one refers to is new too: it needs its key first
            for local, remote in pairs:
                row[local] = getattr(target, remote)
    values = {}
    for attribute, column, default, primary_key in plan.columns:
        value = row.get(attribute)
        if value is None and default is not None:
            value = row[attribute] = default.arg(None) if default.is_callable else default.arg
        if value is not None or not primary_key:
            values[column] = value
            row[attribute] = value
    if last is not None:
        for attribute, value in last().items():
            values[plan.column_of[attribute]] = row[attribute] = value
    key = plan.insert.rows(session, values)[0]  # Session.execute's ORM layer has nothing to do here
    for attribute, value in zip(plan.primary_key, key, strict=True):
        row[attribute] = value
    if attach:
        so.make_transient_to_detached(obj)  # what it holds is what the row holds now
        session.add(obj)
    return obj


def attach_row(session: so.Session, model: type, row: Mapping, prefix: str = ""):
    """The persistent `model` object for a row read with Core (its columns named
    `prefix` + column name): the session's own object when it holds that row already,
    else a new one entered without a query, as loading it with the ORM would give, minus
    the ORM's per-query machinery (on the webhook's hot path that cost twice the query)."""
    plan = _plan(model)
    key = plan.mapper.identity_key_from_primary_key([row[prefix + plan.column_of[a]] for a in plan.primary_key])
    existing = session.identity_map.get(key)
    if existing is not None:
        return existing
    obj = plan.mapper.class_manager.new_instance()
    sa.inspect(obj).dict.update({attribute: row[prefix + column] for attribute, column, _, _ in plan.columns})
    so.make_transient_to_detached(obj)
    session.add(obj)
    return obj


class _Plan(NamedTuple):
    mapper: so.Mapper
    references: list  # (many-to-one relationship, [(local attribute, remote attribute)])
    columns: list  # (attribute, column name, column default, is part of the primary key)
    column_of: dict  # attribute -> column name
    primary_key: list  # attributes
    insert: Prepared  # every column, RETURNING the primary key


@cache
def _plan(cls: type) -> _Plan:
    """What insert_now and attach_row need to know about a mapped class, worked out once."""
    mapper = sa.inspect(cls)
    key_of = mapper.get_property_by_column
    references = [(rel.key, [(key_of(local).key, rel.mapper.get_property_by_column(remote).key)
                             for local, remote in rel.local_remote_pairs])
                  for rel in mapper.relationships if rel.direction is so.interfaces.MANYTOONE]
    columns = [(prop.key, prop.columns[0].key, prop.columns[0].default, prop.columns[0].primary_key)
               for prop in mapper.column_attrs]
    return _Plan(mapper, references, columns, {attribute: column for attribute, column, _, _ in columns},
                 [key_of(c).key for c in mapper.primary_key],
                 Prepared(sa.insert(mapper.local_table).returning(*mapper.primary_key)))


def make_engine(url: str, **kwargs) -> sa.Engine:
    if url.startswith("sqlite"):
        # TakingTurns: writers queue on a file lock instead of SQLite's sleep-and-retry
        engine = sa.create_engine(url, connect_args={"timeout": 30, "factory": TakingTurns}, **kwargs)

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            # WAL lets the web process and the worker read while the other writes.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # No checkpoint inside a COMMIT, where it would hold every writer in line:
            # TakingTurns checkpoints after letting go, every ~9000 pages of WAL rather than
            # SQLite's 1000 (a checkpoint copies each changed page once, and the pages every
            # registration touches, index roots and the day's counter, were copied every ~50
            # messages). Durability is unchanged: synchronous stays FULL.
            cur.execute("PRAGMA wal_autocheckpoint=0")
            cur.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, **kwargs)


class Database:
    """One engine and one scoped session per process; `remove()` at the end of each
    request and job; `dispose()` after a fork."""

    def __init__(self) -> None:
        self.engine: sa.Engine | None = None
        self.session = so.scoped_session(so.sessionmaker(expire_on_commit=False))

    def configure(self, url: str) -> None:
        if self.engine is not None:
            self.session.remove()
            self.engine.dispose()
        self.engine = make_engine(url)
        self.session.configure(bind=self.engine)

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)

    def drop_all(self) -> None:
        Base.metadata.drop_all(self.engine)


db = Database()
