"""The promises the reception phrases make, kept. 「我马上联系有关人员」 (seed §一注意(4))
tells the dispatching desk within the minute: the report marks its ticket, and the
worker's sweep (`call_desks`, every 20 seconds) writes the desk's notices, so a report
writes one row fewer and the desk is not told of a ticket dispatched meanwhile.
「我马上向领导（或有关部门）汇报」 (seed §二(6)) flags the ticket for a supervisor and tells
the supervisors at once, as the console's 「上报主管」 does. Notices are Outbox rows that
jobs/ delivers after commit."""
from __future__ import annotations

from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Outbox, Staff, Status, Ticket
from workflow import machine
from workflow.errors import ValidationError

# Statuses in which the desk still has to dispatch (an urgent report is dispatched at once).
AWAITING_DISPATCH = (Status.NEW, Status.REOPENED)
MAX_REASON = 500


def call_desk(session: so.Session, ticket: Ticket) -> bool:
    """「我马上联系有关人员」: the site's dispatching desk hears of the report within the
    minute (`call_desks`), instead of when a clerk next opens the queue. Nothing when it is
    already dispatched."""
    if ticket.status not in AWAITING_DISPATCH:
        return False
    ticket.desk_call_due = True
    return True


def call_desks(session: so.Session) -> int:
    """The desk calls promised since the last sweep, in the sweep's transaction: an Outbox
    notice for each ticket still awaiting dispatch (one a clerk dispatched meanwhile needs
    none). Returns how many notices were written."""
    due = session.scalars(sa.select(Ticket).where(Ticket.desk_call_due).order_by(Ticket.id)
                          .with_for_update(skip_locked=True)).all()
    called = 0
    for ticket in due:
        ticket.desk_call_due = False
        if ticket.status in AWAITING_DISPATCH:
            session.add(Outbox(kind="notify_staff", ticket=ticket, payload={"event": "awaiting_dispatch", "to": "desk"}))
            called += 1
    return called


def escalate(session: so.Session, ticket: Ticket, actor: Optional[Staff], *, reason: str) -> Ticket:
    """上报主管: the ticket is flagged for the supervisors and they are told why. The bot
    (actor None) does it when it says 「我马上向领导汇报」; staff from the ticket page."""
    action = machine.check("escalate", ticket, actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("请填写上报主管的原因", field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(f"上报原因不能超过{MAX_REASON}字", field="reason")
    ticket.supervisor_flag = True
    machine.apply(session, ticket, action, actor, note=reason, by=None if actor else "微信服务号",
                  effects=(("notify_staff", {"event": "reported", "to": "supervisors", "reason": reason,
                                             "by": machine.actor_label(actor, "微信服务号")}),))
    return ticket
