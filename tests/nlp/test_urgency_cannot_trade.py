"""A unit that cannot operate is urgent (taxonomy: 店铺无法营业): a kitchen that cannot serve,
goods shut in behind a dead lock with customers waiting. Goods put away, a slow kitchen
or one burner out stay calm; movers shut in a goods lift stay trapped."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "厨房的排烟风机不转了 整个后厨全是油烟 灶台都没法开",
        "仓库的电子锁没电了 货都锁在里面 今天的单发不出去",
        "灶台打不着火了 今天中午没法出餐",
        "仓库门打不开 货都在里面 客户等着提货",
        "货梯卡住了 我们两个搬货的关在里头 按铃没人应",
    ],
)
def test_a_unit_that_cannot_operate_is_urgent(text):
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize(
    "text",
    ["货都锁在仓库里了 明天再来拿", "灶台有个眼点不着 其他的还能用", "中午出餐有点慢 客人有意见"],
)
def test_goods_put_away_or_a_slow_kitchen_is_calm(text):
    assert nlp.classify(text).urgent is False
