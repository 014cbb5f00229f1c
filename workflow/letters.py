"""Letters (信函, seed §三): the written reply's deadline, counted from registration.

§三(1)(2) asks for a reply 「及时」 without a number of days; the centre's rule is
LETTER_REPLY_DAYS calendar days. Nothing is stored for the deadline: it is computed from
the ticket's registration time, and a reply is a timeline event."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from models import Channel, Ticket, TicketEvent

# The seed says only 「及时回复」(§三(1)); 7 calendar days is the centre's own rule.
LETTER_REPLY_DAYS = 7
REPLY_EVENT = "letter_reply"


def is_letter(ticket: Ticket) -> bool:
    return ticket.channel == Channel.LETTER


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


def reply_overdue(ticket: Ticket, now: datetime) -> bool:
    """A letter whose deadline has passed without a written reply."""
    due = reply_due(ticket)
    return due is not None and due < now and written_reply(ticket) is None
