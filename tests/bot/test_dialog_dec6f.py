"""What tenants write right after a report (issue 17, item 5): 「人呢」 chases it, a visit
asked for is about it, a correction corrects it; none opens a second ticket."""

from __future__ import annotations

import pytest

from nlp import taxonomy
from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


@pytest.mark.parametrize("chased", ["人呢", "你们人呢？", "人呢 快点", "人呢？？都半小时了", "师傅呢"])
def test_where_is_everyone_right_after_a_report_chases_it(wechat, session, site, chased):
    wechat.say("o-where", KNOWN)
    wechat.say("o-where", "卫生间漏水")
    [leak] = tickets(session)
    reply = wechat.say("o-where", chased)
    [leak] = tickets(session)
    assert phrase("chase_noted", number=leak.number) in reply and leak.status.label in reply
    assert notes(leak) == [f"租户催办：{chased}"]


def test_where_is_everyone_after_an_emergency_chases_the_emergency(wechat, session, site):
    wechat.say("o-where", KNOWN)
    wechat.say("o-where", "配电箱冒烟了")
    [smoke] = tickets(session)
    assert phrase("chase_noted", number=smoke.number) in wechat.say("o-where", "人呢")
    assert len(tickets(session)) == 1


def test_where_is_everyone_while_we_hold_the_report_asks_who_again(wechat, session, site):
    wechat.say("o-held", "空调不制冷")
    reply = wechat.say("o-held", "人呢")
    assert tickets(session) == []
    assert phrase("report_held") in reply and phrase("ask_name") in reply
    reply = wechat.say("o-held", KNOWN)
    [report] = tickets(session)
    assert report.code == "ENG-HVAC" and report.number in reply


def test_where_is_everyone_with_anger_of_its_own_is_still_a_complaint(wechat, session, site):
    wechat.say("o-angry", KNOWN)
    wechat.say("o-angry", "卫生间漏水")
    reply = wechat.say("o-angry", "人呢 搞什么啊 气死我了")
    leak, complaint = tickets(session)
    assert complaint.code == "SVC-SLOW" and complaint.emotion == "upset" and phrase("sympathy") in reply


@pytest.mark.parametrize("asked", ["能派个师傅过来看看吗", "师傅下午能上门吗", "可以上门修吗 我在店里", "现在能过来吗",
                                   "能不能安排师傅来一趟", "什么时候派人来"])
def test_a_visit_asked_for_right_after_a_report_is_about_that_report(wechat, session, site, asked):
    wechat.say("o-visit", KNOWN)
    wechat.say("o-visit", "空调不制冷")
    [report] = tickets(session)
    reply = wechat.say("o-visit", asked)
    [report] = tickets(session)
    assert notes(report) == [f"租户要求上门：{asked}"]
    assert phrase("joined_ticket", number=report.number) in reply and report.status.label in reply


def test_a_visit_asked_for_another_thing_is_a_report_of_its_own(wechat, session, site):
    wechat.say("o-visit", KNOWN)
    wechat.say("o-visit", "马桶堵了")
    wechat.say("o-visit", "能派人来修一下空调吗")
    toilet, aircon = tickets(session)
    assert aircon.code == "ENG-HVAC" and notes(toilet) == []


def test_the_price_of_a_visit_is_no_visit_asked_for(wechat, session, site):
    wechat.say("o-visit", KNOWN)
    wechat.say("o-visit", "空调不制冷")
    wechat.say("o-visit", "师傅上门要钱吗")
    assert not any(note.startswith("租户要求上门") for note in notes(tickets(session)[0]))


@pytest.mark.parametrize(("report", "correction", "code"), [
    ("马桶堵了", "不对 是天花板漏水", "ENG-LEAK"),
    ("灯坏了", "说错了 是空调坏了 不是灯", "ENG-HVAC"),
    ("水龙头坏了", "不是水龙头 是门锁坏了", "ENG-DOOR"),
])
def test_a_correction_right_after_a_report_corrects_it(wechat, session, site, report, correction, code):
    wechat.say("o-oops", KNOWN)
    wechat.say("o-oops", report)
    reply = wechat.say("o-oops", correction)
    [ticket] = tickets(session)  # the desk re-sends it: 待分诊, with what the tenant now says it is
    assert notes(ticket) == [f"租户更正：{correction}（按更正应为：{taxonomy.name_of(code)}）"]
    assert ticket.triage == "tenant_corrected"
    assert reply == phrase("correction_noted", number=ticket.number)


def test_a_correction_while_we_ask_who_corrects_the_report_we_hold(wechat, session, site):
    wechat.say("o-oops", "马桶堵了")
    reply = wechat.say("o-oops", "不对 是天花板漏水")
    assert tickets(session) == [] and phrase("report_held") in reply
    wechat.say("o-oops", KNOWN)
    [ticket] = tickets(session)
    assert ticket.code == "ENG-LEAK" and "马桶堵了" in ticket.content and "天花板漏水" in ticket.content


