"""After a report, how to get in or whom to call for the visit (钥匙在隔壁店, 来之前先打个电话,
号码换了 新号码…) is a note on that report, with the new number on it: each opened a ticket of
its own (钥匙 a lock repair, 打电话 a grievance answered 「我马上向领导汇报」)."""

from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

REPORT = "L2-015 柏 13500007777 卫生间的水龙头坏了"


@pytest.mark.parametrize("arranged", ["我下午不在店里 钥匙在隔壁店", "麻烦师傅来之前先打个电话", "到了给我打电话 我在仓库",
                                      "店里中午没人 找前台拿钥匙"])
def test_how_to_get_in_is_a_note_on_the_report(wechat, session, site, arranged):
    wechat.say("o-visit", REPORT)
    reply = wechat.say("o-visit", arranged)
    [ticket] = tickets(session)
    assert any(arranged in n for n in notes(ticket))
    assert phrase("visit_arranged", site, number=ticket.number) in reply and phrase("escalate", site) not in reply


def test_a_new_number_goes_on_the_report(wechat, session, site):
    wechat.say("o-visit", REPORT)
    wechat.say("o-visit", "对了 我们店的号码换了 新号码13600008888")
    [ticket] = tickets(session)
    assert ticket.phone == "13600008888" and ticket.tenant.phone == "13600008888"  # the next report's too


def test_a_fault_told_beside_it_is_a_report_of_its_own(wechat, session, site):
    wechat.say("o-visit", REPORT)
    wechat.say("o-visit", "我下午不在店里 门口的灯也不亮了")
    assert [t.code for t in tickets(session)] == ["ENG-PLUMB", "ENG-ELEC"]
