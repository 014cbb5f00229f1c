"""Cars held at a car park's exit because the barrier will not lift or the payment fails
(扫码付不了 出不去) is parking trouble, not people trapped: the public labels keep an exit
barrier that will not lift a non-urgent SEC-PARK. Someone shut in a lift or behind a door
in the car park is still trapped."""

import pytest

HELD_AT_EXIT = [
    "地下车库出口付不了款 杆不抬 我们车出不去也进不来",
    "停车场出口扫码扫了好几次都不行 我们出不去了",
    "交不了停车费 出口的闸不开 我们一家人出不去",
    "道闸一直不抬杆 我们在出口出不去 后面还排着车",
]


@pytest.mark.parametrize("text", HELD_AT_EXIT)
def test_a_car_held_at_the_exit_is_not_an_emergency(rules, text):
    result = rules.classify(text)
    assert result.urgent is False, result


@pytest.mark.parametrize(
    "text",
    [
        "地库电梯坏了 我们被困在里面出不去 停车费都交了",
        "车库的卷帘门打不开 我们出不去 孩子在哭 扫码也没用",
    ],
)
def test_people_shut_in_at_the_car_park_stay_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
