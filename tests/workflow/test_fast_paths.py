"""The webhook's hot-path helpers: per-process snapshots of sites and codes, and rows
inserted outside the unit of work. Both must behave exactly like the ORM they stand in for."""
from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from models import Base, ComplaintCode, Site, Tenant, Ticket, TicketEvent, Unit, db, snapshots
from models.base import insert_now, new_row
from workflow import machine


def test_a_snapshot_answers_without_a_query_and_is_one_object_outside_every_session(session, make, statements):
    site = make.site()
    session.commit()
    session.expunge_all()
    first = snapshots.snapshot_of(session, Site, "slug", "lehui")
    statements.clear()
    session.expunge_all()
    again = snapshots.snapshot_of(session, Site, "slug", "lehui")
    assert statements == []
    assert again is first and again not in session and again.id == site.id and again.name == site.name
    assert snapshots.snapshot_of(session, Site, "slug", "nowhere") is None
    assert len(statements) == 1  # absence is asked for again, never cached


def test_a_snapshot_refuses_changes_and_sessions_and_stays_as_read(session, make):
    make.site()
    session.commit()
    snapshot = snapshots.snapshot_of(session, Site, "slug", "lehui")
    with pytest.raises(snapshots.SnapshotIsReadOnly):
        snapshot.name = "别的名字"
    with pytest.raises(snapshots.SnapshotIsReadOnly):
        session.add(snapshot)
    with pytest.raises(snapshots.SnapshotIsReadOnly):  # linking another object to it
        Unit(site=snapshot, code="L9-999")
    code = snapshots.snapshot_of(session, ComplaintCode, "code", "ENG-HVAC")
    with pytest.raises(snapshots.SnapshotIsReadOnly):
        code.response_hours = 1
    session.rollback()
    assert snapshot.name == "乐汇城物业服务中心" and snapshot not in session
    loaded = session.scalar(sa.select(Site).where(Site.slug == "lehui"))
    loaded.name = "乐汇城二期服务中心"  # the session's own row changes as ever
    session.commit()
    assert snapshots.snapshot_of(session, Site, "slug", "lehui").name == "乐汇城二期服务中心"


def test_a_change_flushed_here_drops_the_snapshot_at_once(session, make):
    site = make.site()
    session.commit()
    assert snapshots.snapshot_of(session, Site, "slug", "lehui").name == "乐汇城物业服务中心"
    site.name = "乐汇城二期服务中心"
    session.commit()
    session.expunge_all()
    assert snapshots.snapshot_of(session, Site, "slug", "lehui").name == "乐汇城二期服务中心"


def test_a_change_made_elsewhere_is_seen_within_the_snapshot_lifetime(session, make, monkeypatch):
    make.site()
    session.commit()
    assert snapshots.snapshot_of(session, Site, "slug", "lehui").phone == "0571-88886666"
    with db.engine.begin() as conn:  # another process: no flush event here
        conn.execute(sa.update(Site.__table__).values(phone="0571-12345678"))
    session.expunge_all()
    assert snapshots.snapshot_of(session, Site, "slug", "lehui").phone == "0571-88886666"
    later = snapshots.time.monotonic() + snapshots.SNAPSHOT_SECONDS + 1
    monkeypatch.setattr(snapshots.time, "monotonic", lambda: later)
    session.expunge_all()
    assert snapshots.snapshot_of(session, Site, "slug", "lehui").phone == "0571-12345678"


def test_snapshots_are_kept_per_database(session, make, tmp_path):
    make.site()
    session.commit()
    assert snapshots.snapshot_of(session, ComplaintCode, "code", "ENG-HVAC").response_hours > 0
    other = sa.create_engine(f"sqlite:///{tmp_path}/other.db")
    Base.metadata.create_all(other)
    with sa.orm.Session(other) as elsewhere:
        assert snapshots.snapshot_of(elsewhere, ComplaintCode, "code", "ENG-HVAC") is None


def test_only_registered_models_have_snapshots(session):
    with pytest.raises(TypeError):
        snapshots.snapshot_of(session, Tenant, "openid", "o-1")


