"""Whose emergency it is, when the words around it name another team: water spreading next
door is the plumbing's, not a noise between neighbours; a lift that smells of burning is the
lift's; a hurt worker is a hurt person, whatever their trade; a limb stuck in something that
is no lift is not the lift's. Each beside the same objects with no danger."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "水从我们店漫到隔壁店了",
        "隔壁那家店的水淹到我们店里来了 货全泡了",
        "水漫到隔壁店里了 快来",
    ],
)
def test_water_spreading_next_door_is_the_plumbing_not_a_noise(text):
    result = nlp.classify(text)
    assert result.urgent and result.code != "SEC-NOISE"
    assert result.category == "ENG"


def test_a_noisy_neighbour_shop_stays_a_noise():
    result = nlp.classify("隔壁店天天放音乐 吵得受不了")
    assert (result.urgent, result.code) == (False, "SEC-NOISE")


@pytest.mark.parametrize(
    "text",
    [
        "电梯里有烧焦的味道 好呛",
        "轿厢里一股焦糊味 越来越重",
        "坐电梯的时候闻到电梯里有东西烧糊了",
    ],
)
def test_a_burning_smell_inside_a_lift_is_the_lifts(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "ENG-LIFT")


def test_a_scooter_smoking_in_a_lift_stays_the_guards():
    assert nlp.classify("有人把电瓶车推进电梯 电瓶车冒烟了").code == "SEC-SAFE"


def test_a_stale_smell_in_a_lift_is_no_emergency():
    assert not nlp.classify("电梯里有股馊味 不知道谁带的剩饭").urgent


@pytest.mark.parametrize(
    "text",
    [
        "水管工的手被管子割破了 流了好多血",
        "电工干活的时候被砸到头了 在流血",
        "保洁阿姨被热水烫伤了 手上全是泡",
        "维修师傅在机房突然晕倒了 叫不醒",
    ],
)
def test_a_hurt_worker_is_a_hurt_person_not_their_trade(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE")


@pytest.mark.parametrize(
    "text, code",
    [
        ("水管工下午几点到", "SVC-INFO"),
        ("电工来修过了 灯还是不亮", "ENG-ELEC"),
    ],
)
def test_a_worker_named_with_no_one_hurt_keeps_its_code(text, code):
    result = nlp.classify(text)
    assert not result.urgent
    assert result.code == code


@pytest.mark.parametrize(
    "text",
    [
        "小孩的手卡在闸机里了 拔不出来",
        "孩子手指卡在摇摇车里拔不出来",
        "宝宝的脚卡在栏杆缝里了 一直哭",
    ],
)
def test_a_limb_stuck_where_no_lift_is_named_is_not_the_lifts(text):
    result = nlp.classify(text)
    assert result.urgent and result.code != "ENG-LIFT"


def test_a_limb_caught_by_an_escalator_stays_the_lifts():
    result = nlp.classify("扶梯把小孩的手卡住了 拔不出来")
    assert (result.urgent, result.code) == (True, "ENG-LIFT")


@pytest.mark.parametrize(
    "open_shaft, calm",
    [
        ("花园那个检修口盖子被人掀开了 下面好深 有老人在旁边", "花园那个检修口盖板有点翘 走路会绊一下"),
        ("地上有个大洞 盖板没了 小孩在边上蹦", "地上那块盖板有点松 踩上去会响"),
        ("d细路喺manhole隔离玩 个盖冇咗", "manhole个盖有啲松 车过就响"),
    ],
)
def test_people_beside_an_open_shaft_is_the_civil_teams_emergency(open_shaft, calm):
    result = nlp.classify(open_shaft)
    assert (result.urgent, result.code) == (True, "ENG-CIVIL")
    assert not nlp.classify(calm).urgent


@pytest.mark.parametrize("text", ["厕所坑位的马桶盖子没了", "垃圾桶的盖子不见了 臭死了"])
def test_a_lid_of_a_fixture_gone_opens_no_shaft(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "好多车泡在水里",
        "b2好几台车都泡在水里了",
        "仓库的货全泡在水里 快来",
    ],
)
def test_cars_or_goods_soaked_in_flood_water_are_no_electrical_fault(text):
    result = nlp.classify(text)
    assert result.urgent and result.code != "ENG-ELEC"


def test_a_socket_soaked_in_water_stays_electrical():
    result = nlp.classify("墙上的插座泡在水里了")
    assert (result.urgent, result.code) == (True, "ENG-ELEC")
