"""A thing swaying (吊灯晃悠悠的, 晃悠晃悠) is the thing's repair, not someone loitering (有人在
门口晃悠): the reduplicated 晃悠 describes the motion of an object (issue 17)."""

import pytest


@pytest.mark.parametrize(
    "text, code",
    [("大堂的吊灯晃悠悠的", "ENG-ELEC"), ("走廊那盏吊灯晃悠晃悠的", "ENG-ELEC"), ("空调外机晃悠悠的", "ENG-HVAC")],
)
def test_a_thing_swaying_is_its_repair_not_loitering(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent, result.urgent) == (code, "repair", False), result


@pytest.mark.parametrize("text", ["有个人一直在门口晃悠", "门口有个陌生人晃悠了半天 还没走"])
def test_someone_loitering_is_still_the_guards(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result
