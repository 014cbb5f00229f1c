"""Letters (信函, seed §三): the written reply's deadline, counted from registration.

§三(1)(2) asks for a reply 「及时」 without a number of days; the centre's rule is
LETTER_REPLY_DAYS calendar days. Nothing is stored for the deadline: it is computed from
the ticket's registration time, and a reply is a timeline event."""
from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Channel, Staff, Ticket, TicketEvent
from workflow import machine
from workflow.errors import InvalidTransition, ValidationError

# The seed says only 「及时回复」(§三(1)); 7 calendar days is the centre's own rule.
LETTER_REPLY_DAYS = 7
REPLY_EVENT = "letter_reply"
# How the written reply reached the writer (§三(1)).
REPLY_METHODS = {"mail": "邮寄", "in_person": "当面", "email": "电子邮件"}


def is_letter(ticket: Ticket) -> bool:
    return ticket.channel == Channel.LETTER


def reports_upwards(ticket: Ticket) -> bool:
    """A letter whose result is reported upwards in writing: one the company forwarded
    (§三(3)) or a major complaint a leader wrote an instruction on (§三(4))."""
    return is_letter(ticket) and (ticket.forwarded_by_company or ticket.leadership_instruction)


def reply_due(ticket: Ticket) -> Optional[datetime]:
    """When the written reply is due: registration + LETTER_REPLY_DAYS; None if not a letter."""
    if not is_letter(ticket) or ticket.created_at is None:
        return None
    return ticket.created_at + timedelta(days=LETTER_REPLY_DAYS)


def written_reply(ticket: Ticket) -> Optional[TicketEvent]:
    """The newest written reply recorded on the timeline, if any."""
    if not is_letter(ticket):
        return None
    return next((e for e in reversed(ticket.events) if e.action == REPLY_EVENT), None)


def reply_overdue(ticket: Ticket, now: datetime, replied: Optional[Collection[int]] = None) -> bool:
    """A letter whose deadline has passed without a written reply. A list page passes
    `replied` (from `replied_ids`, one query for the page) instead of loading each
    ticket's timeline."""
    due = reply_due(ticket)
    if due is None or due >= now:
        return False
    return ticket.id not in replied if replied is not None else written_reply(ticket) is None


def replied_ids(session: so.Session, tickets: Iterable[Ticket]) -> set[int]:
    """Which of these letters have a written reply, in one query."""
    ids = [t.id for t in tickets if is_letter(t)]
    if not ids:
        return set()
    return set(session.scalars(sa.select(TicketEvent.ticket_id).where(
        TicketEvent.ticket_id.in_(ids), TicketEvent.action == REPLY_EVENT).distinct()))


def record_reply(session: so.Session, ticket: Ticket, actor: Staff, *, text: Optional[str],
                 method: Optional[str]) -> TicketEvent:
    """The written reply to a letter (§三(1)(2)): its text and how it was sent, as a
    timeline event. Only a letter has one."""
    if not is_letter(ticket):
        raise InvalidTransition("只有信函登记的工单才能登记书面回复")
    action = machine.check(REPLY_EVENT, ticket, actor)
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写书面回复内容", field="text")
    if method not in REPLY_METHODS:
        raise ValidationError("请选择回复方式（邮寄、当面或电子邮件）", field="method")
    machine.apply(session, ticket, action, actor, note=text, data={"sent_by": method})
    return written_reply(ticket)
