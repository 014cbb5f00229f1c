"""Conversations where a report used to drop (issue 17, item 5): two dangers before we
know who is writing, a panicked chase after a leak, a danger given as a survey's answer,
a voice message WeChat could not read, two problems in one message."""

from __future__ import annotations

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
