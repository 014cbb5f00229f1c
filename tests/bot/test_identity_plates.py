"""A licence plate (浙A12345) is not the tenant's unit: the car parked in a tenant's space was
read as unit A1-2345 while the tenant wrote 我是B1-003的, and the engineer would go there."""

from __future__ import annotations

import pytest

from bot.identity import find_unit
from tests.bot.conftest import tickets


@pytest.mark.parametrize("plate", ["浙A12345", "沪B5K321", "粤BD12345", "苏E·88888", "京N1234警"])
def test_a_licence_plate_names_no_unit(plate):
    assert find_unit(f"车位被占了 车牌{plate} 打电话也不接") is None


@pytest.mark.parametrize("text", ["车牌浙A12345 我是B1-003的", "我是B1-003的 车牌浙A12345", "浙A12345停在B1-003门口"])
def test_the_unit_beside_a_plate_is_the_unit(text):
    assert find_unit(text) == "B1-003"


def test_a_unit_without_a_plate_is_still_read():
    assert find_unit("A12-305") == "A12-305" and find_unit("我是L3-008的") == "L3-008"


def test_a_blocked_space_reported_with_the_plate_goes_to_the_tenants_unit(wechat, session, site):
    wechat.say("o-plate", "地下车库有辆车堵在我车位上 打电话也不接 车牌浙A12345 我是B1-003的 13700007777 何")
    [ticket] = tickets(session)
    assert ticket.unit_code == "B1-003" and "浙A12345" in ticket.content


@pytest.mark.parametrize("plate", ["我的车牌浙A12345", "车牌号是粤B12345 白色的"])
def test_a_plate_alone_after_a_held_report_goes_with_it(wechat, session, site, plate):
    # which car was charged: a detail of the report we hold, not a parking report that
    # opens the first one early, with nobody to call back
    wechat.say("o-plate", "你们停车场收费太乱了 昨天收我20 今天收我30")
    wechat.say("o-plate", plate)
    assert tickets(session) == []
    wechat.say("o-plate", "何 13700007777 B1-003")
    [ticket] = tickets(session)
    assert ticket.code == "FEE-BILL" and ticket.content.endswith(plate) and ticket.phone == "13700007777"


def test_a_plate_alone_after_a_report_goes_on_its_ticket(wechat, session, site):
    wechat.say("o-plate", "何 13700007777 B1-003")
    wechat.say("o-plate", "有辆车一直停在我的车位上")
    reply = wechat.say("o-plate", "浙A12345")
    [ticket] = tickets(session)
    assert ticket.number in reply and "租户补充：浙A12345" in [e.note for e in ticket.events]
