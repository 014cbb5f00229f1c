"""A question wrapped around a danger ("物业电话多少? 车库有辆车着火了") is an emergency for
the department that handles the danger: the desk question's code (SVC-INFO) has nobody to
send. The equipment the message names is what is failing (配电间, 电梯), before the
danger's generic code; and the learned model, which reads the question's words, does not
turn the danger back into a desk question."""

import pytest

import nlp

# the model alone read these as SVC-INFO
MODEL_WOULD_ASK = [
    ("你好 想问一下物业办公室电话 我们b1停车场那边有辆车着火了", "SEC-SAFE"),
    ("请问一下物业几点上班 我们楼下有辆车在冒烟", "SEC-SAFE"),
    ("你好请问一下怎么联系物业 楼道里有人晕倒了", "SEC-SAFE"),
]

# the rules' question code gave way to the danger's generic code, not the named equipment
EQUIPMENT_NAMED = [
    ("物业几点下班啊 电梯里关了个老人出不来", "ENG-LIFT"),
    ("请问物业几点上班 电梯卡在两层中间 里面有人", "ENG-LIFT"),
    ("想问下怎么报修 店里的插座刚才炸了冒火", "ENG-ELEC"),
]

ELECTRICAL_ROOMS = [
    ("配电室里有股焦味", "ENG-ELEC"),
    ("强电井那边一直啪啪响还冒火花", "ENG-ELEC"),
    ("总闸跳了 整层都没电了", "ENG-ELEC"),
    ("开关箱在冒烟", "ENG-ELEC"),
]


@pytest.mark.parametrize(("text", "code"), MODEL_WOULD_ASK + EQUIPMENT_NAMED + ELECTRICAL_ROOMS)
def test_a_danger_asked_around_is_urgent_for_whoever_handles_it(text, code):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, code), result


@pytest.mark.parametrize(("text", "code"), EQUIPMENT_NAMED + ELECTRICAL_ROOMS)
def test_the_rules_name_the_equipment_themselves(rules, text, code):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, code), result


def test_a_plain_question_stays_a_desk_question():
    result = nlp.classify("请问物业几点上班 配电室的钥匙在谁那")
    assert (result.urgent, result.code) == (False, "SVC-INFO"), result
