"""Tenants type a complaint in pieces: whom it is about first (你们的保安, 那个保洁阿姨), then what
they did. The first piece alone opened a ticket of its own and the second another, with another
code (a guard smoking read as a smoking complaint); now they make one ticket, read together."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L2-015 冯晓 13811200007"


def test_whom_then_what_they_did_is_one_complaint_about_them(wechat, session, site):
    wechat.say("o-parts", KNOWN)
    wechat.say("o-parts", "我要投诉")
    assert wechat.say("o-parts", "你们的保安") == phrase("ask_what_problem")
    assert tickets(session) == []
    wechat.say("o-parts", "晚上巡逻的时候在店门口抽烟")
    [ticket] = tickets(session)
    assert ticket.code == "SVC-ATTI" and "租户此前反映：你们的保安" in notes(ticket)


def test_pieces_before_we_know_who_open_one_ticket_with_both(wechat, session, site):
    wechat.say("o-pieces", "那个保洁阿姨")
    wechat.say("o-pieces", "把我们店门口的东西都扔了")
    wechat.say("o-pieces", "冯八 13811200008 L3-008")
    [ticket] = tickets(session)
    assert ticket.code == "SVC-ATTI" and ticket.content == "那个保洁阿姨\n把我们店门口的东西都扔了"


@pytest.mark.parametrize("said", ["保安呢", "谢谢你们的保安", "保安打人了"])
def test_more_than_a_name_of_staff_is_read_as_it_is(wechat, session, site, said):
    wechat.say("o-more", KNOWN)
    assert wechat.say("o-more", said) != phrase("ask_what_problem")
