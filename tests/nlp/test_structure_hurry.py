"""Hurrying an earlier report (催一下) is asking again: SVC-SLOW, even with no wait in days."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "催一下三楼的下水道 早上九点报的 现在快中午了 马上要开餐了",
        "再催一下 昨天报的空调维修 师傅呢",
        "上午报的门锁 我又催了一遍 人呢",
    ],
)
def test_hurrying_an_earlier_report_is_a_chase(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


@pytest.mark.parametrize(
    "text",
    [
        "我周四上午报的修 就想问问什么时候派人 没催的意思哈",
        "昨天报修的马桶 师傅大概几点能到",
    ],
)
def test_only_asking_when_is_a_question(text):
    assert nlp.classify(text).code == "SVC-INFO"


def test_a_reminder_to_pay_is_billing():
    assert nlp.classify("收费员上门催缴 可是我上周刚在公众号交过了 系统没更新吗").code == "FEE-BILL"
