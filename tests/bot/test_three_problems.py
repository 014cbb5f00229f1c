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
