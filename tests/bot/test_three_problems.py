"""One message, several faults of different trades (卫生间漏水 还有门口的灯也不亮 另外停车场
的道闸也坏了): each its own ticket, so that each trade is sent and none closes with
another's fault still there."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets

KNOWN = "我是李娜，L3-008，电话13900002222"


@pytest.mark.parametrize("text, codes", [
    ("卫生间漏水 还有门口的灯也不亮 另外停车场的道闸也坏了", {"ENG-PLUMB", "ENG-ELEC", "SEC-PARK"}),
    ("空调不制冷 另外楼梯的扶手松了", {"ENG-HVAC", "ENG-CIVIL"}),
    ("店里的网络断了 还有卫生间的排风扇不转了", {"ENG-WEAK", "ENG-HVAC"}),
])
def test_each_fault_of_another_trade_gets_its_own_ticket(wechat, session, site, text, codes):
    wechat.say("o-three", KNOWN)
    wechat.say("o-three", text)
    assert {t.code for t in tickets(session)} == codes, [(t.code, t.content) for t in tickets(session)]


@pytest.mark.parametrize(("listed", "codes"), [
    ("1、卫生间漏水 2、灯不亮", ["ENG-PLUMB", "ENG-ELEC"]),
    ("两个问题：1.空调不制冷 2.门锁坏了", ["ENG-HVAC", "ENG-DOOR"]),
    ("我要报修两个东西 一个是空调 一个是门锁", ["ENG-HVAC", "ENG-DOOR"]),
    ("有两件事 1 空调不制冷 2 门口灯不亮", ["ENG-HVAC", "ENG-ELEC"]),
    # a remote's flat battery (遥控器没电了) is no power cut of which the rest is the consequence
    ("1.卫生间灯不亮 2.空调遥控器没电了", ["ENG-ELEC", "ENG-HVAC"]),
])
def test_problems_the_tenant_numbered_are_reported_apart(wechat, session, site, listed, codes):
    # one ticket went to one trade: the lamp's, with the leak inside it for no plumber to see
    wechat.say("o-listed", "L2-015 何 13566667777")
    wechat.say("o-listed", listed)
    assert sorted(t.code for t in tickets(session)) == sorted(codes)


@pytest.mark.parametrize("one", ["水管漏了1.5米长的一段", "两部电梯 一个是好的 一个是坏的"])
def test_a_number_or_a_pair_told_of_one_thing_is_one_report(wechat, session, site, one):
    wechat.say("o-listed", "L2-015 何 13566667777")
    wechat.say("o-listed", one)
    assert len(tickets(session)) == 1


@pytest.mark.parametrize(("text", "contents"), [
    ("空调和门锁都坏了", ["空调坏了", "门锁坏了"]),
    ("卫生间的灯和排气扇都坏了", ["卫生间的灯坏了", "卫生间的排气扇坏了"]),
    ("空调不制冷，还有门锁也坏了", ["空调不制冷", "门锁也坏了"]),
])
def test_two_things_of_two_trades_in_one_breath_are_two_reports(wechat, session, site, text, contents):
    # the added 还有 is no word of the problem: alone it read as 还有人在里面, urgent
    wechat.say("o-both", KNOWN)
    wechat.say("o-both", text)
    assert [t.content for t in tickets(session)] == contents
    assert not any(t.urgent for t in tickets(session))


def test_two_things_of_one_trade_stay_one_report(wechat, session, site):
    wechat.say("o-both", KNOWN)
    wechat.say("o-both", "卷帘门和玻璃门都打不开了")
    assert [t.content for t in tickets(session)] == ["卷帘门和玻璃门都打不开了"]
