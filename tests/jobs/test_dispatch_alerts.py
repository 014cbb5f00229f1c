"""待派单 alerts (seed §五(1) 及时发放派遣单): a non-urgent ticket left undispatched tells the
desk, then the supervisors; each once, whatever runs the sweep twice."""
from __future__ import annotations

from datetime import timedelta

import workflow
from jobs.periodic import find
from models import Status, Ticket, utcnow
from tests.jobs.conftest import outbox_rows, texts_to, work
from workflow.deadlines import DESK_AFTER, SUPERVISOR_AFTER, sweep_undispatched


def test_an_undispatched_ticket_alerts_the_desk_then_the_supervisors_5_1(app, desk, session, fake_wechat):
    """§五(1): after DESK_AFTER in 待派单 the desk is reminded; after SUPERVISOR_AFTER the
    ticket is flagged and the supervisors are told. Dispatched, urgent (dispatched at
    registration) and fresh tickets are left alone."""
    start = utcnow()
    waiting = desk.ticket(Status.NEW, created_at=start - DESK_AFTER - timedelta(minutes=1))
    fresh = desk.ticket(Status.NEW, content="门口的灯不亮了", code="ENG-ELEC", created_at=start - timedelta(minutes=5))
    dispatched = desk.ticket(Status.DISPATCHED, created_at=start - SUPERVISOR_AFTER * 2)
    session.commit()
    before = len(outbox_rows(session, kind="notify_staff"))

    assert sweep_undispatched(session, start) == {"undispatched": 1, "undispatched_escalated": 0}
    assert sweep_undispatched(session, start) == {"undispatched": 0, "undispatched_escalated": 0}  # once
    rows = outbox_rows(session, kind="notify_staff")[before:]
    assert [(r.ticket_id, r.payload) for r in rows] == [(waiting.id, {"event": "undispatched", "to": "desk"})]
    work(app)
    (notice,) = texts_to(fake_wechat, desk.desk.openid, "template")
    assert notice.startswith("【待派单提醒】") and waiting.number in notice
    assert texts_to(fake_wechat, desk.supervisor.openid, "template") == []

    later = waiting.created_at + SUPERVISOR_AFTER + timedelta(minutes=1)
    assert sweep_undispatched(session, later) == {"undispatched": 1, "undispatched_escalated": 1}  # fresh's turn
    session.expire_all()
    assert session.get(Ticket, waiting.id).supervisor_flag and session.get(Ticket, waiting.id).dispatch_alert_level == 2
    assert session.get(Ticket, fresh.id).dispatch_alert_level == 1
    assert session.get(Ticket, dispatched.id).dispatch_alert_level == 0
    work(app)
    (escalated,) = texts_to(fake_wechat, desk.supervisor.openid, "template")
    assert escalated.startswith("【待派单上报】") and waiting.number in escalated
    events = [e.action for e in session.get(Ticket, waiting.id).events]
    assert events.count("undispatched") == events.count("undispatched_escalated") == 1


def test_a_ticket_dispatched_in_time_is_never_alerted_and_the_sweep_is_scheduled_5_1(desk, session):
    """§五(1): dispatching stops the alerts; the sweep is one of the worker's periodic jobs."""
    ticket = desk.ticket(Status.NEW, created_at=utcnow() - DESK_AFTER - timedelta(minutes=1))
    workflow.dispatch(session, ticket, desk.desk)
    session.commit()
    assert sweep_undispatched(session) == {"undispatched": 0, "undispatched_escalated": 0}
    assert [r for r in outbox_rows(session, kind="notify_staff") if r.payload.get("event") == "undispatched"] == []
    assert find("alert_undispatched").func == "jobs.sweeps.alert_undispatched"


def test_a_site_sets_its_own_undispatched_waits_5_1(desk, session):
    """§五(1): a busy centre reminds its desk sooner; another site keeps the default waits."""
    site = desk.ticket(Status.NEW).site
    site.settings = {**(site.settings or {}), "undispatched_desk_minutes": 10, "undispatched_supervisor_minutes": 40}
    now = utcnow()
    eleven = desk.ticket(Status.NEW, created_at=now - timedelta(minutes=11))
    session.commit()
    counts = sweep_undispatched(session, now)
    session.expire_all()
    assert counts["undispatched"] >= 1 and session.get(Ticket, eleven.id).dispatch_alert_level == 1
    assert "登记后10分钟仍未派单" in session.get(Ticket, eleven.id).events[-1].note
    sweep_undispatched(session, now + timedelta(minutes=30))  # 41 minutes since registration
    session.expire_all()
    assert session.get(Ticket, eleven.id).dispatch_alert_level == 2
