"""Conversations sent through the webhook as tenants would (8 December): who a tenant is,
told as the desk would address her (张姐), and what follows an emergency while we ask who
is writing: where the danger comes from, the trapped lift's door, and what the tenant
asks of it. None of it opens another ticket or is lost."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("intro, name", [("我是L2-015的张姐", "张姐"), ("我是二楼L2-015奶茶店的刘哥", "刘哥"),
                                         ("我是L2-015的陈阿姨", "陈阿姨")])
def test_a_name_as_the_desk_would_address_her(wechat, session, site, intro, name):
    wechat.say("o-sister", intro)
    reply = wechat.say("o-sister", "空调不制冷 13912345678")
    [ticket] = tickets(session)
    assert ticket.complainant == name and phrase("ask_name") not in reply


@pytest.mark.parametrize("first, then", [("好大的烟", "从配电房出来的"), ("有人晕倒了", "就在三楼女厕所门口"),
                                         ("着火了", "在后面的仓库那边")])
def test_where_an_emergency_is_told_while_we_ask_who_goes_on_its_ticket(wechat, session, site, first, then):
    wechat.say("o-where", first)
    wechat.say("o-where", then)
    [ticket] = tickets(session)
    assert ticket.urgent and f"租户补充：{then}" in notes(ticket)


@pytest.mark.parametrize("trapped, door", [("电梯里有人", "门打不开了 快点"),
                                           ("电梯停了 里面关着两个人", "门怎么都扒不开")])
def test_the_lifts_door_after_someone_trapped_is_the_same_emergency(wechat, session, site, trapped, door):
    wechat.say("o-lift", trapped)
    wechat.say("o-lift", door)
    [ticket] = tickets(session)
    assert ticket.code == "ENG-LIFT" and ticket.urgent and f"租户补充：{door}" in notes(ticket)


def test_a_shop_door_after_the_lift_is_its_own_report(wechat, session, site):
    wechat.say("o-lift2", "电梯里有人")
    wechat.say("o-lift2", "我们店的卷帘门也打不开了 进不去")
    assert [t.code for t in tickets(session)] == ["ENG-LIFT", "ENG-DOOR"]


@pytest.mark.parametrize("asked", ["我们要下班了 怎么办", "那现在怎么办啊", "那我们该怎么办"])
def test_what_to_do_asked_after_an_emergency_goes_on_it(wechat, session, site, asked):
    wechat.say("o-what", "卷帘门坏了 锁不上")
    reply = wechat.say("o-what", asked)
    [ticket] = tickets(session)
    assert ticket.urgent and f"租户补充：{asked}" in notes(ticket)
    assert phrase("check_first") not in reply


def test_what_to_do_in_a_trapped_lift_is_told_again(wechat, session, site):
    wechat.say("o-what2", "电梯里有人 出不来")
    reply = wechat.say("o-what2", "我们该怎么办")
    [ticket] = tickets(session)
    assert phrase("advice_trapped") in reply and phrase("help_coming") in reply
    assert "租户补充：我们该怎么办" in notes(ticket)


def test_what_to_do_after_an_ordinary_repair_goes_on_it(wechat, session, site):
    wechat.say("o-what3", "L2-015 张三 13912345678 空调不制冷")
    reply = wechat.say("o-what3", "那怎么办")
    [ticket] = tickets(session)
    assert "租户补充：那怎么办" in notes(ticket) and ticket.number in reply
    assert phrase("help_coming") not in reply


def test_the_advice_repeated_to_a_question_is_for_the_danger_as_heard(wechat, session, site):
    wechat.say("o-heard", "楼道里一股很浓的煤期味")  # voice typing: 煤气味
    reply = wechat.say("o-heard", "报警了没有")
    [ticket] = tickets(session)
    assert ticket.urgent and phrase("advice_gas") in reply and phrase("advice_fire") not in reply
