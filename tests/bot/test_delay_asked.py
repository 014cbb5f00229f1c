"""「为什么要等两天」 after the desk delayed a repair: the tenant is told the reason and the new
time again (seed §二注意(7)), and the question is noted for the desk; not a bare 「已补充」."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

import workflow
from models import Role, Ticket, utcnow
from models.localtime import for_people
from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 王敏 13811112222"


def delayed(wechat, session, site, make):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-delay", KNOWN)
    wechat.say("o-delay", "卫生间水龙头漏水")
    ticket = session.scalars(sa.select(Ticket)).one()
    workflow.dispatch(session, ticket, desk)
    workflow.delay(session, ticket, desk, reason="配件需要从厂家订购", new_eta=utcnow() + timedelta(days=2))
    session.commit()
    return ticket


@pytest.mark.parametrize("asked", ["为什么要等两天", "怎么还要延期啊", "还要等几天"])
def test_why_the_wait_is_answered_with_the_reason_and_the_new_time(wechat, session, site, make, asked):
    ticket = delayed(wechat, session, site, make)
    reply = wechat.say("o-delay", asked)
    expected = phrase("notify_delay", site, number=ticket.number, reason="配件需要从厂家订购",
                      new_eta=for_people(ticket.due_at))
    assert reply == expected
    [ticket] = tickets(session)
    assert notes(ticket) == [f"租户询问延期：{asked}"]


def test_the_question_before_any_delay_is_not_answered_with_one(wechat, session, site):
    wechat.say("o-nodelay", KNOWN)
    wechat.say("o-nodelay", "卫生间水龙头漏水")
    reply = wechat.say("o-nodelay", "为什么要等两天")
    assert "暂时无法按时完成" not in reply


def test_a_complaint_about_the_delay_is_a_complaint(wechat, session, site, make):
    ticket = delayed(wechat, session, site, make)
    reply = wechat.say("o-delay", "太慢了 为什么要等两天 我要投诉")
    assert "暂时无法按时完成" not in reply
    assert not any(n.startswith("租户询问延期") for t in tickets(session) for n in notes(t)), ticket.number
