"""A compound's sliding gate (伸缩门, 电动门) is a door of the centre's and 滚梯 is what many
call an escalator: a person caught in one is urgent and the machine's code, as a person
caught by an automatic door is ENG-DOOR and by an escalator ENG-LIFT."""

import pytest


@pytest.mark.parametrize(
    "text,code",
    [
        ("小区大门的伸缩门关的时候夹到一个老奶奶", "ENG-DOOR"),
        ("车库口那个电动门把送外卖的胳膊夹住了", "ENG-DOOR"),
        ("滚梯把小孩的鞋卷进去了 快停下来", "ENG-LIFT"),
        ("商场二楼的滚梯把一位阿姨的裙子绞住了", "ENG-LIFT"),
    ],
)
def test_a_person_caught_by_a_gate_or_an_escalator_is_the_machines(rules, text, code):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, code), result


@pytest.mark.parametrize("text,code", [("伸缩门坏了 关不上", "ENG-DOOR"), ("地铁口那边的滚梯停了 不动了", "ENG-LIFT")])
def test_the_same_machine_broken_is_a_repair(rules, text, code):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (False, code), result
