"""models.prepared: Core statements run on the session's DBAPI connection must give what
`Connection.execute` gives — typed values, the session's transaction, SQLAlchemy's
exceptions, the engine's listeners — on SQLite and on PostgreSQL alike."""
from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from models import Message, Tenant, TicketCounter
from models.prepared import Prepared

_T, _M = Tenant.__table__, Message.__table__
_TENANT = Prepared(sa.select(_T.c.id, _T.c.name.label("who"), _T.c.subscribed, _T.c.created_at,
                             _T.c.last_inbound_at).where(_T.c.openid == sa.bindparam("openid")))
_MESSAGE = Prepared(sa.insert(_M).returning(_M.c.id))
_MESSAGE_DATA = Prepared(sa.select(_M.c.data, _M.c.created_at).where(_M.c.id == sa.bindparam("id")))


def _message(site_id, **values):
    row = dict(site_id=site_id, openid="o-1", direction="in", dedupe_key="msg:1", msg_type="text", content="你好",
               media_id=None, media_path=None, reply=None, ticket_id=None, tenant_id=None, channel=None,
               delivery=None, created_at=datetime(2026, 11, 27, 9, 30, 15, 123456), data={"msg_id": "1"})
    return {**row, **values}


def test_a_select_gives_the_values_typed_and_named_as_connection_execute_does(session, make):
    site = make.site()
    session.add(Tenant(site_id=site.id, openid="o-1", name="王建国", last_inbound_at=datetime(2026, 11, 27, 8, 0)))
    session.commit()
    params = {"openid": "o-1"}
    row = _TENANT.first(session, params)
    core = session.connection().execute(_TENANT.statement, params).one()._asdict()
    assert row == core  # same names (labels included) and same Python values
    assert row["who"] == "王建国" and row["subscribed"] is True
    assert isinstance(row["created_at"], datetime) and row["last_inbound_at"] == datetime(2026, 11, 27, 8, 0)
    assert _TENANT.first(session, {"openid": "nobody"}) is None
    assert _TENANT.rows(session, params) == [tuple(core.values())]
    assert _TENANT.scalar(session, params) == core["id"]


def test_an_insert_returns_its_key_and_belongs_to_the_sessions_transaction(session, make):
    site = make.site()
    session.commit()
    message_id = _MESSAGE.scalar(session, _message(site.id, data=None))
    assert session.get(Message, message_id).content == "你好"  # the ORM sees it in the same transaction
    stored = _MESSAGE_DATA.first(session, {"id": message_id})
    assert stored["created_at"] == datetime(2026, 11, 27, 9, 30, 15, 123456)
    assert stored["data"] is None
    # None in a JSON column is stored as the ORM stores it (JSON null, not SQL NULL)
    raw = session.execute(sa.text("SELECT data FROM messages WHERE id = :id"), {"id": message_id}).scalar()
    orm = Message(**_message(site.id, dedupe_key="msg:2", data=None))
    session.add(orm)
    session.flush()
    assert raw == session.execute(sa.text("SELECT data FROM messages WHERE id = :id"), {"id": orm.id}).scalar()
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0


def test_a_duplicate_raises_sqlalchemys_integrity_error_and_the_session_rolls_back(session, make):
    site = make.site()
    session.commit()
    _MESSAGE.run(session, _message(site.id))
    with pytest.raises(sa.exc.IntegrityError):
        _MESSAGE.run(session, _message(site.id))  # the dedupe key the webhook relies on
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0


def test_values_written_into_the_statement_are_used_and_listeners_see_each_run(session, make, statements):
    site = make.site()
    session.commit()
    counters = TicketCounter.__table__
    upsert = Prepared(sa.insert(counters).values(site_id=sa.bindparam("site_id"), day=sa.bindparam("day"), last=7)
                      .returning(counters.c.last))
    statements.clear()
    assert upsert.scalar(session, {"site_id": site.id, "day": datetime(2026, 11, 27).date()}) == 7
    assert len(statements) == 1 and statements[0].startswith("INSERT INTO ticket_counters")


def test_a_parameter_left_out_or_unknown_is_refused_before_anything_runs(session, make, statements):
    make.site()
    session.commit()
    statements.clear()
    with pytest.raises(TypeError, match="openid"):
        _TENANT.rows(session, {})
    with pytest.raises(TypeError, match="nickname"):
        _TENANT.rows(session, {"openid": "o-1", "nickname": "x"})
    with pytest.raises(TypeError, match="data"):  # column defaults are not applied: every column is given
        Prepared(sa.insert(_M)).run(session, {k: v for k, v in _message(1).items() if k != "data"})
    with pytest.raises(TypeError, match="callable"):  # it would be called once, when compiled
        Prepared(sa.select(_T.c.id).where(_T.c.openid == sa.bindparam("openid", callable_=lambda: "o-1"))).rows(
            session, {})
    with pytest.raises(TypeError, match="expanding"):
        Prepared(sa.select(_T.c.id).where(_T.c.openid.in_(sa.bindparam("ids", expanding=True)))).rows(
            session, {"ids": ["o-1"]})
    assert statements == []


def test_a_listener_that_rewrites_the_statement_is_obeyed_as_with_execute(session, make):
    site = make.site()
    session.add(Tenant(site_id=site.id, openid="o-1", name="王建国"))
    session.commit()
    seen = []

    def tag(conn, cursor, statement, parameters, context, executemany):
        return statement + " -- webhook", parameters

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", tag, retval=True)
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        assert _TENANT.first(session, {"openid": "o-1"})["who"] == "王建国"
    finally:
        sa.event.remove(engine, "before_cursor_execute", tag)
        sa.event.remove(engine, "before_cursor_execute", record)
    assert len(seen) == 1 and seen[0].endswith(" -- webhook")
