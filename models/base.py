"""Declarative base, engine and session factory. Nothing here knows about Flask, so the
worker, the CLI and the tests use the same models without a request."""
from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

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


SQLITE_BUSY_TIMEOUT_MS = 30000
# Statements that read, or end what is open: everything else writes (DML, DDL, SAVEPOINT).
_SQLITE_NOT_WRITING = ("SELECT", "PRAGMA", "EXPLAIN", "RELEASE", "ROLLBACK", "COMMIT", "END", "BEGIN")


def make_engine(url: str, **kwargs) -> sa.Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url, **kwargs)
    return sa.create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_engine(url: str, **kwargs) -> sa.Engine:
    """SQLite the way SQLAlchemy's pysqlite documentation recommends for several writers
    ("Serializable isolation / Savepoints / Transactional DDL"): the driver's own BEGIN
    handling is off, and we say when a transaction begins.

    A transaction that writes begins with BEGIN IMMEDIATE, which takes SQLite's write lock
    at once, waiting up to busy_timeout for another writer to commit. A deferred BEGIN
    would take it only at the first write, and a transaction that had read first then
    fails at once with "database is locked" whenever another writer committed in between
    (WAL cannot move its snapshot forward); BEGIN IMMEDIATE never fails that way.

    Reads are not serialized: SQLAlchemy's transaction begins without a statement, reads
    run as SQLite's autocommit reads (WAL: they never wait for a writer), and the first
    statement that writes is preceded by BEGIN IMMEDIATE. Reads before that first write
    see the latest commit each, as READ COMMITTED does on PostgreSQL; everything from the
    first write to the commit is one serializable transaction."""
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # the recipe: pysqlite emits no BEGIN of its own
        cursor = dbapi_conn.cursor()
        # WAL lets the web processes and the worker read while one of them writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _begin_immediate_before_first_write(conn, cursor, statement, _params, _context, _executemany):
        if not cursor.connection.in_transaction and not statement.lstrip()[:8].upper().startswith(
                _SQLITE_NOT_WRITING):
            cursor.execute("BEGIN IMMEDIATE")

    return engine

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
