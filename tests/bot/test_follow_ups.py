"""What a tenant writes after a report, in the words tenants use: when someone will come,
that nobody has come yet, that it is no longer needed. Each goes to the open ticket,
never into a second ticket for the desk."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


@pytest.mark.parametrize("asked", ["什么时候能来", "师傅几点能到", "还要多久", "大概什么时候过来", "多久能修好",
                                   "师傅来了吗", "人到了没", "师傅说要换个零件 要等几天吗"])
def test_when_someone_will_come_is_the_open_tickets_progress(wechat, session, site, asked):
    wechat.say("o-when", KNOWN)
    wechat.say("o-when", "卫生间漏水")
    [report] = tickets(session)
    reply = wechat.say("o-when", asked)
    assert report.number in reply and report.status.label in reply
    assert len(tickets(session)) == 1


def test_when_someone_will_come_with_nothing_open_says_so(wechat, session, site):
    wechat.say("o-when", KNOWN)
    assert phrase("progress_none") in wechat.say("o-when", "师傅几点能到")
    assert tickets(session) == []


@pytest.mark.parametrize("chased", ["人怎么还没到", "师傅还没来吗", "怎么还没人来"])
def test_nobody_come_yet_chases_the_open_ticket(wechat, session, site, chased):
    wechat.say("o-chase", KNOWN)
    wechat.say("o-chase", "楼道里有煤气味")
    [gas] = tickets(session)
    reply = wechat.say("o-chase", chased)
    assert phrase("chase_noted", number=gas.number) in reply
    assert notes(tickets(session)[0]) == [f"租户催办：{chased}"]


@pytest.mark.parametrize("chased", ["怎么还没人来 都两个小时了", "等了两个小时了 还没人来"])
def test_a_long_wait_for_an_ordinary_repair_is_a_chase_not_an_emergency(wechat, session, site, chased):
    wechat.say("o-wait", KNOWN)
    wechat.say("o-wait", "空调不制冷")
    [report] = tickets(session)
    reply = wechat.say("o-wait", chased)
    assert phrase("chase_noted", number=report.number) in reply
    assert len(tickets(session)) == 1 and not tickets(session)[0].urgent


def test_an_angry_chase_is_still_a_complaint_of_its_own(wechat, session, site):
    wechat.say("o-chase", KNOWN)
    wechat.say("o-chase", "卫生间漏水")
    reply = wechat.say("o-chase", "你们的人呢 怎么还没来 气死我了")
    first, complaint = tickets(session)
    assert complaint.code == "SVC-SLOW" and complaint.emotion == "upset" and phrase("sympathy") in reply


def test_calling_it_off_goes_on_the_ticket_whatever_else_is_said(wechat, session, site):
    wechat.say("o-off", KNOWN)
    wechat.say("o-off", "楼道里有煤气味")
    [gas] = tickets(session)
    reply = wechat.say("o-off", "不用来了 是隔壁在炖肉")
    assert phrase("cancel_noted", number=gas.number) in reply
    [gas] = tickets(session)
    assert notes(gas) == ["租户表示不需要继续处理：不用来了 是隔壁在炖肉（请与租户确认后结案）"]


def test_fixed_then_leaking_again_is_no_call_off(wechat, session, site):
    wechat.say("o-off", KNOWN)
    wechat.say("o-off", "卫生间水管漏水")
    reply = wechat.say("o-off", "上次修好了，又漏了")
    assert "结案" not in reply
    assert not any("不需要继续处理" in n for t in tickets(session) for n in notes(t))


def test_a_complaint_naming_nothing_right_after_a_report_goes_on_its_ticket(wechat, session, site):
    wechat.say("o-rat", "我是孙八 B1-003 13400006666")
    wechat.say("o-rat", "门口有只死老鼠")
    reply = wechat.say("o-rat", "好臭啊 快点来弄走")
    [ticket] = tickets(session)
    assert ticket.code == "ENV-PEST" and ticket.number in reply
    assert notes(ticket) == ["租户补充：好臭啊 快点来弄走"]


def test_a_complaint_naming_nothing_with_no_recent_report_opens_its_own(wechat, session, site):
    wechat.say("o-smell", "我是孙八 B1-003 13400006666")
    reply = wechat.say("o-smell", "好臭啊 快点来弄走")
    [ticket] = tickets(session)
    assert ticket.number in reply and notes(ticket) == []


@pytest.mark.parametrize("asked", ["监控能调吗", "能帮我查一下录像吗"])
def test_footage_asked_after_a_report_goes_on_it(wechat, session, site, asked):
    wechat.say("o-footage", KNOWN)
    wechat.say("o-footage", "昨天晚上有人把我车划了 停在B2")
    reply = wechat.say("o-footage", asked)
    [ticket] = tickets(session)
    assert ticket.code == "SEC-PARK" and notes(ticket) == [f"租户要求调取监控：{asked}"]
    assert reply == phrase("footage_noted", number=ticket.number)


def test_a_camera_out_of_order_is_still_a_report(wechat, session, site):
    wechat.say("o-camera", KNOWN)
    wechat.say("o-camera", "昨天晚上有人把我车划了 停在B2")
    wechat.say("o-camera", "B2的监控坏了 一直黑屏")
    assert [t.code for t in tickets(session)] == ["SEC-PARK", "ENG-WEAK"]


@pytest.mark.parametrize("guess", ["是不是楼上的空调", "会不会是楼上卫生间漏的", "可能是隔壁店的水管"])
def test_a_guess_at_the_cause_goes_on_the_report(wechat, session, site, guess):
    """「是不是楼上的空调」 right after 「天花板在滴水」 opened an air-conditioning ticket of
    its own; it is where staff look first."""
    wechat.say("o-guess", KNOWN)
    wechat.say("o-guess", "天花板在滴水 地上湿了一片")
    [report] = tickets(session)
    assert wechat.say("o-guess", guess) == phrase("joined_ticket", number=report.number)
    assert len(tickets(session)) == 1 and f"租户推测原因：{guess}" in notes(report)


def test_a_new_fault_said_as_a_guess_is_its_own_report(wechat, session, site):
    wechat.say("o-guess", KNOWN)
    wechat.say("o-guess", "天花板在滴水 地上湿了一片")
    wechat.say("o-guess", "好像是电梯又坏了 按了没反应")
    assert [t.code for t in tickets(session)] == ["ENG-LEAK", "ENG-LIFT"]
