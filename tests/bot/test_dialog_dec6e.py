"""Conversations where a report used to drop (issue 17, item 5): two dangers before we
know who is writing, a panicked chase after a leak, a danger given as a survey's answer,
a voice message WeChat could not read, two problems in one message."""

from __future__ import annotations

from models import Status
from tests.bot.conftest import tickets

KNOWN = "我是李娜，L3-008，电话13900002222"


def test_two_dangers_before_we_know_who_both_get_the_contact(wechat, session, site):
    wechat.say("o-two", "电梯困人了 快来")
    wechat.say("o-two", "B1车库着火了")
    wechat.say("o-two", KNOWN)
    lift, fire = tickets(session)
    assert lift.urgent and fire.urgent and lift.code != fire.code
    for ticket in (lift, fire):
        assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("李娜", "13900002222", "L3-008"), ticket.number


def test_a_panicked_chase_after_a_leak_turns_that_leak_urgent(wechat, session, site):
    wechat.say("o-panic", KNOWN)
    wechat.say("o-panic", "卫生间漏水")
    reply = wechat.say("o-panic", "快来人啊 越来越严重了")
    [leak] = tickets(session)
    assert leak.urgent and leak.status == Status.DISPATCHED
    assert leak.number in reply and "30分钟内到场" in reply


def test_a_calm_word_after_a_leak_leaves_it_ordinary(wechat, session, site):
    wechat.say("o-calm", KNOWN)
    wechat.say("o-calm", "卫生间漏水")
    wechat.say("o-calm", "麻烦快点安排 下午店里要用")
    [leak] = tickets(session)
    assert not leak.urgent
