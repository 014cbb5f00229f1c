"""Everything the ticket page shows besides the ticket row: the merged timeline (events,
WeChat messages in and out, dispatch orders, return visits, the survey), photos and the
choices for the action forms."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ComplaintCode, Department, FollowUp, Message, Role, Staff, Survey, Ticket, staff_sites

IMAGE_TYPES = {"image"}


@dataclass
class TimelineItem:
    at: datetime
    kind: str  # event / in / out / visit / survey
    title: str
    actor: str = ""
    body: Optional[str] = None
    detail: dict = field(default_factory=dict)
    media_id: Optional[int] = None  # a message id whose photo can be shown


def messages(session: so.Session, ticket: Ticket) -> list[Message]:
    return list(session.scalars(sa.select(Message).where(Message.ticket_id == ticket.id).order_by(Message.id)))


def follow_ups(session: so.Session, ticket: Ticket) -> list[FollowUp]:
    return list(session.scalars(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id).order_by(FollowUp.id)))


def survey(session: so.Session, ticket: Ticket) -> Optional[Survey]:
    return session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))


def timeline(ticket: Ticket, msgs: list[Message], visits: list[FollowUp], poll: Optional[Survey],
             event_labels: dict, visit_labels: dict) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for e in ticket.events:
        items.append(TimelineItem(e.at, "note" if e.action == "note" else "event",
                                  event_labels.get(e.action, e.action), e.actor_label, e.note,
                                  {k: v for k, v in (e.data or {}).items() if v not in (None, "", [], {})}))
    for m in msgs:
        photo = m.msg_type in IMAGE_TYPES and bool(m.media_path)
        if m.direction == "in":
            title = {"image": "租户发来图片", "voice": "租户发来语音"}.get(m.msg_type, "租户消息")
            items.append(TimelineItem(m.created_at, "in", title, "租户", m.content, media_id=m.id if photo else None))
            if m.reply:
                items.append(TimelineItem(m.created_at, "out", "自动回复", "微信服务号", m.reply))
        else:
            items.append(TimelineItem(m.created_at, "out", "发给租户", m.channel or "微信", m.content,
                                      {"delivery": m.delivery} if m.delivery else {}))
    for v in visits:
        if v.done_at:
            items.append(TimelineItem(v.done_at, "visit", visit_labels.get(v.kind, v.kind), "", v.result,
                                      {"method": v.method}))
    if poll is not None and poll.answered_at:
        items.append(TimelineItem(poll.answered_at, "survey", f"满意度评价 {poll.score} 分", "租户", poll.comment))
    items.sort(key=lambda i: i.at)
    return items


def photos(msgs: list[Message]) -> list[Message]:
    return [m for m in msgs if m.msg_type in IMAGE_TYPES and m.media_path]


def action_choices(session: so.Session, ticket: Ticket) -> dict:
    codes = session.scalars(sa.select(ComplaintCode).where(ComplaintCode.active.is_(True))
                            .order_by(ComplaintCode.category, ComplaintCode.code)).all()
    departments = session.scalars(sa.select(Department).order_by(Department.id)).all()
    engineers = session.scalars(
        sa.select(Staff).join(staff_sites, staff_sites.c.staff_id == Staff.id)
        .where(staff_sites.c.site_id == ticket.site_id, Staff.role == Role.ENGINEER, Staff.active.is_(True))
        .order_by(Staff.department_id, Staff.id)
    ).all()
    return {"codes": codes, "departments": departments, "engineers": engineers}
