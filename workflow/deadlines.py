"""The deadlines the standard sets, kept by the worker's periodic sweeps (jobs/sweeps.py):
dispatch orders past their deadline (tell the owner, then escalate to the supervisors,
seed §五(2)), tickets still waiting for a dispatch order (待派单: tell the desk, then the
supervisors, §五(1) 及时发放派遣单), return visits past due (tell the owner once, §七),
surveys unanswered after 24 h.

Each change is a compare-and-set (``UPDATE … WHERE <still in the old state>``) committed
with its timeline event and outbox rows, so two sweeps running at once, or a sweep run
twice, never notify twice. Urgent reports are dispatched at registration and never wait
for a dispatch order."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ComplaintCode, DispatchOrder, FollowUp, Outbox, Site, Status, Survey, Ticket, VisitPlanItem
from models.localtime import for_people
from nlp import taxonomy
from workflow import machine, system_events
from workflow.fieldwork import awaiting_arrival

BATCH = 200


def _cas(session: so.Session, model, row_id: int, condition, **values) -> bool:
    result = session.execute(sa.update(model).where(model.id == row_id, condition).values(**values)
                             .execution_options(synchronize_session=False))
    return result.rowcount == 1


def response_period(session: so.Session, ticket: Ticket) -> timedelta:
    """The code's response time (urgent: the urgent one): how long after going overdue
    the supervisor is told."""
    if ticket.urgent:
        return timedelta(hours=taxonomy.URGENT_RESPONSE_HOURS)
    code = session.get(ComplaintCode, ticket.code)
    return timedelta(hours=code.response_hours if code else taxonomy.response_hours(ticket.code))


def mark_overdue_orders(session: so.Session, now: Optional[datetime] = None) -> dict[str, int]:
    """Level 0 → 1: past due, the owner is told. Level 1 → 2: still open one response
    period later, the supervisors are told and the ticket is flagged for them."""
    now = now or machine.now()
    overdue = escalated = 0
    late = session.scalars(sa.select(DispatchOrder.id).where(
        DispatchOrder.status == "active", DispatchOrder.due_at < now, DispatchOrder.overdue_at.is_(None))
        .order_by(DispatchOrder.due_at).limit(BATCH)).all()
    for order_id in late:
        if not _cas(session, DispatchOrder, order_id,
                    sa.and_(DispatchOrder.overdue_at.is_(None), DispatchOrder.status == "active",
                            DispatchOrder.due_at < now),
                    overdue_at=now, escalation_level=1):
            session.rollback()
            continue
        order = session.get(DispatchOrder, order_id)
        ticket = order.ticket
        due = for_people(order.due_at, now)
        no_arrival = awaiting_arrival(order)
        system_events.record(session, ticket, "overdue",
                     f"急修派遣单已超过到场时限（{due}）仍无人到场，已提醒负责人" if no_arrival
                     else f"派遣单已超过处理时限（{due}），已提醒负责人", dispatch_id=order_id)
        session.add(Outbox(kind="notify_staff", ticket=ticket, payload={
            "event": "arrival_overdue" if no_arrival else "overdue", "to": "owner", "dispatch_id": order_id}))
        session.commit()
        overdue += 1
    waiting = session.scalars(sa.select(DispatchOrder).where(
        DispatchOrder.status == "active", DispatchOrder.escalation_level == 1, DispatchOrder.overdue_at.is_not(None))
        .order_by(DispatchOrder.overdue_at).limit(BATCH)).all()
    for order in waiting:
        ticket = order.ticket
        if order.overdue_at + response_period(session, ticket) > now:
            continue
        if not _cas(session, DispatchOrder, order.id,
                    sa.and_(DispatchOrder.escalation_level == 1, DispatchOrder.status == "active"),
                    escalation_level=2):
            session.rollback()
            continue
        ticket.supervisor_flag = True
        no_arrival = awaiting_arrival(order)
        system_events.record(session, ticket, "escalated", "急修超时仍无人到场，已上报主管" if no_arrival
                     else "派遣单超时仍未完成，已上报主管", dispatch_id=order.id)
        session.add(Outbox(kind="notify_staff", ticket=ticket, payload={
            "event": "arrival_escalated" if no_arrival else "escalated", "to": "supervisors",
            "dispatch_id": order.id}))
        session.commit()
        escalated += 1
    return {"overdue": overdue, "escalated": escalated}


def alert_visits(session: so.Session, now: Optional[datetime] = None) -> int:
    """Each return visit past due and not done alerts its owner once (FollowUp.alerted_at)."""
    now = now or machine.now()
    due = session.scalars(sa.select(FollowUp.id).where(
        FollowUp.done_at.is_(None), FollowUp.due_at.is_not(None), FollowUp.due_at < now,
        FollowUp.alerted_at.is_(None)).order_by(FollowUp.due_at).limit(BATCH)).all()
    alerted = 0
    for visit_id in due:
        if not _cas(session, FollowUp, visit_id, sa.and_(FollowUp.alerted_at.is_(None), FollowUp.done_at.is_(None)),
                    alerted_at=now):
            session.rollback()
            continue
        visit = session.get(FollowUp, visit_id)
        payload = {"event": "visit_overdue", "follow_up_id": visit_id, "site_id": visit.site_id}
        if visit.ticket is not None:
            payload["to"] = "owner"
            system_events.record(session, visit.ticket, "visit_overdue", "回访已逾期，已提醒负责人", follow_up_id=visit_id)
        else:
            item = session.scalar(sa.select(VisitPlanItem).where(VisitPlanItem.follow_up_id == visit_id))
            staff_id = (item.assignee_id or item.plan.created_by_id) if item is not None else None
            payload.update({"staff_id": staff_id} if staff_id else {"to": "supervisors"})
        session.add(Outbox(kind="notify_staff", ticket=visit.ticket, payload=payload))
        session.commit()
        alerted += 1
    return alerted


def expire_due_surveys(session: so.Session, now: Optional[datetime] = None) -> int:
    """Unanswered surveys past their 24 h: marked expired (they no longer accept answers, so
    they can no longer reopen the ticket), noted on the ticket."""
    now = now or machine.now()
    due = session.scalars(sa.select(Survey.id).where(
        Survey.answered_at.is_(None), Survey.expired_at.is_(None), Survey.expires_at <= now)
        .order_by(Survey.id).limit(BATCH)).all()
    expired = 0
    for survey_id in due:
        if not _cas(session, Survey, survey_id, sa.and_(Survey.answered_at.is_(None), Survey.expired_at.is_(None)),
                    expired_at=now):
            session.rollback()
            continue
        survey = session.get(Survey, survey_id)
        note = ("满意度调查24小时内未收到评价，已过期" if survey.sent_at is not None
                else "满意度调查未能送达租户，已过期")
        system_events.record(session, survey.ticket, "survey_expired", note, survey_id=survey_id)
        session.commit()
        expired += 1
    return expired


# 待派单 (§五(1)): how long a ticket may wait for its dispatch order before the desk is
# reminded, then the supervisors told. A site may set its own (Site.settings, in minutes).
DESK_AFTER = timedelta(minutes=30)
SUPERVISOR_AFTER = timedelta(hours=2)
UNDISPATCHED_SETTINGS = {"desk": ("undispatched_desk_minutes", DESK_AFTER),
                         "supervisors": ("undispatched_supervisor_minutes", SUPERVISOR_AFTER)}
# level → (who is told, the notice's event, the timeline note)
STEPS = {
    1: ("desk", "undispatched", "登记后{minutes}分钟仍未派单，已提醒服务中心派单"),
    2: ("supervisors", "undispatched_escalated", "登记后{minutes}分钟仍未派单，已上报主管"),
}


def undispatched_after(site: Site) -> dict[str, timedelta]:
    """The site's 待派单 waits: who is told → after how long since registration."""
    settings = site.settings or {}
    return {to: timedelta(minutes=settings[key]) if settings.get(key) else default
            for to, (key, default) in UNDISPATCHED_SETTINGS.items()}


