"""待派单 alerts (seed §五(1) 及时发放派遣单): a ticket still waiting for its dispatch order
after DESK_AFTER tells the site's desk; still waiting after SUPERVISOR_AFTER, it is flagged
for the supervisors and they are told. Urgent reports are dispatched at registration and
never wait here. Each step is a compare-and-set on Ticket.dispatch_alert_level committed
with its timeline event and outbox row, so two sweeps never notify twice."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from jobs import timeline
from jobs.runtime import job_context
from models import Outbox, Status, Ticket
from workflow import machine

DESK_AFTER = timedelta(minutes=30)
SUPERVISOR_AFTER = timedelta(hours=2)
BATCH = 200
# level → (wait since registration, who is told, the notice's event, the timeline note)
STEPS = {
    1: (DESK_AFTER, "desk", "undispatched", "登记后{minutes}分钟仍未派单，已提醒服务中心派单"),
    2: (SUPERVISOR_AFTER, "supervisors", "undispatched_escalated", "登记后{minutes}分钟仍未派单，已上报主管"),
}


def alert_undispatched() -> dict[str, int]:
    with job_context("jobs.dispatch_alerts") as ctx:
        return sweep_undispatched(ctx.session)


def sweep_undispatched(session: so.Session, now: Optional[datetime] = None) -> dict[str, int]:
    now = now or machine.now()
    counts = {}
    for level, (after, to, event, note) in STEPS.items():
        counts[event] = 0
        waiting = session.scalars(sa.select(Ticket.id).where(
            Ticket.status == Status.NEW, Ticket.dispatch_alert_level == level - 1, Ticket.created_at <= now - after)
            .order_by(Ticket.created_at).limit(BATCH)).all()
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
            timeline.add(session, ticket, event, note.format(minutes=int(after.total_seconds() // 60)))
            session.add(Outbox(kind="notify_staff", ticket=ticket, payload={"event": event, "to": to}))
            session.commit()
            counts[event] += 1
    return counts
