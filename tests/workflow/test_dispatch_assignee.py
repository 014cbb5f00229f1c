"""A dispatch order's assignee must be someone who can open the ticket: active, and of the
ticket's site. Anyone else is refused with an error naming the field, and nothing changes."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

import workflow
from models import DispatchOrder, Outbox, Role, Status
from workflow.errors import ValidationError


def _refused(desk, session, ticket, assignee, message):
    with pytest.raises(ValidationError, match=message) as caught:
        workflow.dispatch(session, ticket, desk.desk, assignee=assignee)
    assert caught.value.field == "assignee"
    session.rollback()
    assert session.scalar(sa.select(sa.func.count(DispatchOrder.id))) == 0
    assert session.get(type(ticket), ticket.id).status == Status.NEW


def test_an_assignee_of_another_site_is_refused(desk, session, make):
    ticket = desk.ticket()
    elsewhere = make.staff(Role.ENGINEER, "工程部", sites=[make.site("other", "另一个服务中心", "OT")])
    session.commit()
    notices = session.scalar(sa.select(sa.func.count(Outbox.id)))
    _refused(desk, session, ticket, elsewhere, "执行人不属于本工单的服务中心")
    assert session.scalar(sa.select(sa.func.count(Outbox.id))) == notices  # nobody notified


def test_an_inactive_assignee_is_refused(desk, session, make):
    ticket = desk.ticket()
    gone = make.staff(Role.ENGINEER, "工程部")
    gone.active = False
    session.commit()
    _refused(desk, session, ticket, gone, "执行人账号已停用")


def test_an_engineer_of_the_site_is_accepted(desk, session):
    ticket = desk.ticket()
    order = workflow.dispatch(session, ticket, desk.desk, assignee=desk.engineer)
    assert order.assignee is desk.engineer and ticket.status == Status.DISPATCHED
