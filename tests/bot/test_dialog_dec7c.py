"""Conversations sent through the webhook as tenants would (7 December, later): an anger
about the ticket just chased, the desk's number asked with 客服 in it, and who the tenant
is told after a question's ticket opened."""
from __future__ import annotations

import pytest

import workflow
from models import Role, Status
from tests.bot.conftest import closed_with_survey, notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 孙丽 13733334444"


@pytest.mark.parametrize("anger", ["你们到底管不管", "什么破服务 到底有没有人管"])
def test_anger_after_a_chase_goes_to_the_supervisors(wechat, session, site, anger):
    wechat.say("o-angry", KNOWN)
    wechat.say("o-angry", "空调不制冷")
    wechat.say("o-angry", "都两个小时了 怎么还没人来")
    reply = wechat.say("o-angry", anger)
    [ticket] = tickets(session)
    assert ticket.supervisor_flag and f"租户不满：{anger}" in notes(ticket)
    assert phrase("sympathy") in reply and phrase("escalate") in reply and ticket.number in reply


def test_a_calm_word_after_a_report_is_still_a_note(wechat, session, site):
    wechat.say("o-calm", KNOWN)
    wechat.say("o-calm", "空调不制冷")
    reply = wechat.say("o-calm", "麻烦尽快")
    [ticket] = tickets(session)
    assert not ticket.supervisor_flag and phrase("escalate") not in reply


@pytest.mark.parametrize("asked", ["你们客服电话多少", "客服电话是多少"])
def test_the_desks_number_asked_is_answered(wechat, session, site, asked):
    reply = wechat.say("o-number", asked)
    assert site.phone in reply and tickets(session) == []


def test_who_told_after_a_questions_ticket_goes_on_it(wechat, session, site):
    wechat.say("o-borrow", "请问能借一下推车吗 我们要搬货")
    reply = wechat.say("o-borrow", "L2-015 何 13566667777")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("何先生/女士", "13566667777", "L2-015")
    assert ticket.number in reply



@pytest.mark.parametrize("visitor", ["我是顾客 不是租户 电话13900001234", "我只是来逛街的 13900001234"])
def test_a_shopper_is_not_asked_for_a_shop_number(wechat, session, site, visitor):
    wechat.say("o-shopper", "我要投诉你们的保安 态度太恶劣了 还推了我一把")
    reply = wechat.say("o-shopper", visitor)
    assert phrase("ask_unit") not in reply and phrase("ask_name") in reply
    reply = wechat.say("o-shopper", "我姓林")
    assert phrase("ask_unit") not in reply
    assert [(t.complainant, t.phone) for t in tickets(session)] == [("林先生/女士", "13900001234")]


def test_a_tenant_is_still_asked_for_the_shop_number(wechat, session, site):
    wechat.say("o-tenant", "我要投诉你们的保安 态度太恶劣了 还推了我一把")
    reply = wechat.say("o-tenant", "林 13900001234")
    assert phrase("ask_unit") in reply


def test_a_building_then_a_flat_make_one_unit(wechat, session, site):
    # residents say the building first, the flat when asked again
    wechat.say("o-flat", "楼道里的声控灯不亮 晚上下楼看不见")
    wechat.say("o-flat", "7号楼3单元")
    reply = wechat.say("o-flat", "我是702的 钱 13611112222")
    [ticket] = tickets(session)
    assert ticket.unit_code == "7-3-702" and phrase("ask_unit", site) not in reply
    assert "7号楼3单元" in ticket.content


def test_a_flat_number_without_a_building_is_no_unit(wechat, session, site):
    wechat.say("o-flat2", "楼道里的声控灯不亮 晚上下楼看不见")
    wechat.say("o-flat2", "我是702的 钱 13611112222")
    [ticket] = tickets(session)
    assert ticket.unit_code is None


@pytest.mark.parametrize("whom", ["姓赵的那个师傅", "就是那个保安小伙子"])
def test_whom_a_praise_is_for_is_no_question(wechat, session, site, whom):
    wechat.say("o-praise", "谢谢你们昨天的维修师傅 很专业 态度也好")
    assert wechat.say("o-praise", whom) == phrase("praise_thanks")
    assert tickets(session) == []


def test_a_fault_after_a_praise_is_still_a_report(wechat, session, site):
    wechat.say("o-praise", "L3-008 孙丽 13733334444")
    wechat.say("o-praise", "谢谢你们昨天的维修师傅 很专业 态度也好")
    wechat.say("o-praise", "不过师傅走了以后水龙头又开始滴水了")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-PLUMB"


