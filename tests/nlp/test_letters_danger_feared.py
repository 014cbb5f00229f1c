"""A letter that calls a fault dangerous (老人上下楼很危险, 拆除危险吊顶) fears a danger; it
does not report one happening now: 危险 alone no longer makes a letter urgent (task urg8,
an earlier helper's measure: authored urgent precision .797 -> .810, no recall lost)."""

import pytest

import nlp

FEARED = [
    "关于B区12栋连廊栏杆锈蚀的反映。B区12栋三楼连廊的铁栏杆底座已经锈蚀，摸上去有些晃动，"
    "小区里孩子多，大家都觉得很危险。希望物业安排人员检查并更换栏杆。",
    "反映C区花园小区单元门口台阶破损问题。C区花园小区5栋单元门口的台阶边角破损了好几处，"
    "晚上光线暗，老人进出很危险。请物业尽快修补台阶并加装照明。",
]


@pytest.mark.parametrize("text", FEARED)
def test_a_letter_fearing_a_danger_is_not_urgent(rules, text):
    for result in (rules.classify(text), nlp.classify(text)):
        assert result.urgent is False, result
