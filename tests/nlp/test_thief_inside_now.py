"""A thief inside now or someone stealing there now is urgent security (issue 17): a thief
who slipped in (贼都摸进车库了), someone stealing at a place (有人在停车场偷车), someone inside
after closing (仓库里有人 但是我们早就下班了); a theft past or habitual stays calm."""

import pytest


@pytest.mark.parametrize(
    "text", ["物业安保真厉害啊 贼都摸进车库了还在玩手机", "有人在停车场偷车", "仓库里有人 但是我们早就下班了"]
)
def test_a_thief_there_now_is_urgent_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize("text", ["昨晚有人在车库偷了我的电瓶", "经常有人在车棚偷东西"])
def test_a_theft_past_or_habitual_is_not(rules, text):
    assert rules.classify(text).urgent is False
