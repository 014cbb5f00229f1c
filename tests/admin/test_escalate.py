"""「上报主管」 on the ticket page (seed §二(6)): what cannot be settled on the spot goes to
the supervisors, flagged, with the reason, and they are told."""
from __future__ import annotations

import sqlalchemy as sa

from models import Outbox, Status, Ticket


def test_report_to_the_supervisor_from_the_ticket_page_2_6(team, console, session):
    """§二(6) 「我马上向领导（或有关部门）汇报」 from the desk: the ticket is flagged and the
    supervisors get a notice carrying the reason; without a reason, the field is named."""
    ticket = team.ticket(Status.DISPATCHED)
    session.commit()
    console.login("desk")
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert 'id="action-escalate"' in page and not ticket.supervisor_flag
    empty = console.post(f"/admin/tickets/{ticket.id}/actions/escalate", {"reason": " "})
    html = empty.get_data(as_text=True)
    assert empty.status_code == 400 and 'id="escalate-reason"' in html and "请填写上报主管的原因" in html
    assert session.scalar(sa.select(sa.func.count(Outbox.id)).where(Outbox.kind == "notify_staff",
                                                                     Outbox.ticket_id == ticket.id)) == 1  # dispatch
    done = console.post(f"/admin/tickets/{ticket.id}/actions/escalate", {"reason": "租户要求减免物业费，需主管决定"})
    assert done.status_code == 302
    session.expire_all()
    ticket = session.get(Ticket, ticket.id)
    assert ticket.supervisor_flag and ticket.status == Status.DISPATCHED
    assert (ticket.events[-1].action, ticket.events[-1].note) == ("escalate", "租户要求减免物业费，需主管决定")
    row = session.scalars(sa.select(Outbox).where(Outbox.kind == "notify_staff").order_by(Outbox.id.desc())).first()
    assert row.payload == {"event": "reported", "to": "supervisors", "reason": "租户要求减免物业费，需主管决定",
                           "by": team.desk.display_name}
    assert "上报主管" in console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
