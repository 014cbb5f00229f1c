"""Who, where and what, in the words tenants use: asked who they are right after an
emergency, a question (多久能到) is no name; a unit typed without its zeros (l2-15) is the
site's L2-015; foreign tenants label each part; words after a photo are its report."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("asked", ["多久能到啊", "多久能到", "什么时候到", "还要多久？", "人什么时候来"])
def test_asked_who_a_question_about_when_help_comes_is_no_name(wechat, session, site, asked):
    wechat.say("o-when", "B1-003 仓库水管爆了 水喷得到处都是")
    [emergency] = tickets(session)
    reply = wechat.say("o-when", asked)
    [ticket] = tickets(session)
    assert ticket.tenant.name is None and ticket.complainant is None
    assert emergency.number in reply  # its progress, the 30 minutes
    assert phrase("ask_name") in reply


def test_asked_who_a_name_with_the_phone_is_still_taken(wechat, session, site):
    wechat.say("o-when", "B1-003 仓库水管爆了 水喷得到处都是")
    wechat.say("o-when", "李强 13600001111")
    [ticket] = tickets(session)
    assert (ticket.tenant.name, ticket.tenant.phone) == ("李强", "13600001111")


@pytest.mark.parametrize("typed", ["l2-15", "L2-15", "l2-0015"])
def test_a_unit_typed_without_its_zeros_is_the_sites_unit(wechat, session, site, typed):
    wechat.say("o-unit", f"{typed} 水管漏水")
    wechat.say("o-unit", "黄先生 13812345678")
    [ticket] = tickets(session)
    assert ticket.unit_code == "L2-015" and ticket.unit is not None


def test_a_unit_the_site_has_as_typed_is_taken_before_another_spelling(session, site):
    from models import Unit

    session.add(Unit(site_id=site.id, code="L2-15"))
    session.commit()
    assert Unit.find(session, site.id, "l2-15").code == "L2-15"
    assert Unit.find(session, site.id, "L2-015").code == "L2-015"
    assert Unit.find(session, site.id, "L9-015") is None


@pytest.mark.parametrize("told, name", [("Room L3-008, Tom, 138 0000 1111", "Tom"),
                                        ("Name: Anna, Tel: 13800001111, Unit L3-008", "Anna"),
                                        ("Shop L3-008 Mary Lee 13800001111", "Mary Lee")])
def test_a_foreign_tenant_labelling_each_part_is_identified(wechat, session, site, told, name):
    wechat.say("o-foreign", "hello, the AC in my office is not working")
    wechat.say("o-foreign", told)
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == (name, "13800001111", "L3-008")


def test_asked_who_a_foreign_name_of_any_length_is_taken(wechat, session, site):
    wechat.say("o-foreign", "the toilet is blocked, shop L3-008")
    wechat.say("o-foreign", "Michael 13800001111")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone) == ("Michael", "13800001111")


@pytest.mark.parametrize("explained", ["这个你们看一下怎么弄", "就是这个 帮忙处理下"])
def test_words_we_cannot_classify_after_a_photo_are_the_reports_content(wechat, session, site, explained):
    from fakewechat.signing import build_image
    from tests.bot.conftest import OFFICIAL, next_msg_id

    wechat.say("o-photo", "我是L3-008 周雨 13900001234")
    wechat.reply(build_image("o-photo", OFFICIAL, "http://127.0.0.1/p.jpg", "media-1", next_msg_id()))
    wechat.say("o-photo", explained)
    [ticket] = tickets(session)
    assert ticket.content == explained


@pytest.mark.parametrize("asked, answer", [("怎么报修", "menu_repair"), ("请问报修怎么弄", "menu_repair"),
                                           ("投诉找谁", "menu_complaint"), ("如何投诉啊", "menu_complaint")])
def test_asking_how_to_report_is_told_to_say_what_it_is(wechat, session, site, asked, answer):
    wechat.say("o-how", "我是L3-008 周雨 13900001234")
    reply = wechat.say("o-how", asked)
    assert phrase(answer) in reply
    assert tickets(session) == []


@pytest.mark.parametrize("where", ["天花板上", "在卫生间", "厨房水槽下面", "靠门口那边"])
def test_where_the_report_is_told_in_a_piece_goes_on_it(wechat, session, site, where):
    wechat.say("o-piece", "我是L3-008 周雨 13900001234")
    wechat.say("o-piece", "漏水")
    reply = wechat.say("o-piece", where)
    [ticket] = tickets(session)
    assert ticket.number in reply and f"租户补充：{where}" in [e.note for e in ticket.events]


def test_where_a_held_report_is_goes_with_it(wechat, session, site):
    wechat.say("o-piece", "漏水")
    wechat.say("o-piece", "天花板上")
    wechat.say("o-piece", "周雨 13900001234 L3-008")
    [ticket] = tickets(session)
    assert ticket.content == "漏水\n天花板上"


@pytest.mark.parametrize("where", ["三楼扶梯口", "二楼电梯口旁边", "B1楼梯口"])
def test_a_landmark_named_after_a_machine_is_where_the_held_report_is(wechat, session, site, where):
    # 扶梯口 is where the escalator starts, not a fault of the escalator: no second ticket
    wechat.say("o-piece", "这个地方的瓷砖翻起来了 顾客差点绊倒")
    wechat.say("o-piece", where)
    wechat.say("o-piece", "张伟 13600001111 L3-008")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-CIVIL" and ticket.content == f"这个地方的瓷砖翻起来了 顾客差点绊倒\n{where}"


def test_a_place_with_a_fault_of_its_own_is_still_a_report(wechat, session, site):
    wechat.say("o-piece", "我是L3-008 周雨 13900001234")
    wechat.say("o-piece", "空调不制冷")
    wechat.say("o-piece", "卫生间天花板上在漏水")
    assert len(tickets(session)) == 2


@pytest.mark.parametrize("inside", ["我在里面", "孩子在里面", "人还在里面"])
def test_someone_in_the_place_after_a_fault_is_no_mere_place(wechat, session, site, inside):
    wechat.say("o-piece", "我是L3-008 周雨 13900001234")
    wechat.say("o-piece", "电梯坏了")
    wechat.say("o-piece", inside)
    assert any(t.urgent for t in tickets(session))


@pytest.mark.parametrize("report, name", [("L2-015川菜馆 老板姓陈 电话13800138000 后厨下水道堵了", "陈老板"),
                                          ("L2-015 我们店长姓李 13800138000 门口灯坏了", "李店长")])
def test_who_runs_the_shop_told_by_surname_is_who_wrote(wechat, session, site, report, name):
    reply = wechat.say("o-boss", report)
    [ticket] = tickets(session)
    assert ticket.complainant == name and phrase("ask_name") not in reply


@pytest.mark.parametrize("corrected", ["不是L3-008 是L2-015", "是L2-015 不是L3-008"])
def test_a_unit_denied_beside_the_right_one_is_not_taken(wechat, session, site, corrected):
    wechat.say("o-unit", "我是周雨 13900001234 L3-008")
    wechat.say("o-unit", "门口的灯坏了")
    wechat.say("o-unit", corrected)
    [ticket] = tickets(session)
    assert ticket.unit_code == "L2-015"
