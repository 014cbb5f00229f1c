"""Despair said as a figure of speech (气得我想跳河, 吵得我想自杀, 跳楼的心都有) is anger at
whatever the message is about, not a person at an edge; a place to jump from, a blade or
不想活 beside it keeps it an emergency."""

import pytest

ANGER = [
    ("物业费又涨了 气得我想跳河", "FEE-BILL"),
    ("楼上半夜还在蹦迪 吵得我都想自杀", "SEC-NOISE"),
    ("空调修了三回还不制冷 热得我真想去死", None),
    ("快递第三次丢了 我跳楼的心都有", None),
    ("网费扣了两遍 烦得我想撞墙", None),
]


@pytest.mark.parametrize("text,code", ANGER)
def test_despair_as_a_figure_of_speech_is_not_urgent(rules, text, code):
    result = rules.classify(text)
    assert result.urgent is False, result
    if code:
        assert result.code == code, result


@pytest.mark.parametrize(
    "text",
    [
        "邻居被逼得想跳楼 现在人就站在天台上",
        "我老公说要跳河 气得他已经往桥那边去了 不想活了",
        "有个女的在七楼窗台上坐着 说要跳下去",
    ],
)
def test_someone_really_at_an_edge_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
