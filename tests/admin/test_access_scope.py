"""Where each role's console stops: another site's tickets are refused and left unchanged,
an engineer sees his department's tickets (and those he once held), and only the desk
records a payment."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

import workflow
from models import Department, Role, Status, Ticket, TicketEvent


@pytest.mark.parametrize("role", [Role.DESK, Role.ENGINEER, Role.SUPERVISOR])
def test_another_sites_ticket_is_refused_and_unchanged(role, app, team, make, console, session):
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    ticket = team.ticket(Status.DISPATCHED, site=other, tenant=None)
    session.commit()
    events = len(ticket.events)
    console.login(team.by_role[role].username)
    assert console.get(f"/admin/tickets/{ticket.id}").status_code == 403
    assert console.get(f"/admin/tickets/{ticket.id}/receipt").status_code == 403
    for name in ("note", "close_not_ours", "start", "arrive", "update_contact"):
        response = console.post(f"/admin/tickets/{ticket.id}/actions/{name}",
                                {"note": "x", "explanation": "x", "phone": "1"})
        assert response.status_code == 403, name
    listing = console.get("/admin/tickets").get_data(as_text=True)
    assert ticket.number not in listing
    assert console.get("/admin/tickets?site=gongshe").status_code == 400
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(TicketEvent.ticket_id == ticket.id)) == events
    assert session.get(Ticket, ticket.id).status == Status.DISPATCHED


def test_engineer_sees_only_his_departments_tickets(team, console, session):
    mine = team.ticket(Status.DISPATCHED)
    cleaning = team.ticket(Status.NEW, code="ENV-CLEAN", content="垃圾房味道很大")
    session.commit()
    console.login("engineer")
    listing = console.get("/admin/tickets").get_data(as_text=True)
    assert mine.number in listing and cleaning.number not in listing
    assert console.get(f"/admin/tickets/{cleaning.id}").status_code == 403


def test_engineer_lists_the_tickets_he_may_open(team, console, session):
    """A job sent to engineering, then handed on to cleaning: he may still open it (his order
    is in its history), so it is in his queue too; both follow one rule
    (models.queries.visible_tickets / may_see_ticket)."""
    handed_on = team.ticket(Status.DISPATCHED, content="垃圾房的排风扇坏了")
    cleaning = session.scalar(sa.select(Department).where(Department.name == "保洁部"))
    workflow.dispatch(session, handed_on, team.desk, department=cleaning)
    session.commit()
    assert handed_on.department_id != team.engineer.department_id
    console.login("engineer")
    assert handed_on.number in console.get("/admin/tickets").get_data(as_text=True)
    assert console.get(f"/admin/tickets/{handed_on.id}").status_code == 200


def test_engineer_cannot_record_payment_and_nothing_changes(team, console, session):
    ticket = team.ticket(Status.COMPLETED, paid=True)
    session.commit()
    console.login("engineer")
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert "actions/record_payment" not in page and "记录收费" not in page
    assert console.post(f"/admin/tickets/{ticket.id}/actions/record_payment", {"amount": "180"}).status_code == 403
    session.expire_all()
    assert session.get(Ticket, ticket.id).paid_at is None
    console.login("desk")
    assert "actions/record_payment" in console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
