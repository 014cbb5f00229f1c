"""Who the tenant is, as shop staff say it: a manager by surname and title (我是L3-008的刘经理,
王总), a phone read out to voice typing (一三八零零零零一二三四), and hurry words, which are no
name (快点)."""
from __future__ import annotations

import pytest

from fakewechat.signing import build_voice
from tests.bot.conftest import OFFICIAL, next_msg_id, tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("hurry", ["快点", "赶紧的", "快来啊", "马上"])
def test_asked_who_after_an_emergency_a_hurry_word_is_no_name(wechat, session, site, hurry):
    wechat.say("o-hurry", "水管爆了 水漫出来了")
    reply = wechat.say("o-hurry", hurry)
    [ticket] = tickets(session)
    assert ticket.complainant is None and ticket.tenant.name is None
    assert ticket.number in reply and phrase("ask_name") in reply


@pytest.mark.parametrize("told, name", [("我是L3-008的刘经理", "刘经理"), ("L3-008 王总", "王总"),
                                        ("我是L3-008的欧阳店长", "欧阳店长")])
def test_a_manager_told_by_surname_and_title_is_who_the_tenant_is(wechat, session, site, told, name):
    wechat.say("o-titled", "空调不制冷 店里好热")
    wechat.say("o-titled", f"{told} 13911112222")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == (name, "13911112222", "L3-008")


def test_a_manager_who_says_who_first_is_not_asked_again(wechat, session, site):
    wechat.say("o-first", "我是B1-003的孙经理 13911112222")
    reply = wechat.say("o-first", "仓库的卷帘门有点卡 拉不太动")
    [ticket] = tickets(session)
    assert ticket.complainant == "孙经理" and phrase("ask_name") not in reply


def test_a_title_alone_is_still_no_name(wechat, session, site):
    wechat.say("o-title-only", "空调不制冷 店里好热")
    reply = wechat.say("o-title-only", "我是经理 L3-008 13911112222")
    ticket, = tickets(session)  # a phone reaches the tenant: the report opens, the name is still asked
    assert ticket.complainant is None and phrase("ask_name") in reply


@pytest.mark.parametrize("spoken", ["电话是一三八零零零零一二三四", "手机幺三八零零零零幺二三四"])
def test_a_phone_read_out_to_voice_typing_is_taken(wechat, session, site, spoken):
    wechat.say("o-spoken", "L3-008 空调不制冷")
    wechat.reply(build_voice("o-spoken", OFFICIAL, "v-1", next_msg_id(), recognition=f"我叫刘洋{spoken}"))
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone) == ("刘洋", "13800001234")



@pytest.mark.parametrize("signed", ["L3-008 林 13800005555", "L3-008 林，电话13800005555", "13800005555 林 L3-008"])
def test_a_surname_alone_signed_beside_the_phone_is_who_the_tenant_is(wechat, session, site, signed):
    reply = wechat.say("o-lone", f"我们店空调漏水 水一直往下滴 {signed}")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone) == ("林先生/女士", "13800005555")
    assert phrase("ask_name") not in reply


def test_a_surname_alone_told_before_the_report_is_remembered(wechat, session, site):
    wechat.say("o-lone-first", "L3-008 刘 13800006666")
    reply = wechat.say("o-lone-first", "店里的水龙头关不紧")
    [ticket] = tickets(session)
    assert ticket.complainant == "刘先生/女士" and phrase("ask_name") not in reply


def test_a_word_before_the_phone_that_is_no_surname_is_no_name(wechat, session, site):
    wechat.say("o-not-lone", "L3-008 空调坏了 修 13800006666")
    assert all(t.complainant is None for t in tickets(session))


@pytest.mark.parametrize("told", ["L2-015 眼镜店 胡 13600007777", "L2-015 川菜馆 胡 13600007777"])
def test_the_shops_name_written_beside_the_surname_is_not_part_of_it(wechat, session, site, told):
    wechat.say("o-shop", "我们店里的灯全部都不亮了")
    wechat.say("o-shop", told)
    [ticket] = tickets(session)
    assert ticket.complainant == "胡先生/女士"


def test_a_phone_given_with_a_demand_for_a_call_back_is_taken(wechat, session, site):
    wechat.say("o-callback", "你们停车场收费员态度极差 还骂人！！！")
    wechat.say("o-callback", "我要你们经理给我打电话 13900002222")
    [ticket] = tickets(session)
    assert ticket.tenant.phone == "13900002222"


def test_hurrying_an_emergency_before_we_know_who_asks_again(wechat, session, site):
    wechat.say("o-urgent-chase", "L2-015 我们店的门锁坏了 钥匙插进去转不动 现在进不去店")
    reply = wechat.say("o-urgent-chase", "快一点 员工都在外面等着")
    [ticket] = tickets(session)
    assert ticket.number in reply and phrase("ask_name") in reply


@pytest.mark.parametrize("answer, name", [("3栋 宋 13700004444", "宋先生/女士"), ("5号楼那边 宋明 13700004444", "宋明")])
def test_asked_who_the_name_beside_the_phone_is_taken_whatever_is_around_it(wechat, session, site, answer, name):
    wechat.say("o-beside", "物业 车库门被人撞坏了 关不上了 L2-015")
    wechat.say("o-beside", answer)
    [ticket] = tickets(session)
    assert ticket.complainant == name
