"""A place that only says where the faulty thing is does not decide the code (rules alone)."""

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # place + 的 + the faulty thing: the thing is the head of the phrase
        ("停车场的灯全灭了", "ENG-ELEC"),
        ("车库的灯坏了好几盏", "ENG-ELEC"),
        ("卫生间的门关不上", "ENG-DOOR"),
        ("厕所的灯一闪一闪", "ENG-ELEC"),
        ("停车场的喷淋管在滴水", "ENG-FIRE"),
        ("电梯旁边的厕所堵了", "ENG-PLUMB"),
        ("电梯口那个厕所的水龙头关不上", "ENG-PLUMB"),
        # a place that is an object too keeps its parts and what is said of them
        ("电梯的门打不开", "ENG-LIFT"),
        ("电梯的按钮坏了", "ENG-LIFT"),
        ("电梯停在两层中间 门打不开", "ENG-LIFT"),
        # a noise belongs to its source
        ("电梯的噪音很大", "ENG-LIFT"),
        # the place alone is still the subject
        ("停车场的车位被人占了", "SEC-PARK"),
    ],
)
def test_the_faulty_thing_outranks_the_place_it_is_in(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # places before 那个/这盏 say where the thing after it is
        ("地库出口那盏路灯不亮了 晚上开车出去看不清", "ENG-ELEC"),
        ("停车场入口的道闸旁边那个灯一直闪", "ENG-ELEC"),
        ("车道这块地砖碎了好几块", "ENG-CIVIL"),
        ("车库出口那根水管在滴水", "ENG-PLUMB"),
        # ... and stay the subject when the thing is theirs
        ("车库那个道闸又抬不起来了", "SEC-PARK"),
        ("停车场那个车位又被人占了", "SEC-PARK"),
        ("电梯那个按钮按了没反应", "ENG-LIFT"),
    ],
)
def test_a_demonstrative_opens_the_head_after_the_place(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the ceiling is leaking 会议室那块", "ENG-LEAK"),
        ("cockroach好多 在茶水间", "ENV-PEST"),
        ("escalator停了 不动", "ENG-LIFT"),
        ("parking太难了 一个位都没有", "SEC-PARK"),
        ("我们的breaker又跳了", "ENG-ELEC"),
        ("invoice什么时候能开", "FEE-BILL"),
    ],
)
def test_common_english_words_are_read_as_their_chinese(rules, text, code):
    assert rules.classify(text).code == code
