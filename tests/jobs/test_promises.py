"""Every promise the bot makes is kept: a tenant chats through the real webhook, a real
worker delivers what the promise set off, and the fake WeChat server shows who heard."""
from __future__ import annotations

import sqlalchemy as sa

from jobs.periodic import run_periodic
from models import Status, Ticket, Unit
from tests.bot.conftest import WeChat
from tests.jobs.conftest import texts_to, work
from workflow.phrasebook import phrase


def _known_tenant(desk, session):
    unit = Unit(site_id=desk.site.id, code="L2-015")
    session.add(unit)
    session.flush()
    desk.tenant.unit = unit
    session.commit()


def _last_ticket(session) -> Ticket:
    session.expire_all()
    return session.scalars(sa.select(Ticket).order_by(Ticket.id.desc())).first()


def test_help_coming_notifies_the_dispatching_desk_within_the_minute_1_note_4(app, desk, session, fake_wechat):
    """§一注意(4) 「我马上联系有关人员，他们会尽快赶到」 and §五(1) 及时发放派遣单: the desk that
    dispatches hears of a non-urgent repair at the worker's next desk-call sweep (every 20
    seconds), not when a clerk next opens the queue."""
    _known_tenant(desk, session)
    reply = WeChat(app.test_client()).say(desk.tenant.openid, "门口的灯不亮了")
    ticket = _last_ticket(session)
    assert phrase("help_coming") in reply and ticket.status == Status.NEW and not ticket.urgent
    app.queues["high"].enqueue(run_periodic, "call_desks")  # its slot comes, as RQ's scheduler does
    work(app)
    (notice,) = texts_to(fake_wechat, desk.desk.openid, "template")
    assert ticket.number in notice and "请立即派单" in notice and "L2-015" in notice
    assert texts_to(fake_wechat, desk.engineer.openid, "template") == []
    session.expire_all()
    assert any(e.action == "staff_notified" and desk.desk.display_name in (e.note or "") for e in ticket.events)


def test_escalate_flags_the_ticket_and_notifies_a_supervisor_2_6(app, desk, session, fake_wechat):
    """§二(6) 「对不起，我马上向领导（或有关部门）汇报」: said to a calm fee complaint, the
    ticket is flagged for the supervisors and they are told, with the reason."""
    _known_tenant(desk, session)
    reply = WeChat(app.test_client()).say(desk.tenant.openid, "这个月的物业费账单金额不对，多收了钱")
    ticket = _last_ticket(session)
    assert phrase("escalate") in reply and ticket.emotion == "calm"
    assert ticket.supervisor_flag and ticket.events[-1].action == "escalate"
    work(app)
    (notice,) = texts_to(fake_wechat, desk.supervisor.openid, "template")
    assert notice.startswith("【上报主管】") and ticket.number in notice