def test_insert_now_writes_the_row_with_defaults_and_keys_and_leaves_nothing_to_flush(session, make, statements):
    site = make.site()
    unit = Unit(site_id=site.id, code="L9-001")
    tenant = Tenant(site_id=site.id, openid="o-new", name="刘芳", unit=unit)  # both still new
    session.add(tenant)
    ticket = Ticket(site_id=site.id, number="LH-1", code="ENG-HVAC", category="工程", content="空调不制冷",
                    tenant=tenant, unit=unit, receiver="前台", recorder="前台", channel="phone", intent="repair",
                    confidence=1.0)
    statements.clear()
    insert_now(session, ticket, last=lambda: {"number": f"LH-{len(statements)}"})
    assert any(s.startswith("INSERT INTO tenants") for s in statements)  # what it refers to went first
    assert ticket.number == "LH-2"  # worked out after the rows it refers to, right before its own INSERT
    assert ticket.id is not None and ticket in session and not session.new and not session.dirty
    assert (ticket.tenant_id, ticket.unit_id) == (tenant.id, unit.id)
    assert ticket.status.value == "new" and ticket.evidence == [] and ticket.urgent is False
    statements.clear()
    session.commit()
    assert [s for s in statements if not s.startswith(("COMMIT", "RELEASE"))] == []  # nothing left over
    session.expunge_all()
    stored = session.get(Ticket, ticket.id)
    assert (stored.number, stored.tenant_id, stored.unit_id, stored.status.value, stored.created_at) == (
        "LH-2", tenant.id, unit.id, "new", ticket.created_at)
    with pytest.raises(ValueError):
        insert_now(session, stored)


def test_new_row_holds_its_columns_and_the_unit_of_work_writes_them(session, make):
    site = make.site()
    with pytest.raises(TypeError, match="unit"):
        new_row(Tenant, site_id=site.id, openid="o-x", unit=Unit(site_id=site.id, code="L1-001"))
    tenant = new_row(Tenant, site_id=site.id, openid="o-fast", name="王磊")
    assert sa.inspect(tenant).transient and (tenant.name, tenant.phone) == ("王磊", None)
    tenant.phone = "13900000000"  # later changes are instrumented as usual
    session.add(tenant)
    session.flush()
    session.expunge_all()
    stored = session.get(Tenant, tenant.id)
    assert (stored.openid, stored.name, stored.phone, stored.subscribed) == ("o-fast", "王磊", "13900000000", True)


def test_an_event_applied_to_a_loaded_timeline_appears_in_it(session, make):
    from models import Channel
    from workflow import register

    site = make.site()
    clerk = make.staff(machine.Role.DESK)
    ticket = register(session, site, content="电梯异响", channel=Channel.PHONE, actor=clerk)
    session.commit()
    assert [(e.action, e.actor_id, e.actor_label) for e in ticket.events] == [
        ("register", clerk.id, clerk.display_name)]  # written with Core: the actor's key, not the object
    machine.apply(session, ticket, machine.ACTIONS["note"], None, note="租户补充")
    assert [e.action for e in ticket.events] == ["register", "note"]
    session.commit()
    session.expire_all()
    assert [e.action for e in ticket.events] == ["register", "note"]
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id))) == 2


def test_a_row_read_with_core_enters_the_session_like_an_orm_load(session, make, statements):
    from models.base import attach_row

    site = make.site()
    unit = Unit(site_id=site.id, code="L2-015")
    session.add(unit)
    session.flush()
    session.add(Tenant(site_id=site.id, openid="o-row", name="王建国", unit_id=unit.id))
    session.commit()
    session.expunge_all()
    row = session.connection().execute(sa.select(Tenant.__table__).where(Tenant.__table__.c.openid == "o-row")).one()
    tenant = attach_row(session, Tenant, row._mapping)
    assert tenant in session and sa.inspect(tenant).persistent and not session.dirty and not session.new
    assert tenant.name == "王建国" and tenant.subscribed is True and tenant.site_id == site.id
    assert isinstance(tenant.created_at, datetime)  # values come typed, as the ORM gives them
    assert attach_row(session, Tenant, row._mapping) is tenant  # the session's own object, once
    statements.clear()
    assert tenant.unit.code == "L2-015" and len(statements) == 1  # relationships still load lazily
    tenant.name = "王先生"
    session.commit()
    session.expunge_all()
    assert session.scalar(sa.select(Tenant.name).where(Tenant.openid == "o-row")) == "王先生"
