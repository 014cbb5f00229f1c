"""The dialog never lets a report drop (issue 17, what to build §5), follow-ups: what a
tenant adds after a report and that names nothing of its own goes with that report (a
time to come, a danger around it, how it feels inside the lift just reported), rather
than a ticket of its own beside it."""

from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"
WHO = "王芳 13800001111 L2-015"


@pytest.mark.parametrize(("report", "code"), [("店门口地砖翘起来了", "ENG-CIVIL"), ("走廊的电线露出来了", "ENG-ELEC")])
def test_a_danger_around_the_report_we_hold_goes_with_it(wechat, session, site, report, code):
    wechat.say("o-held", report)
    wechat.say("o-held", "有小孩在旁边玩 很危险")
    wechat.say("o-held", WHO)
    [ticket] = tickets(session)
    assert ticket.code == code
    assert "小孩" in ticket.content + "".join(notes(ticket))


def test_a_problem_of_its_own_while_we_hold_a_report_is_its_own(wechat, session, site):
    wechat.say("o-held", "空调不制冷")
    wechat.say("o-held", "隔壁装修太吵了")
    wechat.say("o-held", WHO)
    aircon, noise = tickets(session)
    assert aircon.code == "ENG-HVAC" and noise.code != "ENG-HVAC"


@pytest.mark.parametrize(("report", "when"), [("卫生间水龙头坏了", "最好是晚上来 白天要营业"), ("空调不制冷", "明天上午来吧"),
                                              ("门锁坏了 关不上", "下午三点以后再来"), ("灯不亮", "周末过来就行"),
                                              ("空调不制冷", "我下午两点以后才在店里"), ("灯不亮", "对了 我们下午三点前都在")])
def test_when_to_come_is_a_note_on_the_report(wechat, session, site, report, when):
    wechat.say("o-when", KNOWN)
    wechat.say("o-when", report)
    reply = wechat.say("o-when", when)
    [ticket] = tickets(session)
    assert notes(ticket) == [f"租户希望的上门时间：{when}"]
    assert reply == phrase("visit_time_noted", number=ticket.number)


def test_when_to_come_goes_with_the_report_we_hold(wechat, session, site):
    wechat.say("o-when", "空调不制冷")
    reply = wechat.say("o-when", "明天上午来吧")
    assert tickets(session) == [] and phrase("report_held") in reply
    wechat.say("o-when", WHO)
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC" and "明天上午" in ticket.content


def test_a_time_beside_a_problem_of_its_own_is_that_problem(wechat, session, site):
    wechat.say("o-when", KNOWN)
    wechat.say("o-when", "空调不制冷")
    wechat.say("o-when", "晚上楼上很吵 睡不着")
    aircon, noise = tickets(session)
    assert noise.code == "SEC-NOISE" and notes(aircon) == []


def test_how_it_feels_inside_the_lift_just_reported_is_that_emergency(wechat, session, site):
    wechat.say("o-lift", KNOWN)
    wechat.say("o-lift", "电梯困人了 我在里面")
    reply = wechat.say("o-lift", "里面好热 喘不过气")
    [lift] = tickets(session)
    assert lift.code == "ENG-LIFT" and lift.urgent
    assert notes(lift) == ["租户补充：里面好热 喘不过气"] and phrase("help_coming") in reply


def test_a_calm_fault_of_its_own_after_an_emergency_is_its_own(wechat, session, site):
    wechat.say("o-lift", KNOWN)
    wechat.say("o-lift", "电梯困人了 我在里面")
    wechat.say("o-lift", "另外我们店空调不制冷")
    lift, aircon = tickets(session)
    assert lift.urgent and notes(lift) == [] and aircon.code == "ENG-HVAC" and not aircon.urgent


@pytest.mark.parametrize(("where", "fault", "code"), [("我们店", "空调不制冷", "ENG-HVAC"), ("我是二楼的", "卫生间漏水了", None),
                                                      ("我是三楼奶茶店的", "门锁坏了 关不上", "ENG-DOOR"),
                                                      ("我是一楼星巴克的", "空调不制冷", "ENG-HVAC"),
                                                      ("我是zara的", "试衣间的灯不亮了", None)])
def test_who_and_where_said_first_goes_with_the_fault_that_follows(wechat, session, site, where, fault, code):
    wechat.say("o-pieces", KNOWN)
    reply = wechat.say("o-pieces", where)
    assert tickets(session) == [] and reply == phrase("ask_what_problem")
    wechat.say("o-pieces", fault)
    [ticket] = tickets(session)
    assert ticket.triage is None and (code is None or ticket.code == code)
    assert where in ticket.content + "".join(notes(ticket))


def test_where_said_first_by_a_tenant_we_do_not_know_goes_with_the_fault(wechat, session, site):
    wechat.say("o-pieces", "我是二楼的")
    reply = wechat.say("o-pieces", "卫生间漏水了")
    assert tickets(session) == [] and phrase("ask_name") in reply
    wechat.say("o-pieces", WHO)
    [ticket] = tickets(session)
    assert ticket.triage is None and "二楼" in ticket.content and "漏水" in ticket.content


def test_where_said_first_then_an_emergency_is_one_urgent_ticket(wechat, session, site):
    wechat.say("o-pieces", "我们店")
    wechat.say("o-pieces", "电梯困人了 我在里面")
    wechat.say("o-pieces", WHO)
    [lift] = tickets(session)
    assert lift.urgent and lift.code == "ENG-LIFT" and "我们店" in "".join(notes(lift))


@pytest.mark.parametrize("who", ["", KNOWN])
def test_a_phone_battery_dying_is_no_power_fault(wechat, session, site, who):
    if who:
        wechat.say("o-phone", who)
    wechat.say("o-phone", "我是里面的人 手机快没电了")
    [ticket] = tickets(session) or [None]
    if ticket is None:  # held while we ask who: it opens when the conversation expires
        from datetime import timedelta

        from models import utcnow
        from workflow.held_reports import flush_expired

        flush_expired(session, utcnow() + timedelta(hours=1))
        session.commit()
        [ticket] = tickets(session)
    assert ticket.code != "ENG-ELEC" and ticket.triage is not None  # a person reads what it is


def test_a_socket_with_no_power_is_still_the_power(wechat, session, site):
    wechat.say("o-phone", KNOWN)
    wechat.say("o-phone", "插座没电了 手机充不了电")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-ELEC"


@pytest.mark.parametrize("said", ["你好 我是5栋的业主", "物业你好 我们是12楼的"])
def test_who_and_where_after_a_greeting_waits_for_the_fault(wechat, session, site, said):
    reply = wechat.say("o-hello", said)
    assert tickets(session) == [] and phrase("ask_what_problem") in reply
