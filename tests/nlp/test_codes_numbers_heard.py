"""A number of months is no voice-typing slip: 三个月 sounds like the keyword 上个月 (sh/s and
-ang/-an merged), and was shown to staff as 「三个月≈上个月」 and rewritten in the text."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "报修三个月了还没人来",
        "水管爆了 三个月前刚修过 现在又喷水了 水漫到客厅了",
        "三个月了 天花板一直往下漏水",
        "我们这栋楼三个月都没有热水",
    ],
)
def test_three_months_is_not_heard_as_last_month(text):
    assert not any("≈" in e for e in nlp.classify(text).evidence)


@pytest.mark.parametrize(
    ("text", "code"),
    [("报修三个月了还没人来", "SVC-SLOW"), ("上个月报的灯还没修", "SVC-SLOW"), ("三个月了 天花板一直往下漏水", "ENG-LEAK")],
)
def test_the_months_still_count_as_a_wait(text, code):
    assert nlp.classify(text).code == code


def test_a_real_slip_is_still_heard():
    assert any(e.startswith("点梯≈") for e in nlp.classify("点梯坏了 按了没反应").evidence)
