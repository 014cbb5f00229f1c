"""A thing beside, under or in front of a place named after another code's object (issue 17):
the object is the head of 「place + 旁边/下面/门口 + 的 + object」, while the model's n-grams
hear the place (空调外机下面的地漏 -> ENG-HVAC, 收费亭旁边的消防栓 -> FEE-BILL)."""

import pytest

import nlp
from nlp import placed


@pytest.mark.parametrize(
    "text, code",
    [
        ("空调外机下面的地漏堵了", "ENG-PLUMB"),
        ("停车场收费亭旁边的消防栓漏水", "ENG-FIRE"),
        ("物业收费处门口的灯不亮", "ENG-ELEC"),  # 收费处 names no code the keywords know
        ("空调外机旁边的墙渗水", "ENG-LEAK"),  # the wall and what is said of it
    ],
)
def test_the_object_beside_a_place_keeps_its_code(text, code):
    assert nlp.classify(text).code == code


def test_the_place_alone_keeps_its_own_code():
    assert nlp.classify("空调外机一直在滴水").code == "ENG-HVAC"


def test_a_place_the_object_is_on_or_in_is_not_beside_it():
    # 草坪上的喷头 waters the lawn; 电梯里的灯 is the lift's own
    assert not placed.place_heard(["草坪", "上", "的", "喷头", "坏", "了"], "ENV-GREEN", "ENG-FIRE")
    assert placed.place_heard(["空调", "外机", "下面", "的", "地漏", "堵", "了"], "ENG-HVAC", "ENG-PLUMB")


def test_a_code_named_again_outside_the_place_is_not_only_the_place():
    tokens = ["空调", "外机", "下面", "的", "地漏", "堵", "了", " ", "空调", "也", "不", "制冷"]
    assert not placed.place_heard(tokens, "ENG-HVAC", "ENG-PLUMB")


def test_between_two_faults_the_model_still_votes():
    # 墙 (ENG-CIVIL) and a seepage the keywords do not name: no place was heard as the object
    assert not placed.place_heard(["卧室", "窗户", "底下", "的", "墙", "潮潮的"], "ENG-LEAK", "ENG-CIVIL")
