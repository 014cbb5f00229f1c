"""SQLite as models.base.make_engine sets it up: WAL, busy_timeout, and BEGIN IMMEDIATE
before a transaction's first write (SQLAlchemy's pysqlite recipe), so writers wait their
turn instead of failing, savepoints work, and reads never take the write lock."""
from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import make_engine


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'writers.db'}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE reports (id INTEGER PRIMARY KEY, body TEXT)"))
    yield engine
    engine.dispose()


def _count(conn) -> int:
    return conn.execute(sa.text("SELECT count(*) FROM reports")).scalar_one()


def test_the_database_is_in_wal_with_a_busy_timeout(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_writer_that_read_first_is_not_refused_when_another_committed_meanwhile(engine):
    """With a deferred BEGIN, the first transaction's read pins a WAL snapshot, and its
    write after the other's commit fails at once with 'database is locked'."""
    with engine.connect() as first, engine.connect() as second:
        assert _count(first) == 0
        second.execute(sa.text("INSERT INTO reports (body) VALUES ('第二')"))
        second.commit()
        first.execute(sa.text("INSERT INTO reports (body) VALUES ('第一')"))
        first.commit()
        assert _count(first) == 2


def test_the_second_writer_waits_for_the_first_and_then_writes(engine):
    first = engine.connect()
    first.execute(sa.text("INSERT INTO reports (body) VALUES ('第一')"))
    done = threading.Event()

    def write_second():
        with engine.connect() as second:
            second.execute(sa.text("INSERT INTO reports (body) VALUES ('第二')"))
            second.commit()
        done.set()

    thread = threading.Thread(target=write_second)
    thread.start()
    assert not done.wait(0.3), "the second writer went ahead while the first held the write lock"
    first.commit()
    assert done.wait(10)
    thread.join()
    assert [r[0] for r in first.execute(sa.text("SELECT body FROM reports ORDER BY id"))] == ["第一", "第二"]
    first.close()


def test_reads_take_no_write_lock_and_never_wait_for_a_writer(engine):
    reader = so.Session(engine)
    assert reader.execute(sa.text("SELECT count(*) FROM reports")).scalar_one() == 0  # an open session
    with engine.connect() as writer:
        started = time.monotonic()
        writer.execute(sa.text("INSERT INTO reports (body) VALUES ('写着')"))
        assert time.monotonic() - started < 1, "a reading session held the write lock"
        assert reader.execute(sa.text("SELECT count(*) FROM reports")).scalar_one() == 0, "uncommitted"
        writer.commit()
    assert reader.execute(sa.text("SELECT count(*) FROM reports")).scalar_one() == 1
    reader.close()


def test_a_savepoint_rolls_back_alone(engine):
    """pysqlite's own transaction handling breaks SAVEPOINT; the recipe makes it work."""
    with so.Session(engine) as session:
        session.execute(sa.text("INSERT INTO reports (body) VALUES ('留下')"))
        nested = session.begin_nested()
        session.execute(sa.text("INSERT INTO reports (body) VALUES ('撤回')"))
        nested.rollback()
        session.commit()
    with engine.connect() as conn:
        assert [r[0] for r in conn.execute(sa.text("SELECT body FROM reports"))] == ["留下"]


def test_a_savepoint_that_opens_the_transaction_holds_the_write_lock(engine):
    with so.Session(engine) as session, engine.connect() as other:
        with session.begin_nested():
            session.execute(sa.text("INSERT INTO reports (body) VALUES ('嵌套')"))
        assert session.connection().connection.dbapi_connection.in_transaction
        other.exec_driver_sql("PRAGMA busy_timeout=100")
        with pytest.raises(sa.exc.OperationalError, match="locked"):
            other.execute(sa.text("INSERT INTO reports (body) VALUES ('插队')"))
        other.rollback()
        session.commit()
