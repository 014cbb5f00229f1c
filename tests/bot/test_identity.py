"""Who and where, picked out of a tenant's free text."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.identity import find_addressed_name, find_name, find_signed_name, find_unit, parse_identity
from models import Ticket


@pytest.mark.parametrize("text, name", [
    ("L2-015 王老板 13800001234 空调不制冷", "王老板"),
    ("李女士，3楼305漏水", "李女士"),
    ("张先生13800001234", "张先生"),
    ("隔壁王老板家漏水", None),  # whose shop it is, not who writes
    ("我们老板说空调坏了", None),
    ("空调坏了，上次陈师傅修过", None),  # the repairman
    ("李经理说明天来修", None),  # the manager
])
def test_a_surname_with_a_form_of_address_standing_alone(text, name):
    assert find_addressed_name(text) == name


@pytest.mark.parametrize("text, unit", [
    ("L2-015", "L2-015"), ("l2 015铺", "L2-015"), ("3楼305", "3F-305"), ("305室", "305"),
    ("5栋2单元301", "5-2-301"), ("12号楼1单元502室", "12-1-502"), ("5栋301", "5-301"),
    ("A座1203", "A-1203"), ("B座 15层1503", "B-1503"), ("3-1-602", "3-1-602"), ("我家是12-2-1203", "12-2-1203"),
])
def test_shop_office_and_apartment_units(text, unit):
    assert find_unit(text) == unit


@pytest.mark.parametrize("text", ["2026-12-07", "0571-8888-6666", "1-2-3"])
def test_dates_and_numbers_in_dashes_are_no_unit(text):
    assert find_unit(text) is None


def test_a_dashed_unit_answers_the_question_of_where(wechat, session, site):
    wechat.say("o-dashed", "厨房下水道堵了")
    wechat.say("o-dashed", "张伟")
    wechat.say("o-dashed", "13700002222")
    reply = wechat.say("o-dashed", "3-1-602")
    [ticket] = session.scalars(sa.select(Ticket)).all()
    assert ticket.unit_code == "3-1-602" and "铺位号" not in reply


def test_claims_and_answers():
    assert find_name("我是王建国，电话13800001234") == "王建国"
    assert find_name("王建国的店漏水了") is None  # a bare name inside a report is too ambiguous
    found = parse_identity("王建国 13800001234 L2-015")
    assert (found.name, found.phone, found.unit) == ("王建国", "13800001234", "L2-015")
    found = parse_identity("我住5栋2单元301，电话13800001111")  # "我住" is not a name
    assert (found.name, found.phone, found.unit) == (None, "13800001111", "5-2-301")


@pytest.mark.parametrize("text, name, phone, unit", [
    ("我是王强 L1-032 13800001111", "王强", "13800001111", "L1-032"),  # the unit's digits before the number
    ("王强 L1-032 13800001111", "王强", "13800001111", "L1-032"),
    ("5栋301 13800001111 张伟", "张伟", "13800001111", "5-301"),
    ("李娜 138 0000 1234", "李娜", "13800001234", None),  # a number written in groups
    ("L2-015 王老板 138 0000 1234", "王老板", "13800001234", "L2-015"),
    ("王芳 138-0000-1234", "王芳", "13800001234", None),
    ("王芳 +86 13800001234", "王芳", "13800001234", None),  # the country code is no part of a name
    ("我是2楼015号铺的王姐", "王姐", None, "2F-015"),  # 号铺 is the unit's, not the name's
    ("0755-12345678 李四", "李四", "0755-12345678", None),
])
def test_a_phone_number_after_the_unit_or_written_in_groups(text, name, phone, unit):
    found = parse_identity(text)
    assert (found.name, found.phone, found.unit) == (name, phone, unit)


def test_only_the_start_of_a_long_message_is_read_for_who_and_where():
    from bot.identity import IDENTITY_TEXT_MAX, find_phone, find_unit, parse_identity

    told = "L2-015 王建国 13800001234 "
    assert parse_identity(told + "水" * 20_000).unit == "L2-015"
    buried = "水" * IDENTITY_TEXT_MAX + told
    assert find_unit(buried) is None and find_phone(buried) is None


@pytest.mark.parametrize("text, name", [
    ("我是来报修的 水管爆了", None), ("我是业主 L2-015 13800001111", None), ("我是店长，空调坏了", None),
    ("我是楼上的 你们管不管", None), ("本人投诉，电梯太慢", None), ("我是新来的租户", None),
    ("我是钱七 L3-008 13500005555", "钱七"), ("我是欧阳娜", "欧阳娜"), ("我叫小王 L2-015", "小王"),
    ("我是王老板", "王老板"), ("我是王建国，电话13800001234", "王建国"),
])
def test_a_claim_names_a_person_not_a_role_or_a_clause(text, name):
    assert find_name(text) == name


@pytest.mark.parametrize("text, name", [
    ("L3-008 李四 13900002222 我们店里网络断了", "李四"), ("13900002222 李四", "李四"), ("李四，13900002222", "李四"),
    ("张伟 L2-015 13900002222", "张伟"), ("水管爆了 王建国 13900002222", "王建国"),
    ("马桶堵了 13900002222", None), ("13900002222 高压线断了", None), ("空调坏了 联系 13900002222", None),
    ("L2-015 白天 经常停电", None),  # no phone to sign beside
    ("你好我是L2-015的商户王五，电话13800009999，我们店的灯不亮了", "王五"),  # a role before, 电话 after
    ("hi, the aircon in my shop is broken. L2-015, John, 13800001111", "John"),
    ("Mary Lee 13800001111 leak in unit L2-015", "Mary Lee"), ("Please call 13800001111", None),
    ("leak in my shop, call 13800001111", None),
])
def test_a_bare_name_is_taken_only_beside_the_phone(text, name):
    assert find_signed_name(text) == name


@pytest.mark.parametrize("text, name", [
    ("我是A座1203的行政 公司空调太热了 电话13912345678 姓刘", "刘先生/女士"),
    ("我姓李 电话13512345678 L2-015 下水道堵了", "李先生/女士"), ("免贵姓王", "王先生/女士"),
    ("我姓欧阳", "欧阳先生/女士"), ("百姓的事没人管", None),
])
def test_a_surname_alone_is_how_staff_will_address_them(text, name):
    assert find_name(text) == name


def test_the_word_for_name_is_no_surname():
    assert parse_identity("姓名：张三").name == "张三"


@pytest.mark.parametrize("text, name", [
    ("张三 L2-015 是空调坏了", "张三"), ("5栋301 王芳 水管漏了", "王芳"),
    ("L2-015 白天 经常停电", None), ("L2-015 明天 来修吧", None),  # common words, not names
])
def test_asked_who_they_are_a_name_beside_the_unit_is_taken(text, name):
    assert find_signed_name(text, beside_unit=True) == name
    assert find_signed_name(text) is None  # unasked, only a name beside the phone signs


@pytest.mark.parametrize("text, name", [
    ("my name is Tom 13566667777", "Tom"), ("My name's Mary Lee, unit L2-015", "Mary Lee"),
    ("I'm John, my shop is L2-010", "John"), ("this is Anna from L3-008", "Anna"),
    ("I am Shop owner", None), ("I'm Sorry the aircon is broken", None), ("my name is", None),
])
def test_a_tenant_writing_english_names_themself(text, name):
    assert find_name(text) == name


def test_asked_who_they_are_an_english_introduction_gives_the_name():
    told = parse_identity("my name is Tom 13566667777")
    assert (told.name, told.phone) == ("Tom", "13566667777")


@pytest.mark.parametrize("text, name", [
    ("水还在涨", None), ("还在滴", None), ("水很大", None), ("越来越多", None), ("水在涨", None), ("门在响", None),
    ("李 娜", "李娜"), ("夏雨", "夏雨"), ("张三的", "张三"),
])
def test_asked_who_a_piece_of_the_report_is_no_name(text, name):
    assert parse_identity(text).name == name


@pytest.mark.parametrize("text, name, phone", [
    ("我叫王小明 13812345678 在三楼 308", "王小明", "13812345678"),
    ("我叫陈静，手机13700001111，店在B1美食广场", "陈静", "13700001111"),
    ("联系人张伟 电话13800001111 二楼东边那家", "张伟", "13800001111"),
])
def test_a_name_claimed_with_where_the_shop_is_beside_it(text, name, phone):
    found = parse_identity(text)
    assert (found.name, found.phone) == (name, phone)


@pytest.mark.parametrize("text", ["我叫你们快点来 13812345678 在三楼", "我是来报修的 13812345678 在三楼"])
def test_a_claim_that_names_no_one_gives_no_name(text):
    assert parse_identity(text).name is None


@pytest.mark.parametrize("text, name", [("三楼", None), ("在负二层", None), ("5号楼", None), ("刘栋", "刘栋"),
                                        ("在儿童乐园", None), ("我在一楼大厅", None)])
def test_a_floor_said_alone_is_no_name(text, name):
    """Asked who they are after an emergency, 「三楼」 or 「在儿童乐园」 is where it is (each
    was saved as the tenant's name); a name with 栋 in it stays a name."""
    assert parse_identity(text).name == name


@pytest.mark.parametrize("text, name", [
    ("你好，我是3楼301的王女士，我们办公室的空调不制冷了", "王女士"),
    ("我是一楼星巴克的店长小李 咖啡机那边的插座冒烟了", "小李"),
    ("隔壁王老板的店漏水了", None),  # whose shop, no claim
])
def test_a_name_after_who_they_are_at_length_is_a_claim(text, name):
    """「我是3楼301的王女士」: where and which shop first, then the name; the bot asked 「请问您是
    哪位」 of a tenant who had just said."""
    assert find_name(text) == name
