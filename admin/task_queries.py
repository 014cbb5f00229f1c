"""「我的任务」: the open dispatch orders an engineer or guard works from, on the phone."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import DispatchOrder, Staff, Ticket
from models.queries import site_ids

MAX_TASKS = 100


@dataclass
class Task:
    order: DispatchOrder
    ticket: Ticket
    mine: bool  # assigned to this person (else: the department's, not assigned to anyone)

    @property
    def phone(self) -> Optional[str]:
        return self.ticket.phone or (self.ticket.tenant.phone if self.ticket.tenant else None)

    def minutes_left(self, now: datetime) -> int:
        """Until the order's deadline; negative once it has passed."""
        return int((self.order.due_at - now).total_seconds() // 60)


def my_tasks(session: so.Session, staff: Staff) -> list[Task]:
    """The active dispatch orders assigned to `staff` and those of their department that
    nobody is assigned to, on their sites: urgent first, then by deadline."""
    mine = DispatchOrder.assignee_id == staff.id
    unassigned = (sa.and_(DispatchOrder.department_id == staff.department_id, DispatchOrder.assignee_id.is_(None))
                  if staff.department_id else sa.false())
    stmt = (sa.select(DispatchOrder, Ticket).join(Ticket, Ticket.id == DispatchOrder.ticket_id)
            .where(DispatchOrder.status == "active", sa.or_(mine, unassigned))
            .options(so.joinedload(Ticket.unit), so.joinedload(Ticket.tenant))
            .order_by(Ticket.urgent.desc(), DispatchOrder.due_at, DispatchOrder.id).limit(MAX_TASKS))
    ids = site_ids(staff)
    if ids is not None:
        stmt = stmt.where(Ticket.site_id.in_(ids) if ids else sa.false())
    return [Task(order, ticket, order.assignee_id == staff.id) for order, ticket in session.execute(stmt)]
