"""Fresh probes (issue 17): classes of wording found wrong on new tenant messages.

Every sentence here was written for this file, not copied from a labelled set.
"""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "这个月电费怎么算的 我家根本不可能用这么多",
        "燃气费怎么算的 搞错了吧 比去年翻了一倍",
        "车位管理费怎么收费的 也太离谱了",
    ],
)
def test_a_money_question_that_disputes_the_amount_is_a_complaint(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("FEE-BILL", "complaint")


@pytest.mark.parametrize(
    "text",
    [
        "电动车充电怎么收费",
        "搬家用货梯要收费吗",
    ],
)
def test_a_plain_money_question_stays_an_inquiry_for_the_rules(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("FEE-BILL", "inquiry")
