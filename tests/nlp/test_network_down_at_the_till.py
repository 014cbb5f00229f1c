"""The network or the card reader down stops the till, not the unit (店里网络断了 没法收银): the
public labels keep it a repair, not urgent (宽带断了 刷不了卡 生意都做不成), unless the power,
the water or the door is out too (issue 17, lead note 11)."""

import pytest


@pytest.mark.parametrize("text", ["店里网络断了 没法收银", "网络故障 扫码支付用不了 没法营业"])
def test_the_network_down_at_the_till_is_a_repair(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent, result.urgent) == ("ENG-WEAK", "repair", False), result


@pytest.mark.parametrize("text", ["店里突然停电了 收银机全黑 客人都在排队", "卷帘门打不开 进不去店 没法营业"])
def test_the_power_or_the_door_out_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True
