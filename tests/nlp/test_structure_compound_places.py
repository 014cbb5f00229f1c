"""A place said right before an object, with no 的 between (车库出入口坡道, 停车场路灯, 电梯空调),
is a compound noun: its head, the last word, is the faulty thing."""

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("地下车库出入口坡道太陡 下雨天车子老打滑", "ENG-CIVIL"),
        ("停车场路灯坏了好几盏", "ENG-ELEC"),
        ("卫生间地漏堵了 水排不下去", "ENG-PLUMB"),
        ("车库排水沟堵了 一下雨就积水", "ENG-PLUMB"),
        ("D3区高桥小区地下车库出入口坡道太陡。高桥小区地下车库出口坡道坡度太大，下雨天路滑，已经发生过好几起"
         "车辆溜坡追尾事故，希望物业加装防滑条和警示标志。", "ENG-CIVIL"),
    ],
)
def test_the_last_noun_of_a_compound_is_the_object(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("车库坡道上停满了车 出不去", "SEC-PARK"),  # the ramp only says where the cars are
        ("车位被占了", "SEC-PARK"),
        ("电梯门夹人了", "ENG-LIFT"),  # 门 is the lift's part
        ("电梯按钮按了没反应", "ENG-LIFT"),
        ("楼道垃圾三天没人清", "ENV-CLEAN"),
    ],
)
def test_a_place_with_its_own_words_or_parts_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("小区主干道地面沉降 裂了好长一条缝", "ENG-CIVIL"),
        ("外墙保温层一大块一大块往下掉", "ENG-CIVIL"),
        ("挡土墙鼓出来了 怕要塌", "ENG-CIVIL"),
        ("雨水井被树叶堵死了", "ENG-PLUMB"),
    ],
)
def test_civil_and_drain_objects_are_named(rules, text, code):
    assert rules.classify(text).code == code
