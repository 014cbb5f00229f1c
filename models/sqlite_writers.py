"""Writers to one SQLite file take turns through an OS file lock beside it, so a writer
that finds another mid-transaction starts the moment that one commits.

Left to itself, SQLite makes a blocked writer sleep and poll, backing off 1, 2, 5, 10 …
up to 100 ms between tries (sqlite3_busy_timeout): under load, the web workers
registering reports slept milliseconds for locks held for one, and now and then for
hundreds. The file lock wakes the waiter at once and takes it in turn.

SQLite's own locking still decides what is correct; this only orders who tries first. A
statement that is not a SELECT or a PRAGMA takes the file lock until its transaction ends
(commit, rollback, or a statement that leaves no transaction open), so whoever holds
SQLite's write lock holds the file lock too. A writer that cannot get the file lock
within the connection's timeout goes ahead without it, and SQLite's busy timeout answers
as it always did.

Checkpoints (copying the WAL back into the database file) run here too, after a commit
has let go of the lock, every CHECKPOINT_EVERY commits that wrote: SQLite's automatic
checkpoint runs inside the COMMIT, where it would hold every other writer in line for as
long as it takes. Connections set wal_autocheckpoint=0 (models.base.make_engine)."""
from __future__ import annotations

import fcntl
import os
import sqlite3
import time

POLL_SECONDS = 0.0002  # a transaction on the hot path holds the lock for about a millisecond
# Commits that wrote, per process and database, between checkpoints: a report writes ~18
# WAL pages, so two web processes checkpoint every ~9000 pages (~36 MB) of reports.
CHECKPOINT_EVERY = 250
_commits_since_checkpoint: dict[str, int] = {}
_READS = ("SELECT", "PRAGMA")


def lock_path_for(database: str):
    """The lock file beside a database file; None for an in-memory database, which has a
    single connection and nobody to take turns with."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return f"{database}-writers"


class TakingTurns(sqlite3.Connection):
    """A pysqlite connection whose writes take the database's writer lock first (pass it
    as `factory` to sqlite3.connect)."""

    def __init__(self, database, timeout=5.0, *args, **kwargs):
        super().__init__(database, timeout, *args, **kwargs)
        self._lock_path = path = lock_path_for(os.fspath(database))
        self._lock_fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600) if path else None
        self._holding = False
        self._wait_seconds = float(timeout)

    def cursor(self, factory=None):
        return super().cursor(factory or TurnTakingCursor)

    # the shortcuts make a plain cursor of their own: route them through ours
    def execute(self, sql, parameters=()):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, seq_of_parameters):
        return self.cursor().executemany(sql, seq_of_parameters)

    def executescript(self, sql_script):
        return self.cursor().executescript(sql_script)

    def run(self, call, *args, writes: bool = False):
        """`call(*args)`, taking the lock first when it `writes`, and letting go when it
        leaves no transaction open."""
        if writes and self._lock_fd is not None and not self._holding:
            self._holding = _take(self._lock_fd, self._wait_seconds)
        try:
            return call(*args)
        finally:
            if self._holding and not self.in_transaction:
                self._let_go()

    def commit(self):
        wrote = self._holding
        self.run(super().commit)
        if wrote:
            self._count_commit()

    def _count_commit(self) -> None:
        count = _commits_since_checkpoint.get(self._lock_path, 0) + 1
        _commits_since_checkpoint[self._lock_path] = 0 if count >= CHECKPOINT_EVERY else count
        if count >= CHECKPOINT_EVERY:
            # PASSIVE: copies what no reader still needs, and never waits for anyone
            self.execute("PRAGMA wal_checkpoint(PASSIVE)").close()

    def rollback(self):
        self.run(super().rollback)

    def close(self):
        try:
            super().close()
        finally:
            if self._lock_fd is not None:
                self._let_go()
                os.close(self._lock_fd)
                self._lock_fd = None

    def __del__(self):
        # Dropped without close() (a pool that lost it, say): closing our descriptor lets go
        # of the lock, which would otherwise stay held until the process ends.
        fd, self._lock_fd = getattr(self, "_lock_fd", None), None
        if fd is not None:
            os.close(fd)

    def _let_go(self) -> None:
        self._holding = False
        fcntl.flock(self._lock_fd, fcntl.LOCK_UN)


class TurnTakingCursor(sqlite3.Cursor):
    def execute(self, sql, parameters=()):
        return self.connection.run(super().execute, sql, parameters, writes=_writes(sql))

    def executemany(self, sql, seq_of_parameters):
        return self.connection.run(super().executemany, sql, seq_of_parameters, writes=_writes(sql))

    def executescript(self, sql_script):
        return self.connection.run(super().executescript, sql_script, writes=True)


def _writes(sql: str) -> bool:
    return not sql.lstrip()[:6].upper().startswith(_READS)


def _take(fd: int, wait_seconds: float) -> bool:
    """True once we hold the lock; False when `wait_seconds` passed without it. Polled
    rather than blocking, so a holder that never lets go (a stuck process, or this very
    thread on another connection) cannot hang us beyond SQLite's own timeout."""
    deadline = None
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            now = time.monotonic()
            if deadline is None:
                deadline = now + wait_seconds
            elif now >= deadline:
                return False
            time.sleep(POLL_SECONDS)