def sweep_undispatched(session: so.Session, now: Optional[datetime] = None) -> dict[str, int]:
    now = now or machine.now()
    counts = {event: 0 for _, event, _ in STEPS.values()}
    for site in session.scalars(sa.select(Site).order_by(Site.id)).all():
        waits = undispatched_after(site)
        for level, (to, event, note) in STEPS.items():
            counts[event] += _alert_undispatched(session, site.id, level, waits[to], to, event, note, now)
    return counts


def _alert_undispatched(session: so.Session, site_id: int, level: int, after: timedelta, to: str, event: str,
                        note: str, now: datetime) -> int:
    waiting = session.scalars(sa.select(Ticket.id).where(
        Ticket.site_id == site_id, Ticket.status == Status.NEW, Ticket.dispatch_alert_level == level - 1,
        Ticket.created_at <= now - after).order_by(Ticket.created_at).limit(BATCH)).all()
    alerted = 0
    for ticket_id in waiting:
        claimed = session.execute(
            sa.update(Ticket).where(Ticket.id == ticket_id, Ticket.status == Status.NEW,
                                    Ticket.dispatch_alert_level == level - 1)
            .values(dispatch_alert_level=level, **({"supervisor_flag": True} if to == "supervisors" else {}))
            .execution_options(synchronize_session=False))
        if claimed.rowcount != 1:
            session.rollback()
            continue
        ticket = session.get(Ticket, ticket_id)
        system_events.record(session, ticket, event, note.format(minutes=int(after.total_seconds() // 60)))
        session.add(Outbox(kind="notify_staff", ticket=ticket, payload={"event": event, "to": to}))
        session.commit()
        alerted += 1
    return alerted
