"""A tenant who has given a phone number can be reached: the report we held opens then,
with a ticket number, even if the tenant cannot tell their 铺位号 (我是一楼星巴克的) or has
not said their name yet; what is still missing is asked, and goes on the ticket when told."""
from __future__ import annotations

from models import Status
from tests.bot.conftest import tickets


def test_a_phone_opens_the_held_report_and_the_name_told_later_goes_on_it(wechat, session, site):
    wechat.say("o-phone", "卫生间水龙头坏了")
    assert tickets(session) == []
    reply = wechat.say("o-phone", "13912341234")
    ticket, = tickets(session)
    assert ticket.number in reply and ticket.phone == "13912341234" and ticket.code == "ENG-PLUMB"
    assert "请问您是哪位" in reply  # still asked, once more
    wechat.say("o-phone", "我姓林")
    session.expire_all()
    ticket, = tickets(session)
    assert ticket.complainant and "林" in ticket.complainant


def test_a_shop_name_instead_of_a_unit_does_not_hold_the_report_once_a_phone_is_known(wechat, session, site):
    wechat.say("o-shop", "店里的空调不制冷")
    wechat.say("o-shop", "我是一楼星巴克的")
    assert tickets(session) == []
    reply = wechat.say("o-shop", "电话是13912341234 店长姓林")
    ticket, = tickets(session)
    assert ticket.number in reply and ticket.status in (Status.NEW, Status.DISPATCHED)
    assert ticket.phone == "13912341234"


def test_a_name_alone_still_waits_for_a_way_back(wechat, session, site):
    wechat.say("o-name", "卫生间水龙头坏了")
    reply = wechat.say("o-name", "我叫王小明")
    assert tickets(session) == []
    assert "电话" in reply
