"""「我马上联系有关人员」 (seed §一注意(4)) kept by the worker: a report that promised it marks
its ticket, and the sweep tells the desk within the minute, once, and not of a ticket a
clerk dispatched meanwhile."""
from __future__ import annotations

import workflow
from jobs import sweeps
from jobs.periodic import find
from models import Status, Ticket
from tests.jobs.conftest import outbox_rows, texts_to, work


def test_the_sweep_tells_the_desk_of_each_promised_report_once(app, desk, session, fake_wechat):
    promised = desk.ticket(Status.NEW, content="卫生间水龙头一直滴水", code="ENG-PLUMB")
    dispatched_meanwhile = desk.ticket(Status.NEW, content="走廊的灯不亮了", code="ENG-ELEC")
    not_promised = desk.ticket(Status.NEW, content="请问物业费怎么交", code="FEE-BILL")
    assert workflow.call_desk(session, promised) and workflow.call_desk(session, dispatched_meanwhile)
    session.commit()
    workflow.dispatch(session, dispatched_meanwhile, desk.desk)
    session.commit()
    before = len(outbox_rows(session, kind="notify_staff"))

    assert sweeps.call_desks() == {"called": 1}  # the periodic job, in its own session
    assert sweeps.call_desks() == {"called": 0}  # once
    rows = [r for r in outbox_rows(session, kind="notify_staff")[before:] if r.payload.get("to") == "desk"]
    assert [(r.ticket_id, r.payload) for r in rows] == [(promised.id, {"event": "awaiting_dispatch", "to": "desk"})]
    session.expire_all()
    assert not any(session.get(Ticket, t.id).desk_call_due for t in (promised, dispatched_meanwhile, not_promised))
    work(app)
    notices = texts_to(fake_wechat, desk.desk.openid, "template")
    assert [n for n in notices if promised.number in n] and not [n for n in notices if not_promised.number in n]


def test_an_urgent_report_needs_no_call_and_the_sweep_runs_every_20_seconds(desk, session):
    urgent = desk.ticket(Status.DISPATCHED, content="水管爆了", code="ENG-PLUMB", urgent=True)
    assert not workflow.call_desk(session, urgent) and not urgent.desk_call_due
    entry = find("call_desks")
    assert entry.func == "jobs.sweeps.call_desks" and entry.every == 20 and entry.queue == "high"
