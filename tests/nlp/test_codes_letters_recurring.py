"""A letter whose title says a fault keeps happening (频繁停电, 电梯经常坏) is about the fault, not
about its handling; one whose title says it was reported again and again is about handling.
Sentences written for this file."""

import pytest


@pytest.mark.parametrize(
    "text, code",
    [
        ("关于幸福里小区频繁停电的问题。本小区自今年入夏以来多次突然停电，每次持续数小时，"
         "冰箱里的食物全部变质，居民苦不堪言，恳请有关部门督促物业尽快排查线路。", "ENG-ELEC"),
        ("反映某花园3栋电梯经常坏的问题。我是3栋住户，电梯一个月内停运了五六次，"
         "家里有老人上下楼非常困难，维保公司每次来修完没几天又坏，请求彻底检修。", "ENG-LIFT"),
    ],
)
def test_a_letter_titled_with_a_recurring_fault_is_the_fault(rules, text, code):
    assert rules.classify(text).code == code


def test_a_letter_titled_with_reports_repeated_is_about_handling(rules):
    text = ("多次反映电梯故障至今无人处理。我是某小区5栋业主，自去年起多次向物业反映电梯故障，"
            "物业每次都说会处理，但至今没有任何人来修，我们只能每天爬楼梯，请领导督促解决。")
    assert rules.classify(text).code == "SVC-SLOW"
