"""What a tenant writes after reporting a repair that is still open, about that repair (issue
17): its price, the fault still there after the visit, what the fault is doing to the shop,
a hurry with a reason, the switch to a power cut or having put it right themselves. Each
opened a ticket of its own beside the repair (a bill question, a grievance about the
engineer, a cleaning complaint, a question for the desk); each goes on the repair. A
different problem told after the repair still opens its own."""

from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

WHO = "L2-015 柏 13500007777 "
TAP = WHO + "卫生间的水龙头坏了"


@pytest.mark.parametrize("asked", ["多少钱", "修这个要收费吗", "要钱吗", "换个水龙头大概多少钱", "师傅上门要收费吗",
                                   "维修费谁出"])
def test_the_price_asked_after_a_repair_is_about_that_repair(wechat, session, site, asked):
    wechat.say("o-cost", TAP)
    reply = wechat.say("o-cost", asked)
    [ticket] = tickets(session)
    assert notes(ticket) == [f"租户询问维修费用：{asked}"]
    assert phrase("repair_cost", site, number=ticket.number) in reply
    assert phrase("escalate", site) not in reply and phrase("check_first", site) not in reply


@pytest.mark.parametrize("asked", ["物业费多少钱", "停车费怎么收"])
def test_a_fee_of_its_own_after_a_repair_is_still_a_question(wechat, session, site, asked):
    wechat.say("o-cost", TAP)
    wechat.say("o-cost", asked)
    assert [t.code for t in tickets(session)] == ["ENG-PLUMB", "FEE-BILL"]
