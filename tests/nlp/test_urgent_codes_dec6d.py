"""Someone else's things locked in a cabinet (锁着同事的东西) are things inside, not a person
trapped; a child locked in stays urgent."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "柜子里锁着同事的东西",
        "仓库门锁坏了 里面锁着老板的货",
        "寄存柜里锁着顾客的包 柜子坏了开不了",
        "保险柜里锁着客户的现金 密码忘了",
    ],
)
def test_things_locked_away_are_not_a_person_trapped(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "柜子里锁着个小孩 出不来了 快来",
        "柜子里锁着同事的东西 还有个小孩在里面哭",
    ],
)
def test_a_child_locked_in_stays_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "电动车在电梯里冒烟",
        "2号楼电梯里电动车着了",
        "平衡车在楼道里充电冒烟了 快来",
    ],
)
def test_a_scooter_burning_is_the_guards_wherever_it_stands(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE")


def test_a_scooter_feared_to_burn_in_the_lift_is_not_urgent():
    assert not nlp.classify("老是有人把电动车推进电梯 万一冒烟怎么办").urgent


@pytest.mark.parametrize(
    "text",
    [
        "楼梯口好浓的烟 呛死了",
        "车库里一股浓烟 呛得直咳嗽",
        "三楼过道好多烟 呛人 快来看看",
    ],
)
def test_smoke_that_chokes_with_no_vent_named_is_the_guards(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE")


def test_a_vent_smoking_stays_the_ventilations():
    assert nlp.classify("排风扇冒烟了 好呛").code == "ENG-HVAC"


def test_smoke_that_choked_yesterday_is_not_urgent():
    assert not nlp.classify("昨天楼道里有烟 呛了一下 后来知道是楼下烧纸").urgent


@pytest.mark.parametrize(
    "text",
    [
        "现在水喷出来了",
        "水喷出来了 快来",
        "水管那边水呲出来了 到处都是",
    ],
)
def test_water_bursting_out_with_nothing_named_is_the_plumbing(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "ENG-PLUMB")


def test_a_sprinkler_spraying_stays_fire_equipment():
    assert nlp.classify("消防喷淋头在喷水").code == "ENG-FIRE"


def test_water_that_sprayed_yesterday_is_not_urgent():
    assert not nlp.classify("昨天水喷出来了 现在已经修好了").urgent
