"""「单号是多少来着」: the tenant asks for the number of the report they made. The reply lists
their open tickets (number, status, when); it opened an inquiry ticket of its own before."""

from __future__ import annotations

import pytest

from tests.bot.conftest import tickets


@pytest.mark.parametrize("asked", ["单号是多少来着", "我的工单号是多少", "工单号忘了", "刚才那个单号呢"])
def test_the_ticket_number_asked_is_told(wechat, session, site, asked):
    wechat.say("o-num", "我是李娜，L3-008，电话13900002222 空调不制冷")
    [ticket] = tickets(session)
    reply = wechat.say("o-num", asked)
    assert [t.number for t in tickets(session)] == [ticket.number]
    assert ticket.number in reply


def test_the_centres_phone_number_asked_is_still_the_contact_reply(wechat, session, site):
    from workflow.phrasebook import phrase

    wechat.say("o-num", "我是李娜，L3-008，电话13900002222 空调不制冷")
    reply = wechat.say("o-num", "你们电话多少")
    assert phrase("contact_us", site) in reply and len(tickets(session)) == 1
