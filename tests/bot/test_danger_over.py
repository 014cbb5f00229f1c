"""The danger just reported is over (已经醒了 没事了), told through the webhook: noted on the
emergency's ticket and the tenant told the responders still come to check, not "help is
coming" as if it went on; a call-off and a new danger keep their own handling."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L2-015 李强 13922223333"


@pytest.mark.parametrize(("danger", "over"), [
    ("我爸晕倒在电梯里了 快来人", "已经醒了 没事了"),
    ("配电箱冒烟了 有火星", "火已经灭了"),
    ("电梯困人了 我女儿在里面", "孩子已经救出来了"),
    ("B1的电动扶梯把小孩的鞋卷进去了", "孩子没事 鞋子拿不出来"),
    ("公司有个员工在办公室晕倒了", "已经醒了 不用叫救护车了"),
    ("有位顾客在店里摔倒了 头磕破了", "不用打120了 人已经能走了"),
])
def test_the_danger_over_is_noted_and_the_responders_still_come(wechat, session, site, danger, over):
    wechat.say("o-over", KNOWN)
    wechat.say("o-over", danger)
    reply = wechat.say("o-over", over)
    [ticket] = tickets(session)
    assert ticket.urgent and notes(ticket) == [f"租户告知险情已缓解：{over}"]
    assert reply == phrase("danger_over", number=ticket.number) and phrase("help_coming") not in reply


def test_over_after_a_calm_report_is_not_read_as_a_danger_over(wechat, session, site):
    wechat.say("o-calm", KNOWN)
    wechat.say("o-calm", "卫生间水龙头滴水")
    reply = wechat.say("o-calm", "现在没事了")
    assert phrase("danger_over", number=tickets(session)[0].number) not in reply


def test_over_but_again_is_no_danger_over(wechat, session, site):
    wechat.say("o-again", KNOWN)
    wechat.say("o-again", "配电箱冒烟了 有火星")
    reply = wechat.say("o-again", "火灭了 但是又开始冒烟了")
    [ticket, *_] = tickets(session)
    assert phrase("danger_over", number=ticket.number) not in reply


def test_thanks_after_the_danger_over_is_no_help_coming(wechat, session, site):
    wechat.say("o-thanks", KNOWN)
    wechat.say("o-thanks", "电梯困人了")
    wechat.say("o-thanks", "人已经出来了 没事了")
    reply = wechat.say("o-thanks", "谢谢你们")
    assert phrase("help_coming") not in reply
