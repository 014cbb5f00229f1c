"""Thanking a member of staff (谢谢你们的维修师傅) is praise of staff: SVC-ATTI, intent praise,
unless the fault is still there or the thanks is a jab."""

import pytest


@pytest.mark.parametrize(
    "text",
    ["谢谢你们的维修师傅 大晚上的还跑一趟", "感谢保洁阿姨 每天都拖得很干净", "感谢管家 帮我找回了钥匙"],
)
def test_thanking_staff_is_praise(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


@pytest.mark.parametrize(
    ("text", "code"),
    [("谢谢师傅 空调还是不制冷", "ENG-HVAC"), ("谢谢师傅 灯还是不亮", "ENG-ELEC")],
)
def test_thanks_beside_a_fault_still_there_is_the_fault(rules, text, code):
    result = rules.classify(text)
    assert result.code == code and result.intent != "praise"


def test_thanks_beside_a_new_grievance_is_no_praise(rules):
    assert rules.classify("谢谢你们的保安 车又被划了").intent != "praise"
