"""SQLite writers take turns through the file lock beside the database (models.sqlite_writers):
a second writer waits on that lock, not in SQLite's sleep-and-retry, and goes the moment
the first one's transaction ends."""
from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time

import pytest
import sqlalchemy as sa

from models.base import make_engine
from models.sqlite_writers import TakingTurns, lock_path_for


def _connect(path, timeout=30.0):
    return sqlite3.connect(str(path), timeout=timeout, factory=TakingTurns, check_same_thread=False)


def _lock_is_free(path) -> bool:
    fd = os.open(lock_path_for(str(path)), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing drops a lock we took
    return True


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "turns.db"
    with _connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, body TEXT)")
    return path


def test_a_write_holds_the_lock_until_its_transaction_ends(database):
    conn = _connect(database)
    conn.execute("SELECT count(*) FROM reports").fetchone()
    assert _lock_is_free(database), "a read takes no turn"
    conn.execute("INSERT INTO reports (body) VALUES ('漏水')")
    assert conn.in_transaction and not _lock_is_free(database)
    conn.commit()
    assert _lock_is_free(database)
    conn.execute("UPDATE reports SET body = '停电'")
    assert not _lock_is_free(database)
    conn.rollback()
    assert _lock_is_free(database)
    conn.close()


def test_a_savepoint_released_outside_a_transaction_lets_go(database):
    """SAVEPOINT opens a transaction and its RELEASE ends it, with no commit() call."""
    conn = _connect(database)
    conn.isolation_level = None  # statements as given, as SQLAlchemy's begin_nested may send them
    conn.execute("SAVEPOINT sp")
    conn.execute("INSERT INTO reports (body) VALUES ('门禁')")
    assert not _lock_is_free(database)
    conn.execute("RELEASE SAVEPOINT sp")
    assert not conn.in_transaction and _lock_is_free(database)
    conn.close()


def test_the_second_writer_waits_for_the_first_and_then_writes(database):
    first, second = _connect(database), _connect(database)
    first.execute("INSERT INTO reports (body) VALUES ('第一')")
    done = threading.Event()

    def write_second():
        second.execute("INSERT INTO reports (body) VALUES ('第二')")
        second.commit()
        done.set()

    thread = threading.Thread(target=write_second)
    thread.start()
    assert not done.wait(0.3), "the second writer went ahead while the first held the lock"
    first.commit()
    assert done.wait(5)
    thread.join()
    assert [r[0] for r in first.execute("SELECT body FROM reports ORDER BY id")] == ["第一", "第二"]
    first.close()
    second.close()


def test_a_holder_that_never_lets_go_gets_sqlites_own_answer(database):
    """The file lock waits no longer than the connection's timeout; then SQLite's busy
    timeout decides, as it did before."""
    holder = _connect(database)
    holder.execute("INSERT INTO reports (body) VALUES ('占着')")
    waiter = _connect(database, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        waiter.execute("INSERT INTO reports (body) VALUES ('等着')")
    assert 0.3 <= time.monotonic() - started < 5
    holder.rollback()
    waiter.execute("INSERT INTO reports (body) VALUES ('等着')")
    waiter.commit()
    holder.close()
    waiter.close()


def test_in_memory_databases_have_nobody_to_take_turns_with():
    assert lock_path_for(":memory:") is None
    conn = sqlite3.connect(":memory:", factory=TakingTurns)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()


def test_the_product_engine_takes_turns(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'product.db'}")
    with engine.connect() as conn:
        assert isinstance(conn.connection.dbapi_connection, TakingTurns)
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        conn.execute(sa.text("INSERT INTO t VALUES (1)"))
        assert not _lock_is_free(tmp_path / "product.db")
        conn.commit()
        assert _lock_is_free(tmp_path / "product.db")
    engine.dispose()


def test_checkpoints_run_after_the_commit_let_go(database, monkeypatch):
    """Every CHECKPOINT_EVERY commits that wrote, the WAL goes back into the database
    file, with the writer lock already free (no writer waits for a checkpoint)."""
    from models import sqlite_writers

    monkeypatch.setattr(sqlite_writers, "CHECKPOINT_EVERY", 3)
    monkeypatch.setattr(sqlite_writers, "_commits_since_checkpoint", {})
    conn = _connect(database)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    lock_free_at_checkpoint = []
    conn.set_trace_callback(lambda sql: sql.startswith("PRAGMA wal_checkpoint")
                            and lock_free_at_checkpoint.append(_lock_is_free(database)))
    size_before = database.stat().st_size
    for _ in range(2):
        conn.execute("INSERT INTO reports (body) VALUES (?)", ("水" * 20000,))
        conn.commit()
        conn.execute("SELECT count(*) FROM reports").fetchone()
        conn.commit()  # nothing written: not counted
    assert lock_free_at_checkpoint == [] and database.stat().st_size == size_before, "all still in the WAL"
    conn.execute("INSERT INTO reports (body) VALUES (?)", ("电" * 20000,))
    conn.commit()
    assert lock_free_at_checkpoint == [True]
    assert database.stat().st_size >= size_before + 3 * 60000
    conn.close()


def test_a_connection_dropped_mid_transaction_lets_go_of_the_lock(database):
    import gc

    conn = _connect(database)
    conn.execute("INSERT INTO reports (body) VALUES ('丢了')")
    assert not _lock_is_free(database)
    del conn
    gc.collect()
    assert _lock_is_free(database)
    other = _connect(database)
    assert other.execute("SELECT count(*) FROM reports").fetchone() == (0,), "SQLite rolled it back"
    other.close()


def test_readers_never_wait_for_a_writer(database):
    """Reads, and the commit or rollback that ends a read, go straight through while
    another connection holds the lock (WAL readers do not block on writers)."""
    holder = _connect(database)
    holder.execute("INSERT INTO reports (body) VALUES ('写着')")
    reader = _connect(database, timeout=3.0)
    started = time.monotonic()
    assert reader.execute("SELECT count(*) FROM reports").fetchone() == (0,)
    reader.commit()
    reader.execute("SELECT count(*) FROM reports").fetchone()
    reader.rollback()
    assert time.monotonic() - started < 1.5, "a reader waited for the writers' lock"
    holder.rollback()
    holder.close()
    reader.close()
