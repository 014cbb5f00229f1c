"""Dispatch orders past their deadline: the owner is told, then (one response period later)
the supervisors; each step once, on the timeline."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

import workflow
from jobs.periodic import run_periodic
from models import Status, TicketEvent, utcnow
from tests.jobs.conftest import outbox_rows, texts_to, work
from workflow.machine import clock_at


def sweep_at(app, moment, times: int = 1) -> None:
    with clock_at(moment):
        for _ in range(times):
            app.queues["default"].enqueue(run_periodic, "check_deadlines")
            work(app)


def events(session, ticket, action):
    return session.scalars(sa.select(TicketEvent).where(TicketEvent.ticket_id == ticket.id,
                                                        TicketEvent.action == action)).all()


def test_overdue_order_tells_the_owner_then_escalates_to_supervisors_once(app, desk, session, fake_wechat):
    start = utcnow()
    with clock_at(start):
        ticket = desk.ticket(Status.DISPATCHED, code="ENG-HVAC")  # 4 hours to respond
    session.commit()
    order = ticket.active_dispatch
    assert order.due_at == start + timedelta(hours=4)

    sweep_at(app, start + timedelta(hours=3, minutes=59))
    session.expire_all()
    assert order.overdue_at is None and order.escalation_level == 0

    late = start + timedelta(hours=4, minutes=1)
    sweep_at(app, late, times=2)  # a second sweep (or a second worker) changes nothing
    session.expire_all()
    assert (order.overdue_at, order.escalation_level) == (late, 1)
    (event,) = events(session, ticket, "overdue")
    assert event.note.startswith("派遣单已超过处理时限（") and event.note.endswith("），已提醒负责人")
    (notice,) = texts_to(fake_wechat, desk.desk.openid, "template")[-1:]  # the desk clerk dispatched: 首问
    assert notice.startswith(f"【超时提醒】工单 {ticket.number}（工程部）已超过处理时限（")
    assert texts_to(fake_wechat, desk.supervisor.openid, "template") == []

    sweep_at(app, late + timedelta(hours=3, minutes=59))  # not yet another response period
    session.expire_all()
    assert order.escalation_level == 1 and not ticket.supervisor_flag

    sweep_at(app, late + timedelta(hours=4, minutes=1), times=2)
    session.expire_all()
    assert order.escalation_level == 2 and ticket.supervisor_flag
    assert len(events(session, ticket, "escalated")) == 1
    (escalation,) = texts_to(fake_wechat, desk.supervisor.openid, "template")
    assert escalation.startswith(f"【超时上报】工单 {ticket.number}（工程部）超时仍未完成")
    kinds = [(r.payload["event"], r.status) for r in outbox_rows(session, kind="notify_staff", ticket_id=ticket.id)]
    assert kinds == [("dispatched", "done"), ("overdue", "done"), ("escalated", "done")]


def test_a_delay_resets_the_clock_and_done_orders_are_left_alone(app, desk, session):
    start = utcnow()
    with clock_at(start):
        delayed = desk.ticket(Status.IN_PROGRESS)
        done = desk.ticket(Status.COMPLETED)
        workflow.delay(session, delayed, desk.engineer, reason="等配件", new_eta=start + timedelta(days=1))
    session.commit()
    sweep_at(app, start + timedelta(hours=5))
    session.expire_all()
    assert delayed.active_dispatch.overdue_at is None
    assert done.dispatch_orders[-1].overdue_at is None
    assert events(session, delayed, "overdue") == events(session, done, "overdue") == []


def test_urgent_job_nobody_reached_escalates_as_no_arrival(app, desk, session, fake_wechat):
    """The 30 minutes of an urgent job are the promise to be there: past them with nobody
    arrived, the owner is told that nobody has arrived, then the supervisors."""
    start = utcnow()
    with clock_at(start):
        ticket = desk.ticket(Status.DISPATCHED, code="ENG-PLUMB", urgent=True, content="卫生间水管爆了")
    session.commit()
    order = ticket.active_dispatch
    assert order.due_at == start + timedelta(minutes=30)

    late = start + timedelta(minutes=31)
    sweep_at(app, late)
    (event,) = events(session, ticket, "overdue")
    assert event.note.startswith("急修派遣单已超过到场时限（") and event.note.endswith("）仍无人到场，已提醒负责人")
    (notice,) = texts_to(fake_wechat, desk.desk.openid, "template")[-1:]
    assert notice.startswith(f"【急修未到场】工单 {ticket.number}（未登记铺位，工程部）已超过到场时限（")

    sweep_at(app, late + timedelta(minutes=31))
    session.expire_all()
    assert order.escalation_level == 2 and ticket.supervisor_flag
    (escalated,) = events(session, ticket, "escalated")
    assert escalated.note == "急修超时仍无人到场，已上报主管"
    (escalation,) = texts_to(fake_wechat, desk.supervisor.openid, "template")
    assert escalation.startswith(f"【急修未到场上报】工单 {ticket.number}（未登记铺位，工程部）超过到场时限（")


def test_urgent_job_reached_in_time_is_chased_for_completion_as_before(app, desk, session, fake_wechat):
    start = utcnow()
    with clock_at(start):
        ticket = desk.ticket(Status.DISPATCHED, code="ENG-PLUMB", urgent=True)
    with clock_at(start + timedelta(minutes=12)):
        workflow.arrive(session, ticket, desk.engineer)
    session.commit()
    sweep_at(app, start + timedelta(minutes=31))
    (event,) = events(session, ticket, "overdue")
    assert event.note.startswith("派遣单已超过处理时限（")
    (notice,) = texts_to(fake_wechat, desk.desk.openid, "template")[-1:]
    assert notice.startswith(f"【超时提醒】工单 {ticket.number}（工程部）已超过处理时限（")
