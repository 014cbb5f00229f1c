"""Return visits (回访, seed §七(5)(6)) and rainy days: an urgent repair is visited within
24 h of completion; a leak repair after the first rainy day that follows it."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import FollowUp, RainDay, Site, Staff, Ticket
from models.localtime import day_end, day_start
from workflow import machine
from workflow.errors import PermissionDenied, ValidationError

VISIT_METHODS = {"phone": "电话", "visit": "上门"}


def record_rain_day(session: so.Session, site: Site, day: date, source: str) -> tuple[RainDay, int]:
    """Mark `day` (a local date) rainy; leak visits waiting for rain after their repair
    become due the next morning. Returns the row and how many visits became due.
    Safe to call twice for the same day."""
    row = session.scalar(sa.select(RainDay).where(RainDay.site_id == site.id, RainDay.day == day))
    if row is None:
        row = RainDay(site_id=site.id, day=day, source=source)
        session.add(row)
    next_morning = day_end(day)
    waiting = session.scalars(
        sa.select(FollowUp).join(Ticket, Ticket.id == FollowUp.ticket_id).where(
            FollowUp.site_id == site.id, FollowUp.kind == "after_rain", FollowUp.due_at.is_(None),
            FollowUp.done_at.is_(None), Ticket.completed_at < day_start(day),
        )
    ).all()
    for visit in waiting:
        visit.due_at = next_morning
    session.flush()
    return row, len(waiting)


def due_visits(session: so.Session, site_ids: Optional[list[int]], now: Optional[datetime] = None) -> sa.Select:
    """Open visits that are due (or overdue) by now, oldest first."""
    now = now or machine.now()
    stmt = sa.select(FollowUp).where(FollowUp.done_at.is_(None), FollowUp.due_at.is_not(None),
                                     FollowUp.due_at <= now + timedelta(hours=24))
    if site_ids is not None:
        stmt = stmt.where(FollowUp.site_id.in_(site_ids))
    return stmt.order_by(FollowUp.due_at)


def record_visit(session: so.Session, visit: FollowUp, actor: Staff, *, method: str, result: str) -> FollowUp:
    """The result of a call or visit, on the visit and on the ticket's timeline."""
    if actor is None or not actor.can_see_site(visit.site_id):
        raise PermissionDenied("无权处理其他服务中心的回访")
    if visit.done_at is not None:
        raise ValidationError("该回访已记录", field="result")
    if method not in VISIT_METHODS:
        raise ValidationError("请选择回访方式（电话或上门）", field="method")
    result = (result or "").strip()
    if not result:
        raise ValidationError("请填写回访结果", field="result")
    visit.done_at, visit.done_by_id, visit.method, visit.result = machine.now(), actor.id, method, result
    if visit.ticket is not None:
        action = machine.check("followup", visit.ticket, actor)
        machine.apply(session, visit.ticket, action, actor, note=result,
                      data={"kind": visit.kind, "method": method})
    return visit
