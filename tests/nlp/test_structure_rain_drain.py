"""Rain that pools and will not drain is drainage (ENG-PLUMB); rain coming in is seepage."""

import pytest


@pytest.mark.parametrize(
    "text",
    ["一下雨阳台就积水 排不出去", "屋顶花园一下雨就积一池子水", "下完雨地库积水好深 排水不畅"],
)
def test_rain_that_will_not_drain_is_drainage(rules, text):
    assert rules.classify(text).code == "ENG-PLUMB"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("暴雨 店里靠外墙那边水一直渗进来 地上已经积水了", "ENG-LEAK"),
        ("昨晚下大雨 办公室天花板滴水", "ENG-LEAK"),
        ("下雨天小区路面一个大坑积水", "ENG-CIVIL"),  # the pit is the fault
    ],
)
def test_rain_coming_in_or_a_pit_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code
