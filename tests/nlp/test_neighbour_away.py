"""A neighbour away or out of reach (楼上没人在家 联系不上), with no disturbance said, is no noise
(issue 17, lead note 10): alone it names nothing to route (OTHER), and the dialog keeps it
with the report it follows; a neighbour with a disturbance stays SEC-NOISE."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text", ["楼上没人在家 联系不上", "楼下邻居不在家", "隔壁店今天没开门 联系不上老板", "楼上没人", "楼上那户好像搬走了"]
)
def test_a_neighbour_away_is_no_noise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("OTHER", "other"), result


@pytest.mark.parametrize("text", ["楼上没人在家 但是一直有很吵的声音", "楼上邻居半夜跺脚"])
def test_a_neighbour_with_a_disturbance_stays_a_noise(text):
    assert nlp.classify(text).code == "SEC-NOISE"


def test_water_from_a_neighbour_away_stays_the_leak():
    assert nlp.classify("楼上漏水了 楼上没人在家 联系不上").code == "ENG-LEAK"


@pytest.mark.parametrize("text", ["隔壁那户一直没人住", "隔壁的租户电话打不通"])
def test_a_neighbour_away_is_no_wait_for_the_centre(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("OTHER", "other"), result


def test_a_report_to_the_centre_unanswered_stays_a_wait():
    assert nlp.classify("楼上邻居不在家 报修三天了还没人来").code == "SVC-SLOW"
