"""「修好了吗」 right after a report asks how it is going: the reply is the ticket's progress.
It opened an inquiry ticket of its own (PROGRESS knew 修好了没, not 修好了吗)."""

from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets


@pytest.mark.parametrize("asked", ["修好了吗", "弄好了没", "处理好了吗", "修了吗"])
def test_fixed_yet_is_the_reports_progress(wechat, session, site, asked):
    wechat.say("o-yet", "L2-015 柏 13500007777 卫生间的水龙头坏了")
    [ticket] = tickets(session)
    reply = wechat.say("o-yet", asked)
    assert [t.number for t in tickets(session)] == [ticket.number] and ticket.number in reply


def test_fixed_and_thanks_is_no_question(wechat, session, site):
    wechat.say("o-yet", "L2-015 柏 13500007777 卫生间的水龙头坏了")
    reply = wechat.say("o-yet", "已经修好了 谢谢师傅")
    assert "待派单" not in reply


@pytest.mark.parametrize("report, better", [
    ("门禁卡刷不开", "不好意思 我卡拿反了 现在好了"),
    ("卫生间灯不亮", "又好了 不知道刚才怎么回事"),
    ("收银台的插座没电", "现在能用了 谢谢你们"),
])
def test_now_it_works_asks_staff_to_confirm_and_close(wechat, session, site, report, better):
    wechat.say("o-better", "我是李娜，L3-008，电话13900002222")
    wechat.say("o-better", report)
    reply = wechat.say("o-better", better)
    ticket, = tickets(session)
    assert ticket.number in reply
    assert any("不需要继续处理" in note for note in notes(ticket)), notes(ticket)


@pytest.mark.parametrize("worse", ["现在好了 但是又开始漏了", "现在好了吗"])
def test_fixed_for_a_moment_or_asked_is_not_calling_it_off(wechat, session, site, worse):
    wechat.say("o-worse", "我是李娜，L3-008，电话13900002222")
    wechat.say("o-worse", "卫生间水管漏水")
    wechat.say("o-worse", worse)
    assert not any("不需要继续处理" in note for t in tickets(session) for note in notes(t))
