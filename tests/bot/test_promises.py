"""What the bot promises is what happens: the words match who is going, and a promise to
contact someone or tell a supervisor leaves a notice behind."""
from __future__ import annotations

import sqlalchemy as sa

import workflow
from models import Outbox, Status, Ticket
from workflow.phrasebook import phrase


def _ticket(session) -> Ticket:
    session.expire_all()
    return session.scalars(sa.select(Ticket).order_by(Ticket.id.desc())).first()


def test_urgent_reply_names_the_department_actually_going_5_1(wechat, session, site):
    """§五(1) sends the job to the department that handles it: an urgent security report is
    promised 安保人员 within 30 minutes, not 维修人员; a burst pipe still gets 维修人员."""
    reply = wechat.say("o-guard", "停车场有人打架，快来人")
    ticket = _ticket(session)
    assert ticket.urgent and ticket.code == "SEC-SAFE" and ticket.status == Status.DISPATCHED
    assert "安保人员将在30分钟内到场" in reply and "维修人员" not in reply
    reply = wechat.say("o-pipe", "卫生间水管爆了，水漫出来了，快来人")
    assert _ticket(session).code == "ENG-PLUMB" and "维修人员将在30分钟内到场" in reply
    assert phrase("eta_urgent", site, responder="安保人员") == "安保人员将在30分钟内到场"


def _desk_calls(session, ticket: Ticket) -> list[dict]:
    rows = session.scalars(sa.select(Outbox).where(Outbox.kind == "notify_staff", Outbox.ticket_id == ticket.id))
    return [r.payload for r in rows if r.payload.get("to") == "desk"]


def test_a_held_repair_opened_once_the_tenant_says_who_calls_the_desk_1_note_4(wechat, session, site):
    """§一注意(4): the report held until the tenant said who and where is opened with
    「我马上联系有关人员」, and the dispatching desk is called then; an urgent report is
    dispatched at once and needs no call."""
    wechat.say("o-held", "天花板在渗水，下雨后更厉害")
    wechat.say("o-held", "王建国")
    reply = wechat.say("o-held", "13800001234，铺位L2-015")
    ticket = _ticket(session)
    assert phrase("help_coming") in reply and ticket.status == Status.NEW and ticket.desk_call_due
    wechat.say("o-pipe", "卫生间水管爆了，水漫出来了，快来人")
    urgent = _ticket(session)
    assert urgent.status == Status.DISPATCHED and not urgent.desk_call_due
    assert workflow.call_desks(session) == 1  # the worker's sweep, within the minute
    session.commit()
    assert _desk_calls(session, ticket) == [{"event": "awaiting_dispatch", "to": "desk"}]
    assert _desk_calls(session, urgent) == [] and not _ticket(session).desk_call_due
