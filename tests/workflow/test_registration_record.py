"""Registration writes no timeline event: the ticket row is the 接访投诉事件登记表, and the
timeline's first line (`Ticket.history`) is read from it."""
from __future__ import annotations

import sqlalchemy as sa

import workflow
from models import Channel, Ticket, TicketEvent


def test_the_registration_line_keeps_the_labels_a_reclassification_replaced(desk, session):
    t = workflow.register(session, desk.site, content="卫生间水管漏水", channel=Channel.WECHAT, code="ENG-PLUMB")
    workflow.reclassify(session, t, desk.desk, code="ENG-LEAK", urgent=True)
    session.commit()
    registered, changed = t.history
    assert (registered.actor_label, registered.data["code"], registered.data["urgent"]) == ("微信服务号", "ENG-PLUMB", False)
    assert (changed.action, t.code) == ("reclassify", "ENG-LEAK")


def test_a_ticket_that_stored_its_registration_event_shows_it_once(desk, session):
    """Tickets registered before the change kept a 'register' event: the timeline shows that
    one, not a second line read from the row."""
    t = workflow.register(session, desk.site, content="空调不制冷", channel=Channel.PHONE, actor=desk.desk,
                          code="ENG-HVAC")
    session.add(TicketEvent(ticket=t, at=t.created_at, actor_label="前台小李", action="register", to_status="new"))
    session.commit()
    session.expire_all()
    t = session.get(Ticket, t.id)
    assert [(e.action, e.actor_label) for e in t.history] == [("register", "前台小李")]
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id))) == 1
