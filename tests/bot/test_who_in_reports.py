"""Who the tenant is, told among the report's words: a bare name signed beside the phone
is taken, a role or a clause (我是业主, 我是来报修的) is not a name, a message that is only
who they are opens nothing, and a report sent while we ask who they are is not taken for
the answer and lost."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Tenant
from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase


def test_a_report_signed_with_a_bare_name_opens_at_once(wechat, session, site):
    reply = wechat.say("o-signed", "L3-008 李四 13900002222 我们店里网络断了")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-WEAK" and ticket.number in reply
    assert phrase("ask_name") not in reply
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("李四", "13900002222", "L3-008")


@pytest.mark.parametrize("text, name", [
    ("你好我是L2-015的商户王五，电话13800009999，我们店的灯不亮了", "王五"),
    ("hi, the aircon in my shop is broken. L2-015, John, 13800001111", "John"),
])
def test_a_report_signed_in_other_ways_opens_at_once(wechat, session, site, text, name):
    reply = wechat.say("o-signed2", text)
    [ticket] = tickets(session)
    assert ticket.number in reply and phrase("ask_name") not in reply
    assert ticket.complainant == name


@pytest.mark.parametrize("told", ["我是钱七 L3-008 13500005555", "我是钱二 L3-008 13500005555"])
def test_a_name_with_a_keyword_in_it_is_who_not_a_report(wechat, session, site, told):
    reply = wechat.say("o-qian", told)  # 钱 alone reads as money (a complaint, or FEE-BILL with no intent)
    assert tickets(session) == [] and phrase("contact_saved") in reply
    tenant = session.scalars(sa.select(Tenant).where(Tenant.openid == "o-qian")).one()
    assert (tenant.name, tenant.phone) == (told[2:4], "13500005555")


def test_asked_who_they_are_a_bare_name_with_a_keyword_in_it_is_taken(wechat, session, site):
    wechat.say("o-qian2", "空调不制冷")
    wechat.say("o-qian2", "钱七")
    reply = wechat.say("o-qian2", "L3-008 13500005555")
    [ticket] = tickets(session)
    assert (ticket.code, ticket.complainant) == ("ENG-HVAC", "钱七") and ticket.number in reply


def test_a_claim_that_is_no_name_leaves_the_name_to_be_asked(wechat, session, site):
    reply = wechat.say("o-clause", "我是来报修的 空调不制冷 L2-015 13800001111")
    assert tickets(session) == [] and phrase("ask_name") in reply
    wechat.say("o-clause", "张三")
    [ticket] = tickets(session)
    assert (ticket.code, ticket.complainant, ticket.unit_code) == ("ENG-HVAC", "张三", "L2-015")


def test_a_new_report_while_we_ask_who_is_not_taken_for_the_answer(wechat, session, site):
    wechat.say("o-second", "空调不制冷")
    wechat.say("o-second", "L2-015 卫生间也漏水了")  # the unit we asked for, and a second problem
    wechat.say("o-second", "张三 13800001111")
    reports = tickets(session)
    assert [t.code for t in reports] == ["ENG-HVAC", "ENG-PLUMB"]
    assert "卫生间也漏水了" in reports[1].content
    assert all(t.unit_code == "L2-015" for t in reports)


def test_announcing_the_report_with_the_unit_is_an_answer_not_a_ticket(wechat, session, site):
    wechat.say("o-announce", "空调不制冷")
    reply = wechat.say("o-announce", "我是来报修的 L2-015")
    assert tickets(session) == [] and phrase("contact_saved") in reply and phrase("ask_name") in reply
    wechat.say("o-announce", "张三 13800001111")
    [ticket] = tickets(session)
    assert (ticket.code, ticket.complainant, ticket.unit_code) == ("ENG-HVAC", "张三", "L2-015")


def test_announcing_a_report_unasked_gets_the_menu_prompt_and_keeps_the_unit(wechat, session, site):
    reply = wechat.say("o-menu", "我是来报修的 L2-015")
    assert tickets(session) == [] and phrase("menu_repair") in reply
    wechat.say("o-menu", "空调不制冷")
    wechat.say("o-menu", "张三 13800001111")
    [ticket] = tickets(session)
    assert (ticket.code, ticket.unit_code) == ("ENG-HVAC", "L2-015")


def test_a_surname_told_with_the_report_is_enough_to_open_it(wechat, session, site):
    reply = wechat.say("o-surname", "我姓李 电话13512345678 L2-015 下水道堵了")
    [ticket] = tickets(session)
    assert ticket.number in reply and phrase("ask_name") not in reply
    assert (ticket.complainant, ticket.code) == ("李先生/女士", "ENG-PLUMB")


def test_the_report_again_with_who_we_are_opens_one_ticket(wechat, session, site):
    wechat.say("o-again", "空调不制冷")
    reply = wechat.say("o-again", "我叫张三 电话13800001111 L2-015 空调不制冷")
    [ticket] = tickets(session)
    assert ticket.number in reply and ticket.complainant == "张三"
    assert "租户此前反映：空调不制冷" in notes(ticket)
    wechat.say("o-again", "谢谢")
    assert len(tickets(session)) == 1


def test_a_second_problem_with_who_we_are_opens_both_at_once(wechat, session, site):
    wechat.say("o-both2", "空调不制冷")
    reply = wechat.say("o-both2", "我叫李四 电话13800002222 L2-015 另外卫生间也漏水")
    reports = tickets(session)
    assert sorted(t.code for t in reports) == ["ENG-HVAC", "ENG-PLUMB"]
    assert all(t.number in reply for t in reports)
    wechat.say("o-both2", "好的")
    assert len(tickets(session)) == 2


def test_asked_who_they_are_a_name_beside_the_unit_with_the_report_is_taken(wechat, session, site):
    wechat.say("o-beside", "空调不制冷")
    wechat.say("o-beside", "张三 L2-015 是空调坏了")
    reply = wechat.say("o-beside", "13800003333")
    [ticket] = tickets(session)
    assert ticket.number in reply and (ticket.complainant, ticket.unit_code) == ("张三", "L2-015")


def test_asked_who_they_are_a_surname_alone_is_an_answer(wechat, session, site):
    wechat.say("o-wang", "我们店里网络断了")
    wechat.say("o-wang", "L2-015")
    reply = wechat.say("o-wang", "王")
    assert phrase("ask_name") not in reply and phrase("ask_phone") in reply
    wechat.say("o-wang", "13800001111")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.code) == ("王先生/女士", "ENG-WEAK")


def test_an_answer_that_sounds_like_a_question_is_still_the_answer(wechat, session, site):
    wechat.say("o-where", "卫生间的灯不亮了")
    reply = wechat.say("o-where", "在哪？你问我在哪？L3-008啊")
    assert tickets(session) == [] and phrase("ask_name") in reply
    wechat.say("o-where", "李娜 13900002222")
    [ticket] = tickets(session)
    assert (ticket.code, ticket.unit_code, ticket.complainant) == ("ENG-ELEC", "L3-008", "李娜")