def test_a_complaint_about_staff_after_a_praise_is_still_a_complaint(wechat, session, site):
    wechat.say("o-praise", "L3-008 孙丽 13733334444")
    wechat.say("o-praise", "谢谢你们昨天的维修师傅 很专业 态度也好")
    wechat.say("o-praise", "不过那个保安态度太差了 还骂人")
    [ticket] = tickets(session)
    assert ticket.code == "SVC-ATTI" and ticket.intent == "complaint"


def test_a_worsening_read_as_another_trade_turns_the_repair_urgent(wechat, session, site):
    wechat.say("o-drip", KNOWN)
    wechat.say("o-drip", "空调滴水")
    wechat.say("o-drip", "算了 我们自己接个盆")
    reply = wechat.say("o-drip", "还是派人来看看吧 滴得越来越多了")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC" and ticket.urgent and ticket.number in reply


def test_a_thing_of_its_own_after_a_repair_is_its_own_emergency(wechat, session, site):
    wechat.say("o-drip", KNOWN)
    wechat.say("o-drip", "空调滴水")
    wechat.say("o-drip", "卫生间水管爆了 水喷得到处都是")
    hvac, pipe = tickets(session)
    assert not hvac.urgent and pipe.code == "ENG-PLUMB" and pipe.urgent


def test_thanks_for_a_repair_done_is_thanked(wechat, session, site):
    wechat.say("o-thanks", KNOWN)
    assert wechat.say("o-thanks", "谢谢 已经修好了 师傅很好") == phrase("praise_thanks")


def test_thanks_for_a_repair_still_open_asks_to_close_it_and_thanks(wechat, session, site):
    wechat.say("o-thanks", KNOWN)
    wechat.say("o-thanks", "水龙头关不紧")
    reply = wechat.say("o-thanks", "谢谢 已经修好了 师傅很好")
    [ticket] = tickets(session)
    assert reply.splitlines() == [phrase("cancel_noted", number=ticket.number), phrase("praise_thanks")]


@pytest.mark.parametrize("comment", ["师傅挺好的 就是来得有点晚", "师傅把我们的地板弄脏了也不擦"])
def test_a_comment_after_the_score_goes_on_the_survey(wechat, session, site, make, comment):
    """A grievance about the staff, a thing named in it (地板) or not, is the score's why."""
    ticket, survey = closed_with_survey(wechat, session, site, make, "o-rated")
    wechat.say("o-rated", "5分")
    reply = wechat.say("o-rated", comment)
    session.expire_all()
    # a grievance: thanked with an apology, the ticket stays closed
    assert reply == phrase("survey_thanks_sorry") and survey.comment == comment
    assert tickets(session) == [ticket] and f"满意度评价补充：{comment}" in notes(ticket)


def test_an_angry_comment_after_the_score_reopens_the_ticket(wechat, session, site, make):
    ticket, survey = closed_with_survey(wechat, session, site, make, "o-rated")
    wechat.say("o-rated", "4分")
    reply = wechat.say("o-rated", "什么破服务 气死我了")
    session.expire_all()
    assert reply == phrase("survey_sorry") and ticket.status == Status.REOPENED and tickets(session) == [ticket]


def test_a_new_fault_after_the_score_is_a_report(wechat, session, site, make):
    ticket, survey = closed_with_survey(wechat, session, site, make, "o-rated")
    wechat.say("o-rated", "5分")
    wechat.say("o-rated", "卫生间又漏水了")
    assert [t.code for t in tickets(session)] == ["ENG-HVAC", "ENG-PLUMB"]



@pytest.mark.parametrize("when", ["昨天晚上的事 今天早上来才发现", "昨晚的事 早上来才看到的"])
def test_when_it_happened_is_no_time_to_come(wechat, session, site, when):
    wechat.say("o-when", KNOWN)
    wechat.say("o-when", "我们店的玻璃门被人砸了一个洞")
    reply = wechat.say("o-when", when)
    [ticket] = tickets(session)
    assert phrase("visit_time_noted", number=ticket.number) not in reply and f"租户补充：{when}" in notes(ticket)


def test_a_time_to_come_after_a_report_is_still_noted_as_one(wechat, session, site):
    wechat.say("o-when", KNOWN)
    wechat.say("o-when", "我们店的玻璃门被人砸了一个洞")
    reply = wechat.say("o-when", "明天早上来修吧 白天要营业")
    [ticket] = tickets(session)
    assert phrase("visit_time_noted", number=ticket.number) in reply


def _reported_then(wechat, session, site, make, openid, *, completed):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    make.staff(Role.SUPERVISOR, "客服部", sites=[site])
    wechat.say(openid, KNOWN)
    wechat.say(openid, "空调不制冷")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    if completed:
        workflow.complete(session, ticket, desk, work_done="已加氟", site_cleaned=True)
    session.commit()
    return ticket


