"""A tenant writes in pieces: an opener before the report, words between the questions
of who they are, a held report and then an emergency. Nothing is dropped, and no ticket
is opened with nothing in it."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Message
from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


@pytest.mark.parametrize("text, prompt", [
    ("我要报修", "menu_repair"), ("报修", "menu_repair"), ("你好，我要报修！", "menu_repair"),
    ("我要投诉", "menu_complaint"), ("想反映个问题", "menu_complaint"), ("我想反映一下情况", "menu_complaint"),
    ("你好 我想问下", "offer_help"), ("请问", "offer_help"), ("咨询一下", "offer_help"),
])
def test_an_opener_is_answered_with_the_prompt_and_opens_no_ticket(wechat, session, site, text, prompt):
    wechat.say("o-opener", KNOWN)
    reply = wechat.say("o-opener", text)
    assert phrase(prompt) in reply
    assert tickets(session) == []


@pytest.mark.parametrize("text, code", [
    ("我要报修 空调不制冷", "ENG-HVAC"), ("我要投诉隔壁装修太吵", "SEC-NOISE"), ("我想问一下物业费怎么交", "FEE-BILL"),
])
def test_an_opener_with_the_report_in_it_opens_the_ticket(wechat, session, site, text, code):
    wechat.say("o-opener", KNOWN)
    wechat.say("o-opener", text)
    [ticket] = tickets(session)
    assert ticket.code == code


def test_words_between_the_questions_of_who_go_on_the_emergency_ticket(wechat, session, site):
    wechat.say("o-valve", "水管爆了 水一直在喷")
    [burst] = tickets(session)
    reply = wechat.say("o-valve", "水闸已经关了 暂时没事了")
    assert notes(tickets(session)[0]) == ["租户补充：水闸已经关了 暂时没事了"]
    assert burst.number in reply and phrase("ask_phone") in reply


def test_words_between_the_questions_of_who_go_with_the_held_report(wechat, session, site):
    wechat.say("o-held", "店里空调不制冷")
    assert tickets(session) == []
    reply = wechat.say("o-held", "下午三点以后店里有人")
    assert phrase("report_held") in reply
    wechat.say("o-held", KNOWN)
    [report] = tickets(session)
    assert report.code == "ENG-HVAC"
    assert report.content == "店里空调不制冷\n下午三点以后店里有人"
    filed = session.scalars(sa.select(Message.content).where(Message.ticket_id == report.id)).all()
    assert set(filed) >= {"店里空调不制冷", "下午三点以后店里有人"}


def test_a_held_report_then_an_emergency_both_open_once_we_know_who(wechat, session, site):
    wechat.say("o-both", "店里空调不制冷")
    wechat.say("o-both", "水管爆了 水一直在喷")
    [burst] = tickets(session)
    assert burst.urgent and burst.code == "ENG-PLUMB"
    reply = wechat.say("o-both", "我是张三 13800001111 L2-015")
    burst, held = tickets(session)
    assert (held.code, held.urgent, held.content) == ("ENG-HVAC", False, "店里空调不制冷")
    assert burst.number in reply and held.number in reply


def test_a_held_report_about_the_emergency_goes_on_its_ticket(wechat, session, site):
    wechat.say("o-same", "厕所水管有点漏")
    wechat.say("o-same", "水管爆了 水一直在喷")
    wechat.say("o-same", "我是张三 13800001111 L2-015")
    [burst] = tickets(session)
    assert burst.urgent and notes(burst) == ["租户此前反映：厕所水管有点漏"]
    held = session.scalar(sa.select(Message).where(Message.content == "厕所水管有点漏"))
    assert held.ticket_id == burst.id


@pytest.mark.parametrize("declined", ["不想说 你们直接来修就行", "为什么要告诉你这些", "电话不方便留"])
def test_a_tenant_who_would_rather_not_say_who_gets_the_report_opened(wechat, session, site, declined):
    wechat.say("o-shy", "我家卫生间天花板在滴水")
    assert tickets(session) == []
    reply = wechat.say("o-shy", declined)
    [report] = tickets(session)
    assert report.code == "ENG-LEAK" and report.complainant is None
    assert phrase("identity_declined") in reply and report.number in reply
    reply = wechat.say("o-shy", "下午都有人在家")
    assert phrase("ask_name") not in reply  # asked no more


def test_declining_after_an_emergency_opened_opens_nothing_more(wechat, session, site):
    wechat.say("o-shy", "水管爆了 水一直在喷")
    reply = wechat.say("o-shy", "不想说")
    [burst] = tickets(session)
    assert phrase("identity_declined") in reply and burst.number in reply


def test_a_known_tenant_saying_just_come_and_fix_it_reports_as_ever(wechat, session, site):
    wechat.say("o-known", KNOWN)
    wechat.say("o-known", "空调不制冷 直接来修就行")
    [report] = tickets(session)
    assert report.code == "ENG-HVAC"


def test_declining_keeps_a_report_held_before_the_emergency(wechat, session, site):
    wechat.say("o-shy", "店里空调不制冷")
    wechat.say("o-shy", "水管爆了 水一直在喷")
    reply = wechat.say("o-shy", "不想说")
    burst, held = tickets(session)
    assert burst.urgent and (held.code, held.content) == ("ENG-HVAC", "店里空调不制冷")
    assert burst.number in reply and held.number in reply


@pytest.mark.parametrize("text", ["你们电话多少", "物业电话是多少", "服务中心在哪", "怎么联系你们", "物业办公室在几楼"])
def test_the_centres_phone_or_address_asked_is_answered_at_once(wechat, session, site, text):
    reply = wechat.say("o-contact", text)
    assert site.phone in reply and site.address in reply
    assert tickets(session) == []


def test_the_phone_asked_beside_a_report_still_opens_the_report(wechat, session, site):
    wechat.say("o-contact", KNOWN)
    reply = wechat.say("o-contact", "客服电话多少 我家卫生间漏水了")
    [ticket] = tickets(session)
    assert ticket.number in reply
