"""A report held while we ask who the tenant is, then a danger that names nothing of its
own (天花板掉下来一块, then 砸到人了 流血了): the emergency opens at once, and the responders
read what fell on the ticket they are sent with, not only that someone is bleeding."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from tests.bot.test_urgent_conversations import assert_urgent_answered


@pytest.mark.parametrize("report, danger", [
    ("天花板掉下来一块", "砸到人了 流血了"),
    ("二楼扶手栏杆有点晃", "有个小孩摔下去了 快来人"),
    ("卫生间地上有一大滩水", "刚才有个老人滑倒了 起不来"),
])
def test_a_danger_after_a_held_report_carries_the_report(wechat, session, site, report, danger):
    wechat.say("o-held", report)
    assert tickets(session) == []  # held: we asked who the tenant is
    reply = wechat.say("o-held", danger)
    opened = tickets(session)
    assert len(opened) == 1, [(t.code, t.content) for t in opened]
    ticket = opened[0]
    assert_urgent_answered(reply, ticket)
    assert any(report in note for note in notes(ticket)), notes(ticket)


def test_a_danger_with_a_thing_of_its_own_leaves_the_held_report_for_its_own_ticket(wechat, session, site):
    wechat.say("o-held2", "店里空调不制冷")
    reply = wechat.say("o-held2", "配电箱冒烟了 有焦味")
    ticket, = tickets(session)
    assert_urgent_answered(reply, ticket)
    assert not any("空调" in note for note in notes(ticket))
    wechat.say("o-held2", "我是李娜，L3-008，电话13900002222")
    assert sorted(t.content for t in tickets(session)) == sorted(["配电箱冒烟了 有焦味", "店里空调不制冷"])
