"""Conversations where a report used to drop (issue 17, item 5): two dangers before we
know who is writing, a panicked chase after a leak, a danger given as a survey's answer,
a voice message WeChat could not read, two problems in one message."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from fakewechat.signing import build_voice
from models import Message, Outbox, Status, utcnow
from tests.bot.conftest import OFFICIAL, closed_with_survey, next_msg_id, notes, tickets
from workflow.held_reports import flush_expired
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


def test_two_dangers_before_we_know_who_both_get_the_contact(wechat, session, site):
    wechat.say("o-two", "电梯困人了 快来")
    wechat.say("o-two", "B1车库着火了")
    wechat.say("o-two", KNOWN)
    lift, fire = tickets(session)
    assert lift.urgent and fire.urgent and lift.code != fire.code
    for ticket in (lift, fire):
        assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("李娜", "13900002222", "L3-008"), ticket.number


def test_a_panicked_chase_after_a_leak_turns_that_leak_urgent(wechat, session, site):
    wechat.say("o-panic", KNOWN)
    wechat.say("o-panic", "卫生间漏水")
    reply = wechat.say("o-panic", "快来人啊 越来越严重了")
    [leak] = tickets(session)
    assert leak.urgent and leak.status == Status.DISPATCHED
    assert leak.number in reply and "30分钟内到场" in reply


@pytest.mark.parametrize("hurry", ["麻烦快点安排 下午店里要用", "快点来"])
def test_a_hurry_after_a_leak_leaves_it_ordinary(wechat, session, site, hurry):
    wechat.say("o-calm", KNOWN)
    wechat.say("o-calm", "卫生间漏水")
    wechat.say("o-calm", hurry)
    leak = tickets(session)[0]
    assert leak.code == "ENG-PLUMB" and not leak.urgent


def test_a_danger_given_as_a_survey_answer_keeps_its_score(wechat, session, site, make):
    _, survey = closed_with_survey(wechat, session, site, make)
    reply = wechat.say("o-survey", "3分 插座冒烟了")
    done, urgent = tickets(session)
    assert urgent.urgent and urgent.number in reply
    session.expire_all()
    assert (survey.score, survey.comment, survey.answer_channel) == (3, "插座冒烟了", "chat")


def voice(wechat, openid: str, recognition: str | None = None) -> str:
    return wechat.reply(build_voice(openid, OFFICIAL, "media-v1", next_msg_id(), recognition=recognition))["Content"]


def test_an_unrecognised_voice_of_a_known_tenant_reaches_a_person(wechat, session, site):
    wechat.say("o-voice", KNOWN)
    reply = voice(wechat, "o-voice", "")
    assert phrase("voice_unrecognised") in reply
    held = session.scalar(sa.select(Message).where(Message.msg_type == "voice"))
    flush_expired(session, utcnow() + timedelta(hours=1))
    session.commit()
    [ticket] = tickets(session)
    assert "语音" in ticket.content
    queued = session.scalars(sa.select(Outbox.payload).where(Outbox.kind == "download_media")).all()
    assert {"message_id": held.id} in queued


def test_an_unrecognised_voice_after_a_report_goes_on_that_report(wechat, session, site):
    wechat.say("o-voice", KNOWN)
    wechat.say("o-voice", "卫生间漏水")
    reply = voice(wechat, "o-voice", "")
    [leak] = tickets(session)
    assert phrase("voice_unrecognised") in reply and phrase("voice_attached", number=leak.number) in reply
    assert any("语音" in n for n in notes(leak))


@pytest.mark.parametrize("text", ["空调不制冷 另外门口灯也坏了", "门口灯不亮 顺便说下空调也不制冷"])
def test_two_problems_in_one_message_open_a_ticket_each(wechat, session, site, text):
    wechat.say("o-both", KNOWN)
    reply = wechat.say("o-both", text)
    hvac, lamp = sorted(tickets(session), key=lambda t: t.code != "ENG-HVAC")
    assert (hvac.code, lamp.code) == ("ENG-HVAC", "ENG-ELEC")
    assert "空调" in hvac.content and "灯" in lamp.content and "灯" not in hvac.content
    assert hvac.number in reply and lamp.number in reply and reply.count(phrase("help_coming")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "电梯困人了 还有人在里面",
        "空调不制冷 还有空调在滴水",
        "空调不制冷，门口灯也坏了",
        "被困在电梯里了 还有灯也灭了",
        "停电了 另外电梯也停了",
    ],
)
def test_more_words_about_the_same_thing_stay_one_report(wechat, session, site, text):
    wechat.say("o-one", KNOWN)
    wechat.say("o-one", text)
    [ticket] = tickets(session)
    assert ticket.content == text


def test_two_problems_before_we_know_who_both_get_the_contact(wechat, session, site):
    wechat.say("o-new", "空调不制冷 另外门口灯也坏了")
    wechat.say("o-new", KNOWN)
    found = tickets(session)
    assert sorted(t.code for t in found) == ["ENG-ELEC", "ENG-HVAC"]
    for ticket in found:
        assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("李娜", "13900002222", "L3-008"), ticket.code


def test_a_danger_and_another_fault_in_one_message_both_reach_staff(wechat, session, site):
    wechat.say("o-mix", KNOWN)
    reply = wechat.say("o-mix", "水管爆了 另外电梯也困人了")
    burst, lift = tickets(session)
    assert (burst.code, lift.code) == ("ENG-PLUMB", "ENG-LIFT") and burst.urgent and lift.urgent
    assert burst.number in reply and lift.number in reply


def test_a_report_held_while_we_ask_who_reaches_the_emergency_that_follows(wechat, session, site):
    wechat.say("o-held", "物业吗 B座电梯又坏了")  # held: we ask who this is
    wechat.say("o-held", "关在里面两个人")
    [lift] = tickets(session)
    assert lift.urgent and lift.code == "ENG-LIFT"
    assert "B座电梯又坏了" in lift.content or any("B座电梯又坏了" in n for n in notes(lift)), notes(lift)


def test_a_held_report_of_another_fault_opens_beside_the_emergency(wechat, session, site):
    wechat.say("o-held", "店里空调不制冷")
    wechat.say("o-held", "电梯困人了 快来")
    wechat.say("o-held", KNOWN)
    codes = sorted(t.code for t in tickets(session))
    assert codes == ["ENG-HVAC", "ENG-LIFT"], codes
