"""What tenants write after a report or a question, in words of their own: where the
technician is, a question that continues the one just asked, calling off a report we still
hold, and where an emergency is. Each reaches the ticket it belongs to; none opens another."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


@pytest.mark.parametrize("asked", ["师傅到哪了", "师傅现在到哪儿了", "维修的人到哪了", "师傅到哪里了",
                                   "师傅出发了吗", "师傅在路上了吗"])
def test_where_the_technician_is_is_the_open_tickets_progress(wechat, session, site, asked):
    wechat.say("o-where", KNOWN)
    wechat.say("o-where", "空调漏水 滴到货上了")
    [report] = tickets(session)
    reply = wechat.say("o-where", asked)
    assert report.number in reply and report.status.label in reply
    assert len(tickets(session)) == 1


def test_where_something_is_in_the_mall_is_still_a_question(wechat, session, site):
    wechat.say("o-where", KNOWN)
    reply = wechat.say("o-where", "母婴室在哪")
    assert phrase("progress_none") not in reply


def test_an_emergency_written_upset_is_promised_help_not_a_managers_answer(wechat, session, site):
    reply = wechat.say("o-sos", "有人晕倒了!!!")
    [fainted] = tickets(session)
    assert fainted.urgent and phrase("help_coming") in reply and phrase("escalate") not in reply
