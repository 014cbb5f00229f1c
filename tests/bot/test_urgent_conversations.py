"""Urgency through a conversation of several messages: a report that turns dangerous, a
danger written while the bot waits for an answer, a chase carrying a new danger. Whatever
came before, the danger ends on an urgent ticket sent to its department at once, and the
tenant reads the standard's urgent reply (…将在30分钟内到场), never 「没有听清楚」."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

import workflow
from fakewechat.signing import build_voice
from models import Outbox, Role, Status, utcnow
from tests.bot.conftest import OFFICIAL, closed_with_survey, next_msg_id, notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"
UNCLEAR = "没有听清楚"


def assert_urgent_answered(reply: str, ticket) -> None:
    assert ticket.urgent and ticket.status == Status.DISPATCHED, (ticket.code, ticket.urgent, ticket.status)
    assert ticket.number in reply and "30分钟内到场" in reply, reply
    assert UNCLEAR not in reply


def urgent_tickets(session) -> list:
    return [t for t in tickets(session) if t.urgent]


def dispatch_notes(ticket) -> list:
    return [e.note for e in ticket.events if e.action == "dispatch"]


@pytest.mark.parametrize("report, worse", [
    ("卫生间漏水", "水漫到店里了"), ("卫生间漏水", "水越来越大了 都流到走廊了"),
    ("楼上一直在漏水", "已经滴到我的货架上了"), ("楼上一直在漏水", "水已经淹到隔壁店里了"),
])
def test_a_leak_that_turns_dangerous_turns_its_ticket_urgent(wechat, session, site, report, worse):
    wechat.say("o-worse", KNOWN)
    wechat.say("o-worse", report)
    reply = wechat.say("o-worse", worse)
    [leak] = tickets(session)
    assert_urgent_answered(reply, leak)
    assert phrase("help_coming") in reply
    assert leak.active_dispatch.department.name == "工程部" and leak.due_at <= utcnow() + timedelta(minutes=31)
    assert dispatch_notes(leak) == [f"租户补充，转为紧急：{worse}"]


def test_a_leak_that_stays_calm_is_a_note_on_its_ticket(wechat, session, site):
    wechat.say("o-calm", KNOWN)
    wechat.say("o-calm", "卫生间漏水")
    reply = wechat.say("o-calm", "水还在滴 不是很大")
    [leak] = tickets(session)
    assert not leak.urgent and leak.status == Status.NEW and phrase("joined_ticket", number=leak.number) in reply


def test_a_job_under_way_is_not_taken_from_its_engineer_the_danger_has_its_own(wechat, session, site, make):
    engineer = make.staff(Role.ENGINEER, "工程部", sites=[site])
    wechat.say("o-busy", KNOWN)
    wechat.say("o-busy", "卫生间漏水")
    [leak] = tickets(session)
    workflow.dispatch(session, leak, make.staff(Role.DESK, "客服部", sites=[site]), assignee=engineer)
    workflow.start(session, leak, engineer)
    session.commit()
    reply = wechat.say("o-busy", "水漫到店里了")
    leak, urgent = tickets(session)
    assert leak.status == Status.IN_PROGRESS and not leak.urgent
    assert_urgent_answered(reply, urgent)


def test_a_leak_that_turns_dangerous_in_other_words_is_urgent(wechat, session, site):
    wechat.say("o-worse", KNOWN)
    wechat.say("o-worse", "卫生间漏水")
    reply = wechat.say("o-worse", "现在水喷出来了 越来越大")
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)


def test_a_leak_then_smoke_is_urgent_for_the_smoke(wechat, session, site):
    wechat.say("o-smoke", KNOWN)
    wechat.say("o-smoke", "卫生间漏水")
    reply = wechat.say("o-smoke", "冒烟了")
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)


@pytest.mark.parametrize("chase", ["师傅还没来 水已经淹到隔壁了", "人还没到 水越来越大了", "怎么还没人来 水都漫到走廊了"])
def test_a_chase_carrying_a_danger_turns_the_chased_report_urgent(wechat, session, site, chase):
    wechat.say("o-chase", KNOWN)
    wechat.say("o-chase", "卫生间漏水")
    reply = wechat.say("o-chase", chase)
    [leak] = tickets(session)
    assert_urgent_answered(reply, leak)
    assert leak.active_dispatch.department.name == "工程部"
    assert dispatch_notes(leak) == [f"租户补充，转为紧急：{chase}"]


def test_a_dangerous_chase_of_a_job_under_way_opens_its_own_for_the_same_department(wechat, session, site, make):
    engineer = make.staff(Role.ENGINEER, "工程部", sites=[site])
    wechat.say("o-chase", KNOWN)
    wechat.say("o-chase", "卫生间漏水")
    [leak] = tickets(session)
    workflow.dispatch(session, leak, make.staff(Role.DESK, "客服部", sites=[site]), assignee=engineer)
    workflow.start(session, leak, engineer)
    session.commit()
    chase = "师傅还没来 水已经淹到隔壁了"
    reply = wechat.say("o-chase", chase)
    leak, urgent = tickets(session)
    assert_urgent_answered(reply, urgent)
    assert (urgent.code, urgent.content, urgent.department.name) == (leak.code, chase, "工程部")
    assert notes(leak) == [f"租户催办：{chase}（情况紧急，已另开紧急工单 {urgent.number}）"]


def test_a_chase_carrying_a_danger_of_a_held_report_sends_its_department(wechat, session, site):
    wechat.say("o-chase", "卫生间漏水")  # held: we do not know who this is yet
    reply = wechat.say("o-chase", "师傅还没来 水已经淹到隔壁了")
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)
    assert urgent.code == "ENG-PLUMB" and urgent.department.name == "工程部"


@pytest.mark.parametrize("chase", ["师傅还没来 水已经淹到隔壁了", "人呢 还没到 水都漫到走廊了"])
def test_a_danger_growing_on_an_urgent_ticket_nobody_reached_goes_to_the_supervisors(wechat, session, site, chase):
    wechat.say("o-burst", KNOWN)
    wechat.say("o-burst", "水管爆了 水一直在喷")
    reply = wechat.say("o-burst", chase)
    [burst] = tickets(session)
    assert burst.urgent and burst.supervisor_flag and notes(burst) == [f"租户催办：{chase}"]
    assert phrase("escalate") in reply and phrase("chase_noted", number=burst.number) in reply
    told = session.scalars(sa.select(Outbox.payload).where(Outbox.kind == "notify_staff")).all()
    assert any(p.get("event") == "reported" and chase in p.get("reason", "") for p in told)


def test_the_danger_again_on_its_urgent_ticket_is_told_help_is_coming(wechat, session, site):
    wechat.say("o-again", KNOWN)
    wechat.say("o-again", "水管爆了 水一直在喷")
    reply = wechat.say("o-again", "快点啊 水越来越大了")
    [burst] = tickets(session)
    assert reply == "\n".join([phrase("help_coming"), phrase("joined_ticket", number=burst.number)])
    assert notes(burst) == ["租户补充：快点啊 水越来越大了"]


def test_a_calm_chase_is_still_a_note_on_the_open_report(wechat, session, site):
    wechat.say("o-chase", KNOWN)
    wechat.say("o-chase", "卫生间漏水")
    reply = wechat.say("o-chase", "师傅还没来 水还在滴")
    [leak] = tickets(session)
    assert phrase("chase_noted", number=leak.number) in reply and not leak.urgent


def test_a_held_report_that_turns_dangerous_opens_an_urgent_ticket_before_we_know_who(wechat, session, site):
    wechat.say("o-held", "卫生间漏水")
    assert tickets(session) == []
    reply = wechat.say("o-held", "水漫到店里了")
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)


@pytest.mark.parametrize("danger", ["电梯困人了 里面有小孩", "L2-015 着火了", "我是张三 店里冒烟了"])
def test_a_danger_while_we_ask_who_is_not_an_answer(wechat, session, site, danger):
    wechat.say("o-who", "店里空调不制冷")
    reply = wechat.say("o-who", danger)
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)


@pytest.mark.parametrize("danger", ["不同意 电梯困人了", "确认 水管爆了 快来", "好的 着火了", "180太贵了 先别管这个 配电箱冒烟了"])
def test_a_danger_while_a_quote_waits_is_not_its_answer(wechat, session, site, make, danger):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-quote", KNOWN)
    wechat.say("o-quote", "店里空调不制冷")
    [quoted] = tickets(session)
    workflow.dispatch(session, quoted, desk)
    workflow.quote(session, quoted, desk, amount="180", description="更换电容")
    session.commit()
    reply = wechat.say("o-quote", danger)
    [urgent] = urgent_tickets(session)
    assert urgent.id != quoted.id
    assert_urgent_answered(reply, urgent)
    session.expire_all()
    assert quoted.status == Status.QUOTED


@pytest.mark.parametrize("danger, score", [
    ("1 水又漏了 现在喷出来了", 1), ("3分 插座冒烟了", 3), ("差评 电梯又困人了", 1), ("非常不满意 又着火了", 1),
])
def test_a_danger_while_a_survey_waits_is_answered_as_a_danger(wechat, session, site, make, danger, score):
    _, survey = closed_with_survey(wechat, session, site, make)
    reply = wechat.say("o-survey", danger)
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)
    session.expire_all()
    assert survey.score == score  # a score given with the danger is kept (差评 is the lowest)


@pytest.mark.parametrize("calm", ["1 水还是有点渗", "2分 插座还是不通电"])
def test_a_low_score_with_a_calm_complaint_is_still_the_score(wechat, session, site, make, calm):
    _, survey = closed_with_survey(wechat, session, site, make)
    assert wechat.say("o-survey", calm) == phrase("survey_sorry")
    session.expire_all()
    assert survey.answered_at is not None and urgent_tickets(session) == []


@pytest.mark.parametrize("danger", ["我要报修 电梯困人了", "报修 水管爆了"])
def test_a_danger_after_the_menu_is_urgent(wechat, session, site, danger):
    wechat.say("o-menu", KNOWN)
    wechat.event("o-menu", "CLICK", "REPAIR")
    reply = wechat.say("o-menu", danger)
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)


@pytest.mark.parametrize("danger", ["不用修了 电梯困人了", "取消报修 现在水管爆了"])
def test_a_danger_after_calling_off_is_urgent(wechat, session, site, danger):
    wechat.say("o-off", KNOWN)
    wechat.say("o-off", "店里空调不制冷")
    wechat.say("o-off", "不用修了")
    reply = wechat.say("o-off", danger)
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(reply, urgent)


def test_a_danger_of_another_kind_never_joins_the_open_ticket(wechat, session, site):
    wechat.say("o-other", KNOWN)
    wechat.say("o-other", "水管爆了 水一直在喷")
    [burst] = tickets(session)
    reply = wechat.say("o-other", "电梯里也困人了")
    burst, lift = tickets(session)
    assert lift.code == "ENG-LIFT"
    assert_urgent_answered(reply, lift)
    assert notes(burst) == []


def test_two_tenants_reporting_the_same_fire_each_get_an_urgent_ticket(wechat, session, site):
    first = wechat.say("o-one", "B1停车场着火了")
    second = wechat.say("o-two", "B1车库起火了 好大的烟")
    one, two = tickets(session)
    assert_urgent_answered(first, one)
    assert_urgent_answered(second, two)


def test_a_danger_in_a_voice_message_is_urgent(wechat, session, site):
    doc = wechat.reply(build_voice("o-voice", OFFICIAL, "m1", next_msg_id(), recognition="电梯关人了快点来人啊"))
    [urgent] = urgent_tickets(session)
    assert_urgent_answered(doc["Content"], urgent)


def test_the_same_danger_sent_twice_is_one_urgent_ticket(wechat, session, site):
    msg_id = next_msg_id()
    first = wechat.say("o-twice", "水管爆了 水一直在喷", msg_id=msg_id)
    again = wechat.say("o-twice", "水管爆了 水一直在喷", msg_id=msg_id)
    [urgent] = tickets(session)
    assert_urgent_answered(first, urgent)
    assert urgent.number in again
    other = wechat.say("o-twice", "水管爆了 水一直在喷")  # typed again: a new MsgId
    [urgent] = tickets(session)
    assert phrase("help_coming") in other and urgent.number in other