@pytest.mark.parametrize("still", ["还是不制冷啊", "师傅没来过啊 怎么就完工了", "空调还是不制冷 等于白来了", "空调还是不制冷"])
def test_the_fault_still_there_after_completion_goes_to_the_supervisors(wechat, session, site, make, still):
    ticket = _reported_then(wechat, session, site, make, "o-done", completed=True)
    reply = wechat.say("o-done", still)
    session.expire_all()
    assert tickets(session) == [ticket] and ticket.supervisor_flag
    assert phrase("still_faulty", number=ticket.number) in reply and f"租户反映修后仍有问题：{still}" in notes(ticket)


def test_still_faulty_before_anyone_came_is_no_rework(wechat, session, site, make):
    ticket = _reported_then(wechat, session, site, make, "o-done", completed=False)
    reply = wechat.say("o-done", "还是不制冷啊")
    session.expire_all()
    assert tickets(session) == [ticket] and not ticket.supervisor_flag
    assert phrase("still_faulty", number=ticket.number) not in reply


@pytest.mark.parametrize("arrived", ["师傅来了 正在修", "维修工已经到了"])
def test_the_engineer_arrived_told_is_noted_and_thanked(wechat, session, site, make, arrived):
    ticket = _reported_then(wechat, session, site, make, "o-here", completed=False)
    reply = wechat.say("o-here", arrived)
    assert tickets(session) == [ticket] and f"租户告知：{arrived}" in notes(ticket)
    assert reply == phrase("arrival_noted", number=ticket.number)


def test_the_engineer_not_yet_arrived_is_a_chase(wechat, session, site, make):
    ticket = _reported_then(wechat, session, site, make, "o-here", completed=False)
    reply = wechat.say("o-here", "师傅怎么还没到")
    assert phrase("arrival_noted", number=ticket.number) not in reply and ticket.number in reply


@pytest.mark.parametrize("summons", ["Hello, is anyone there?", "anybody there?", "Hi, are you there?"])
def test_an_english_summons_is_greeted(wechat, session, site, summons):
    assert wechat.say("o-hello", summons).splitlines() == [phrase("greeting", site), phrase("offer_help")]
    assert tickets(session) == []


@pytest.mark.parametrize("hurry", ["急急急", "快快快！", "很急"])
def test_a_hurry_before_the_report_asks_what_it_is(wechat, session, site, hurry):
    wechat.say("o-hurry", KNOWN)
    assert wechat.say("o-hurry", hurry) == phrase("menu_repair", site)
    wechat.say("o-hurry", "店里跳闸了 全黑了")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-ELEC" and ticket.urgent


def test_a_hurry_after_a_report_still_chases_it(wechat, session, site):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", "空调不制冷")
    reply = wechat.say("o-hurry", "急急急")
    [ticket] = tickets(session)
    assert phrase("menu_repair", site) not in reply


def test_a_renter_who_is_not_the_owner_is_still_asked_for_the_unit(wechat, session, site):
    wechat.say("o-renter", "我要投诉你们的保安 态度太恶劣了 还推了我一把")
    reply = wechat.say("o-renter", "我不是业主 是租户 林 13900001234")
    assert phrase("ask_unit") in reply


def test_a_building_said_first_is_kept_for_the_report(wechat, session, site):
    reply = wechat.say("o-first", "3栋2单元")
    assert phrase("ask_what_problem") in reply and tickets(session) == []
    wechat.say("o-first", "家里跳闸了")
    wechat.say("o-first", "502 吴 13511119999")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-ELEC" and ticket.unit_code == "3-2-502"


def test_a_shopper_said_first_is_asked_the_problem_and_no_shop_number(wechat, session, site):
    assert phrase("ask_what_problem") in wechat.say("o-first", "我是顾客")
    wechat.say("o-first", "商场厕所没有纸")
    reply = wechat.say("o-first", "林 13900001234")
    [ticket] = tickets(session)
    assert ticket.code == "ENV-CLEAN" and phrase("ask_unit") not in reply


def test_anger_with_a_complaint_word_after_a_report_goes_to_the_supervisors(wechat, session, site):
    wechat.say("o-angry", KNOWN)
    wechat.say("o-angry", "空调不制冷")
    reply = wechat.say("o-angry", "你们到底管不管 我要投诉")
    [ticket] = tickets(session)
    assert ticket.supervisor_flag and phrase("escalate") in reply


