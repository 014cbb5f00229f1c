"""An emergency's ticket opens with what to do before help arrives, by the danger: 120 when
someone is hurt, 119 and the stairs in a fire, no switches near gas, 110 and distance in a
fight; an ordinary report gets no such line."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase

KNOWN = "L2-015 李强 13922223333"


@pytest.mark.parametrize(("report", "advice"), [
    ("门口的台阶有块砖翘起来了 刚刚有个老人绊倒了 腿流血了", "advice_injured"),
    ("我爸晕倒在电梯里了 快来人", "advice_injured"),
    ("配电房那边一股焦糊味 门缝里还冒白烟", "advice_fire"),
    ("楼道里一股很浓的煤气味", "advice_gas"),
    ("煤期味好大 是不是哪里漏气了", "advice_gas"),  # voice-typed 煤气: the advice for what was heard
    ("停车场出口两个司机打起来了 拿着棍子", "advice_violence"),
    ("二号楼的点梯停在两层中间 门打不开 我女儿在里面", "advice_trapped"),
    ("商场里有个小孩走丢了 在找妈妈", "advice_lost"),
    ("我女儿在商场里走丢了 穿红色衣服 5岁", "advice_lost_own"),  # the parent searches
])
def test_an_emergency_is_told_what_to_do_before_help_arrives(wechat, session, site, report, advice):
    wechat.say("o-advice", KNOWN)
    reply = wechat.say("o-advice", report)
    [ticket] = tickets(session)
    assert ticket.urgent and ticket.number in reply
    assert phrase(advice) in reply.splitlines(), reply


def test_an_ordinary_report_gets_no_advice(wechat, session, site):
    wechat.say("o-plain", KNOWN)
    reply = wechat.say("o-plain", "空调不制冷")
    assert not any(line.startswith(("如有", "请不要", "请注意", "请保持")) for line in reply.splitlines())
