"""Migration 0004_field on a database that already has tickets: a 回执 confirmed before it
gets its time from the timeline and its way from who acted."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from models.migrate import alembic_config, upgrade

WHEN = datetime(2026, 11, 20, 8, 30)


def _rows(conn, table: str, *rows: dict) -> None:
    conn.execute(sa.Table(table, sa.MetaData(), autoload_with=conn).insert(), list(rows))


def _ticket(ticket_id: int, complainant, confirmed: bool) -> dict:
    return dict(id=ticket_id, number=f"LH-20261120-000{ticket_id}", site_id=1, created_at=WHEN, code="ENG-HVAC",
                category="ENG", content="空调不制冷", complainant=complainant, receiver="微信服务号", recorder="系统",
                channel="WECHAT", intent="repair", urgent=False, emotion="calm", evidence=[], status="COMPLETED",
                supervisor_flag=False, forwarded_by_company=False, leadership_instruction=False,
                receipt_confirmed=confirmed, site_cleaned=True, updated_at=WHEN)


def _event(ticket_id: int, actor_id, at: datetime) -> dict:
    return dict(ticket_id=ticket_id, at=at, actor_id=actor_id, actor_label="x", action="confirm_receipt",
                from_status="completed", to_status="completed", data={})


def test_receipts_confirmed_before_keep_when_and_how(tmp_path):
    url = f"sqlite:///{tmp_path}/before.db"
    previous = ScriptDirectory.from_config(alembic_config(url)).get_revision("0004_field").down_revision
    upgrade(url, previous)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        _rows(conn, "sites", dict(id=1, slug="lehui", name="乐汇城", ticket_prefix="LH", settings={}, created_at=WHEN))
        _rows(conn, "complaint_codes", dict(code="ENG-HVAC", name="空调", category="ENG", response_hours=4,
                                            active=True))
        _rows(conn, "staff", dict(id=7, username="kefu", display_name="客服李娜", password_hash="x", role="DESK",
                                  active=True, failed_logins=0, created_at=WHEN))
        _rows(conn, "tickets", _ticket(1, "王建国", True), _ticket(2, None, True), _ticket(3, "刘芳", False))
        _rows(conn, "ticket_events", _event(1, None, datetime(2026, 11, 20, 9, 0)),
              _event(2, 7, datetime(2026, 11, 20, 10, 0)))
    engine.dispose()
    upgrade(url)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, receipt_confirmed_at, receipt_confirmed_by, receipt_method "
                                    "FROM tickets ORDER BY id")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (1, "2026-11-20 09:00:00.000000", "王建国", "wechat"),
        (2, "2026-11-20 10:00:00.000000", "租户", "staff"),
        (3, None, None, None),
    ]