@pytest.mark.parametrize("off", ["取消吧 我们自己找人修了", "帮我取消一下", "我们另外找人修了"])
def test_called_off_in_other_words_asks_staff_to_close(wechat, session, site, off):
    wechat.say("o-off", KNOWN)
    wechat.say("o-off", "空调不制冷")
    reply = wechat.say("o-off", off)
    [ticket] = tickets(session)
    assert reply == phrase("cancel_noted", number=ticket.number)
    assert f"租户表示不需要继续处理：{off}（请与租户确认后结案）" in notes(ticket)


@pytest.mark.parametrize("asked", ["钱怎么付", "能微信付吗", "在哪里交钱", "钱是给师傅还是去前台交"])
def test_how_to_pay_for_a_repair_is_answered_on_it(wechat, session, site, make, asked):
    ticket = _reported_then(wechat, session, site, make, "o-pay", completed=True)
    reply = wechat.say("o-pay", asked)
    assert reply == phrase("pay_at_desk", site) and site.address in reply
    assert tickets(session) == [ticket] and f"租户询问付款方式：{asked}" in notes(ticket)


def test_how_to_pay_the_management_fee_is_the_desks_question(wechat, session, site, make):
    _reported_then(wechat, session, site, make, "o-pay", completed=True)
    reply = wechat.say("o-pay", "物业费怎么交")
    assert phrase("pay_at_desk", site) not in reply


def _water_notice(session, site, make):
    from workflow.notices import send_notice

    boss = make.staff(Role.SUPERVISOR, "客服部", sites=[site])
    send_notice(session, site, boss, title="二层停水检修", body="周六 7:00–9:00 二层停水检修，请提前储水。",
                audience="site", form_key="k-water")
    session.commit()


@pytest.mark.parametrize("asked", ["请问周六停水吗", "停水的通知收到了 几点来水", "什么时候来水"])
def test_a_question_about_an_announced_outage_is_answered_with_the_notice(wechat, session, site, make, asked):
    """几点来水 asks when the water returns, not when someone will come (it was answered
    with the tenant's reports: none)."""
    wechat.say("o-notice", KNOWN)
    _water_notice(session, site, make)
    reply = wechat.say("o-notice", asked)
    assert "二层停水检修" in reply and "周六 7:00–9:00" in reply and tickets(session) == []


def test_a_question_about_another_supply_is_not_answered_with_the_notice(wechat, session, site, make):
    wechat.say("o-notice", KNOWN)
    _water_notice(session, site, make)
    reply = wechat.say("o-notice", "请问周六停电吗")
    assert "二层停水检修" not in reply


def test_water_stopped_now_is_still_a_report(wechat, session, site, make):
    wechat.say("o-notice", KNOWN)
    _water_notice(session, site, make)
    wechat.say("o-notice", "卫生间水管爆了")
    assert [t.code for t in tickets(session)] == ["ENG-PLUMB"]


@pytest.mark.parametrize("known", ["上次留过了", "你们不是有我电话吗", "跟上次一样", "电话就是这个微信号"])
def test_we_should_know_already_opens_the_report_as_a_refusal_does(wechat, session, site, known):
    wechat.say("o-known", "空调不制冷")
    reply = wechat.say("o-known", known)
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC" and phrase("identity_declined", site) in reply


def test_why_after_a_low_score_is_met_with_the_apology(wechat, session, site, make):
    ticket, survey = closed_with_survey(wechat, session, site, make, "o-rated")
    wechat.say("o-rated", "1分")
    reply = wechat.say("o-rated", "等了一个星期才来修 太慢了")
    session.expire_all()
    assert reply == phrase("survey_sorry") and survey.comment == "等了一个星期才来修 太慢了"


@pytest.mark.parametrize("yes", ["好了 确认", "确认 谢谢"])
def test_the_receipt_confirmed_with_a_courtesy_word_is_confirmed(wechat, session, site, make, yes):
    ticket = _reported_then(wechat, session, site, make, "o-receipt", completed=True)
    assert wechat.say("o-receipt", yes) == phrase("receipt_confirmed")
    session.expire_all()
    assert ticket.receipt_confirmed


def test_a_receipt_is_not_confirmed_by_a_refusal(wechat, session, site, make):
    ticket = _reported_then(wechat, session, site, make, "o-receipt", completed=True)
    wechat.say("o-receipt", "不确认")
    session.expire_all()
    assert not ticket.receipt_confirmed


def test_fixed_said_after_dispatch_is_noted_for_staff_to_close(wechat, session, site, make):
    ticket = _reported_then(wechat, session, site, make, "o-fixed", completed=False)
    reply = wechat.say("o-fixed", "修好了 谢谢")
    assert phrase("cancel_noted", number=ticket.number) in reply and phrase("praise_thanks") in reply
    assert "租户表示不需要继续处理：修好了 谢谢（请与租户确认后结案）" in notes(ticket)
