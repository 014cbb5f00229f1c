"""Someone working at another's lock with a tool is a break-in tried, whoever's door is named
between the tool and the lock (拿工具在弄隔壁铺子的锁); asking for one's own door to be
opened with a tool is a request."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "有个男的拿铁丝在捅对面那家店的卷帘门锁",
        "看到有人用螺丝刀在弄隔壁办公室的门锁 还没走",
        "楼道里有人拿钳子在剪邻居家的车锁",
    ],
)
def test_a_tool_at_someone_elses_lock_is_a_break_in_now(rules, text):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize("text", ["能不能拿工具帮我开一下我家的门锁", "师傅拿工具修了一下我们店的门锁 还是不行"])
def test_a_tool_at_ones_own_lock_is_not(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
