"""Someone else's things locked in a cabinet (锁着同事的东西) are things inside, not a person
trapped; a child locked in stays urgent."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "柜子里锁着同事的东西",
        "仓库门锁坏了 里面锁着老板的货",
        "寄存柜里锁着顾客的包 柜子坏了开不了",
        "保险柜里锁着客户的现金 密码忘了",
    ],
)
def test_things_locked_away_are_not_a_person_trapped(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "柜子里锁着个小孩 出不来了 快来",
        "柜子里锁着同事的东西 还有个小孩在里面哭",
    ],
)
def test_a_child_locked_in_stays_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "电动车在电梯里冒烟",
        "2号楼电梯里电动车着了",
        "平衡车在楼道里充电冒烟了 快来",
    ],
)
def test_a_scooter_burning_is_the_guards_wherever_it_stands(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE")


def test_a_scooter_feared_to_burn_in_the_lift_is_not_urgent():
    assert not nlp.classify("老是有人把电动车推进电梯 万一冒烟怎么办").urgent