def test_a_new_fault_after_a_report_is_no_correction(wechat, session, site):
    wechat.say("o-oops", KNOWN)
    wechat.say("o-oops", "马桶堵了")
    wechat.say("o-oops", "还有天花板漏水")
    toilet, ceiling = tickets(session)
    assert ceiling.code == "ENG-LEAK" and notes(toilet) == []


def test_an_emergency_over_before_we_know_who_is_a_note_on_its_ticket(wechat, session, site):
    wechat.say("o-over", "电梯困人了 A座3号梯")
    [lift] = tickets(session)
    reply = wechat.say("o-over", "好了好了 自己出来了 不用来了")
    [lift] = tickets(session)
    assert phrase("cancel_noted", number=lift.number) in reply
    assert notes(lift) == ["租户表示不需要继续处理：好了好了 自己出来了 不用来了（请与租户确认后结案）"]


@pytest.mark.parametrize("who", ["", KNOWN])
def test_short_questions_after_a_question_go_on_it(wechat, session, site, who):
    if who:
        wechat.say("o-ask", who)
    wechat.say("o-ask", "请问装修要办什么手续")
    wechat.say("o-ask", "要交押金吗")
    reply = wechat.say("o-ask", "多少钱")
    [inquiry] = tickets(session)
    assert notes(inquiry) == ["租户追问：要交押金吗", "租户追问：多少钱"]
    assert phrase("joined_ticket", number=inquiry.number) in reply


@pytest.mark.parametrize("who", ["", KNOWN])
@pytest.mark.parametrize("place", ["B2层靠近电梯那", "负二楼电梯旁边", "B1车库出口那里"])
def test_where_the_emergency_is_said_as_a_place_goes_on_its_ticket(wechat, session, site, who, place):
    if who:
        wechat.say("o-place", who)
    wechat.say("o-place", "有人在停车场砸车窗!!")
    reply = wechat.say("o-place", place)
    [emergency] = tickets(session)
    assert notes(emergency) == [f"租户补充：{place}"] and phrase("help_coming") in reply


@pytest.mark.parametrize("building", ["在2号楼", "3栋2单元", "三楼", "在负二层", "在儿童乐园"])
def test_the_building_of_an_emergency_told_while_we_ask_who_goes_on_its_ticket(wechat, session, site, building):
    """「在2号楼」 after 「电梯里困了三个人」 was kept as the tenant's building only: the
    responders on their way never read where the lift is."""
    wechat.say("o-building", "电梯里困了三个人")
    wechat.say("o-building", building)
    [emergency] = tickets(session)
    assert emergency.urgent and notes(emergency) == [f"租户补充：{building}"]


def test_a_fault_on_a_floor_after_an_emergency_is_its_own_report(wechat, session, site):
    wechat.say("o-place", KNOWN)
    wechat.say("o-place", "有人在停车场砸车窗!!")
    wechat.say("o-place", "另外3楼厕所漏水")
    emergency, leak = tickets(session)
    assert leak.code == "ENG-PLUMB" and notes(emergency) == []


def test_a_fault_at_a_door_after_an_emergency_is_its_own_report(wechat, session, site):
    wechat.say("o-place", KNOWN)
    wechat.say("o-place", "有人在停车场砸车窗!!")
    wechat.say("o-place", "门口的灯不亮了")
    emergency, lamp = tickets(session)
    assert lamp.code == "ENG-ELEC" and notes(emergency) == []


@pytest.mark.parametrize("hurry", ["急 货车在等", "快点 我们等着呢"])
def test_a_short_hurry_right_after_a_ticket_chases_it(wechat, session, site, hurry):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", "能不能帮我们开一下消防通道的门 要搬货")
    [request] = tickets(session)
    reply = wechat.say("o-hurry", hurry)
    [request] = tickets(session)
    assert notes(request) == [f"租户催办：{hurry}"] and phrase("chase_noted", number=request.number) in reply


def test_a_hurry_naming_a_fault_is_a_report_of_its_own(wechat, session, site):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", "能不能帮我们开一下消防通道的门 要搬货")
    wechat.say("o-hurry", "急 楼上在漏水")
    request, leak = tickets(session)
    assert leak.category == "ENG" and notes(request) == []


@pytest.mark.parametrize("withdrawn", ["算了 不用了", "算了，不修了", "不用 修了"])
def test_calling_off_with_a_space_withdraws_the_report_we_hold(wechat, session, site, withdrawn):
    wechat.say("o-off", "空调不制冷")
    assert wechat.say("o-off", withdrawn) == phrase("report_withdrawn")
    assert tickets(session) == []


def test_a_floor_told_while_we_hold_a_report_goes_with_it(wechat, session, site):
    """「二楼」 after 「漏水了漏水了」, while we ask who is writing, was dropped (no substance
    alone); the engineer needs it."""
    wechat.say("o-floor", "漏水了漏水了")
    wechat.say("o-floor", "二楼")
    wechat.say("o-floor", "L2-015 王五 13811400003")
    [report] = tickets(session)
    assert report.content == "漏水了漏水了\n二楼"
