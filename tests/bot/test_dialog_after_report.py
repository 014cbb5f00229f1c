"""What tenants write after a report or a question, in words of their own: where the
technician is, a question that continues the one just asked, calling off a report we still
hold, and where an emergency is. Each reaches the ticket it belongs to; none opens another."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


@pytest.mark.parametrize("asked", ["师傅到哪了", "师傅现在到哪儿了", "维修的人到哪了", "师傅到哪里了",
                                   "师傅出发了吗", "师傅在路上了吗"])
def test_where_the_technician_is_is_the_open_tickets_progress(wechat, session, site, asked):
    wechat.say("o-where", KNOWN)
    wechat.say("o-where", "空调漏水 滴到货上了")
    [report] = tickets(session)
    reply = wechat.say("o-where", asked)
    assert report.number in reply and report.status.label in reply
    assert len(tickets(session)) == 1


def test_where_something_is_in_the_mall_is_still_a_question(wechat, session, site):
    wechat.say("o-where", KNOWN)
    reply = wechat.say("o-where", "母婴室在哪")
    assert phrase("progress_none") not in reply


@pytest.mark.parametrize("first, then", [("请问下周停水吗", "那停多久"),
                                         ("物业费可以微信交吗", "在哪里交"),
                                         ("停车场晚上几点关门", "那周末呢")])
def test_a_question_that_goes_on_from_the_last_joins_its_ticket(wechat, session, site, first, then):
    wechat.say("o-ask", KNOWN)
    wechat.say("o-ask", first)
    [asked] = tickets(session)
    reply = wechat.say("o-ask", then)
    assert [t.number for t in tickets(session)] == [asked.number]
    assert notes(tickets(session)[0]) == [f"租户追问：{then}"]
    assert phrase("joined_ticket", number=asked.number) in reply


def test_a_new_topic_after_a_question_is_a_ticket_of_its_own(wechat, session, site):
    wechat.say("o-ask", KNOWN)
    wechat.say("o-ask", "请问下周停水吗")
    wechat.say("o-ask", "卫生间的水龙头坏了")
    assert [t.code for t in tickets(session)] == ["SVC-INFO", "ENG-PLUMB"]


@pytest.mark.parametrize("off", ["算了 不用了 自己好了", "不用了 已经好了", "算了不报了"])
def test_calling_off_a_report_we_hold_withdraws_it(wechat, session, site, off):
    wechat.say("o-off", "灯不亮了")  # a new tenant: held while we ask who
    reply = wechat.say("o-off", off)
    assert phrase("report_withdrawn") in reply and phrase("ask_name") not in reply
    wechat.say("o-off", "谢谢")
    assert tickets(session) == []


def test_a_call_for_help_after_an_emergency_says_where_it_is(wechat, session, site):
    wechat.say("o-sos", "有人晕倒了!!!")
    [fainted] = tickets(session)
    reply = wechat.say("o-sos", "在一楼大厅 快来")
    assert [t.number for t in tickets(session)] == [fainted.number]
    assert notes(tickets(session)[0]) == ["租户补充：在一楼大厅 快来"]
    assert phrase("help_coming") in reply


def test_an_emergency_written_upset_is_promised_help_not_a_managers_answer(wechat, session, site):
    reply = wechat.say("o-sos", "有人晕倒了!!!")
    [fainted] = tickets(session)
    assert fainted.urgent and phrase("help_coming") in reply and phrase("escalate") not in reply


@pytest.mark.parametrize("worse", ["现在越来越大了 地上全是水", "水越流越多 已经漫到门口了"])
def test_a_follow_up_telling_the_report_got_worse_turns_it_urgent(wechat, session, site, worse):
    wechat.say("o-worse", KNOWN)
    wechat.say("o-worse", "卫生间漏水")
    reply = wechat.say("o-worse", worse)
    [leak] = tickets(session)
    assert leak.urgent and leak.status.name == "DISPATCHED" and phrase("help_coming") in reply


def test_a_follow_up_saying_it_is_small_leaves_the_report_as_it_was(wechat, session, site):
    wechat.say("o-worse", KNOWN)
    wechat.say("o-worse", "卫生间漏水")
    wechat.say("o-worse", "就是一点点 不着急")
    [leak] = tickets(session)
    assert not leak.urgent and notes(leak) == ["租户补充：就是一点点 不着急"]


def test_asked_who_more_of_the_flood_is_not_taken_for_a_name(wechat, session, site):
    wechat.say("o-flood", "地下车库水淹了 好多车泡在水里")  # a new tenant: opened at once, asked who
    wechat.say("o-flood", "水还在涨")
    [flood] = tickets(session)
    assert flood.complainant is None and notes(flood) == ["租户补充：水还在涨"]


def test_asked_who_a_fire_beside_the_flood_is_its_own_emergency_not_a_name(wechat, session, site):
    wechat.say("o-flood", "地下车库水淹了 好多车泡在水里")
    wechat.say("o-flood", "火很大")
    flood, fire = tickets(session)
    assert (flood.code, fire.code, fire.urgent) == ("ENG-PLUMB", "SEC-SAFE", True)
    assert flood.complainant is None and fire.complainant is None


@pytest.mark.parametrize("asked", ["你好 请问是物业吗", "请问是物业服务中心吗", "喂 是物业吗", "你们是物业公司吗",
                                   "这里是乐汇城物业吗"])
def test_asking_whether_this_is_the_property_office_is_a_greeting(wechat, session, site, asked):
    reply = wechat.say("o-hello", asked)
    assert phrase("offer_help") in reply and phrase("check_first") not in reply
    assert tickets(session) == []


def test_a_question_to_the_property_office_is_still_a_question(wechat, session, site):
    wechat.say("o-hello", KNOWN)
    reply = wechat.say("o-hello", "请问物业费是每月几号交")
    assert phrase("offer_help") not in reply


@pytest.mark.parametrize("corrected", ["不好意思 是L3-009 不是008", "搞错了 应该是L3-009", "L3-009"])
def test_the_unit_put_right_after_a_report_moves_the_ticket(wechat, session, site, corrected):
    wechat.say("o-unit", KNOWN)  # L3-008
    wechat.say("o-unit", "卫生间水龙头坏了")
    reply = wechat.say("o-unit", corrected)
    [report] = tickets(session)
    assert report.unit_code == "L3-009" and phrase("unit_corrected", number=report.number, unit="L3-009") in reply
    assert notes(report) == [f"租户补充：{corrected}"]


def test_the_same_unit_told_again_leaves_the_ticket_as_it_was(wechat, session, site):
    wechat.say("o-unit", KNOWN)
    wechat.say("o-unit", "卫生间水龙头坏了")
    reply = wechat.say("o-unit", "L3-008")
    [report] = tickets(session)
    assert report.unit_code == "L3-008" and phrase("joined_ticket", number=report.number) in reply


@pytest.mark.parametrize("oops", ["没事 发错了", "不好意思 发错了", "打错了", "不小心发的"])
def test_a_message_sent_by_mistake_opens_nothing(wechat, session, site, oops):
    wechat.say("o-oops", KNOWN)
    reply = wechat.say("o-oops", oops)
    assert tickets(session) == [] and phrase("check_first") not in reply


def test_an_apology_before_a_report_is_still_a_report(wechat, session, site):
    wechat.say("o-oops", KNOWN)
    wechat.say("o-oops", "不好意思 空调坏了")
    assert [t.code for t in tickets(session)] == ["ENG-HVAC"]


@pytest.mark.parametrize("excuse_me", ["不好意思", "打扰一下", "你好 不好意思"])
def test_excuse_me_alone_is_a_greeting_not_goodbye(wechat, session, site, excuse_me):
    reply = wechat.say("o-excuse", excuse_me)
    assert phrase("offer_help") in reply and phrase("goodbye") not in reply and tickets(session) == []
