"""Everything the ticket page shows besides the ticket row: the merged timeline (events,
WeChat messages in and out, dispatch orders, return visits, the survey), photos, the
choices for the action forms and the action at hand on a phone."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ComplaintCode, Department, FollowUp, Message, Role, Staff, Status, Survey, Ticket, staff_sites
from workflow.fees import fee_schedule

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
    file_id: Optional[int] = None  # a TicketFile (staff photo, signature) to show


def messages(session: so.Session, ticket: Ticket) -> list[Message]:
    return list(session.scalars(sa.select(Message).where(Message.ticket_id == ticket.id).order_by(Message.id)))


def follow_ups(session: so.Session, ticket: Ticket) -> list[FollowUp]:
    return list(session.scalars(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id).order_by(FollowUp.id)))


def survey(session: so.Session, ticket: Ticket) -> Optional[Survey]:
    return session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))


def timeline(ticket: Ticket, msgs: list[Message], visits: list[FollowUp], poll: Optional[Survey],
             event_labels: dict, visit_labels: dict) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for e in ticket.history:
        items.append(TimelineItem(e.at, "note" if e.action == "note" else "event",
                                  event_labels.get(e.action, e.action), e.actor_label, e.note,
                                  {k: v for k, v in (e.data or {}).items() if v not in (None, "", [], {})},
                                  file_id=(e.data or {}).get("file_id")))
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


@dataclass
class PrimaryAction:
    """The one thing to do next on this ticket, kept at the thumb on a phone: a button
    that posts the action, or a link to its form (or page)."""

    name: str
    label: str
    href: Optional[str] = None  # None: post the action at once


def primary_action(ticket: Ticket, staff: Staff, allowed: set[str], receipt_url: str) -> Optional[PrimaryAction]:
    """What comes next for this person, among the actions `allowed`: engineers work the
    job on site (arrive, complete, the tenant's signature); the desk dispatches, records the
    tenant's answer to a quote, takes the money and closes."""
    order = ticket.active_dispatch
    if staff.role == Role.ENGINEER:
        if "arrive" in allowed and order is not None and order.arrived_at is None:
            return PrimaryAction("arrive", "到场")
        if "complete" in allowed and ticket.status == Status.IN_PROGRESS:
            return PrimaryAction("complete", "完工", "#action-complete")
        if "confirm_receipt" in allowed and ticket.status == Status.COMPLETED and not ticket.receipt_confirmed:
            return PrimaryAction("receipt", "请租户签名确认回执", receipt_url)
        return None
    if "dispatch" in allowed and ticket.status in (Status.NEW, Status.REOPENED):
        return PrimaryAction("dispatch", "派单", "#action-dispatch")
    if "accept_quote" in allowed:
        return PrimaryAction("accept_quote", "租户已确认报价")
    if "record_payment" in allowed and ticket.is_paid_repair and ticket.paid_at is None:
        return PrimaryAction("record_payment", "前台收费", "#action-record_payment")
    if "close" in allowed and ticket.status == Status.COMPLETED:
        return PrimaryAction("close", "结案", "#action-close")
    return None


def action_choices(session: so.Session, ticket: Ticket) -> dict:
    codes = session.scalars(sa.select(ComplaintCode).where(ComplaintCode.active.is_(True))
                            .order_by(ComplaintCode.category, ComplaintCode.code)).all()
    departments = session.scalars(sa.select(Department).order_by(Department.id)).all()
    engineers = session.scalars(
        sa.select(Staff).join(staff_sites, staff_sites.c.staff_id == Staff.id)
        .where(staff_sites.c.site_id == ticket.site_id, Staff.role == Role.ENGINEER, Staff.active.is_(True))
        .order_by(Staff.department_id, Staff.id)
    ).all()
    return {"codes": codes, "departments": departments, "engineers": engineers,
            "fees": fee_schedule(session, ticket.site_id, ticket.code)}
