"""「修好了吗」 right after a report asks how it is going: the reply is the ticket's progress.
It opened an inquiry ticket of its own (PROGRESS knew 修好了没, not 修好了吗)."""

from __future__ import annotations

import pytest

from tests.bot.conftest import tickets


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
