"""Fuel leaking beside a lit cigarette or a flame is a fire about to start (the guards'),
while a car dripping oil alone is a mess; an open shaft or pit with children or people at
it is a fall about to happen, while a cover left open with nobody near is a repair."""
import pytest

import nlp


@pytest.mark.parametrize("text", [
    "停车场有辆车在漏油 旁边有人抽烟",
    "车库有车漏油 地上一滩 有人在那抽烟",
    "小朋友在污水井边上玩 井盖没盖",
    "通风井的盖子开着 有小孩在旁边跑",
])
def test_fuel_by_a_flame_or_a_child_by_an_open_shaft_is_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", [
    "停车场有辆车漏油了 地上一滩", "车库禁止抽烟的牌子掉了", "井盖上次没盖好 已经修好了",
    "检修口的盖子开着 里面黑乎乎的", "加油站那边不让抽烟吧",
])
def test_a_drip_a_sign_or_a_cover_with_nobody_near_is_calm(text):
    assert not nlp.classify(text).urgent


def test_fuel_by_a_flame_is_the_guards():
    assert nlp.classify("停车场有辆车在漏油 旁边有人抽烟").code == "SEC-SAFE"
