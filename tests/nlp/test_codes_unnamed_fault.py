"""A fault said of a thing the message does not name (issue 17, class 2): 「不好使了」, 「坏了」,
"not working" with only a place around it. Where one trade has nearly everything at the place
that can stop working (a washroom's fixtures, a lift lobby's lift, a car park barrier), the
place decides; anywhere else the rules are unsure (OTHER), not a confident wrong code. A thing
named in the message decides as before (nlp/unnamed.py leaves it to the keywords)."""

import pytest


@pytest.mark.parametrize(
    "text, code",
    [
        ("三楼女卫生间里那个又不好使了", "ENG-PLUMB"),
        ("后厨里面的也坏了", "ENG-PLUMB"),
        ("B座2楼男厕所那个又坏了", "ENG-PLUMB"),
        ("货梯厅那边的又不灵了", "ENG-LIFT"),
        ("地库出口那个又坏了", "SEC-PARK"),
        ("the one in the staff toilet is not working", "ENG-PLUMB"),
    ],
)
def test_the_place_decides_where_one_trade_has_it(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent, result.urgent) == (code, "repair", False)


@pytest.mark.parametrize(
    "text",
    [
        "我们办公室那个又坏了",
        "停车场那边的又不好使了",
    ],
)
def test_elsewhere_a_thing_unnamed_is_unsure(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("OTHER", False)
