"""A person asked for (转人工, 人工客服, 我要跟真人说话) gets one: the desk is called on the report
just made, or the words wait on the 待分诊 list as 要求人工; never praise, a complaint about the
staff or 「没有听清楚」. 「你是机器人吗」 is answered with what the bot is and how to reach a person."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 王敏 13811112222"


@pytest.mark.parametrize("asked", ["转人工", "人工客服", "我要跟真人说话", "人工"])
def test_a_person_asked_with_nothing_open_waits_on_the_triage_list(wechat, session, site, asked):
    wechat.say("o-human", KNOWN)
    reply = wechat.say("o-human", asked)
    [ticket] = tickets(session)
    assert ticket.triage == "human_asked" and ticket.content == asked and ticket.desk_call_due
    assert reply.splitlines()[-1] == phrase("human_coming", site, number=ticket.number)


def test_a_person_asked_after_a_report_calls_the_desk_on_it(wechat, session, site):
    wechat.say("o-human", KNOWN)
    wechat.say("o-human", "空调不制冷")
    reply = wechat.say("o-human", "我要跟真人说话")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC" and ticket.desk_call_due and ticket.triage is None
    assert notes(ticket) == ["租户要求人工服务：我要跟真人说话"]
    assert reply == phrase("human_coming", site, number=ticket.number)


def test_a_person_asked_while_we_ask_who_opens_the_held_report(wechat, session, site):
    wechat.say("o-held", "卫生间水龙头坏了 一直滴水")
    reply = wechat.say("o-held", "转人工")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-PLUMB" and "水龙头" in ticket.content and ticket.number in reply


@pytest.mark.parametrize("asked", ["你是机器人吗", "是自动回复吗"])
def test_the_bot_says_what_it_is(wechat, session, site, asked):
    reply = wechat.say("o-bot", asked)
    assert phrase("bot_introduced", site) in reply and tickets(session) == []



def test_saying_one_is_a_person_is_not_asking_for_one(wechat, session, site):
    wechat.say("o-report", "我是真人 不是机器人 快帮我修空调 L3-008 王敏 13811112222")
    [ticket] = tickets(session)
    assert ticket.triage != "human_asked"


def test_a_report_with_a_person_asked_is_the_report_and_calls_the_desk(wechat, session, site):
    wechat.say("o-report", KNOWN)
    wechat.say("o-report", "空调不制冷 转人工")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC" and ticket.triage is None and ticket.desk_call_due


def test_a_person_asked_is_filed_under_no_code(wechat, session, site):
    wechat.say("o-code", KNOWN)
    wechat.say("o-code", "能不能找个真人客服 我有事要问")
    [ticket] = tickets(session)
    assert (ticket.code, ticket.intent, ticket.triage) == ("OTHER", "other", "human_asked")


def test_man_or_machine_asked_is_answered(wechat, session, site):
    assert phrase("bot_introduced", site) in wechat.say("o-bot", "你是人还是机器")


def test_where_held_then_a_person_asked_is_filed_as_asking_for_one(wechat, session, site):
    wechat.say("o-where", "我是二楼星巴克的")
    wechat.say("o-where", "转人工")
    [ticket] = tickets(session)
    assert ticket.triage == "human_asked"


def test_a_first_message_asking_for_a_person_is_greeted(wechat, session, site):
    reply = wechat.say("o-first", "转人工")
    assert reply.splitlines()[0] == phrase("greeting", site, centre=site.name)
