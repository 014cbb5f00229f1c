"""Issue 17 (task urg7): urgency on text the product has never seen. Each list names a
class found with fresh probes, beside the sibling that must not move. Judged with the rules
alone and with the model."""

import pytest

import nlp


def _both(rules, text):
    return rules.classify(text), nlp.classify(text)


# a door that will not open with nobody behind it (里面没人, 还好人在外面) shuts no one in
NOBODY_INSIDE = [
    "卧室门把手坏了 门一关上就打不开 现在门开着 里面没人",
    "卧室门锁坏了 打不开 里面没人",
    "阳台门从里面打不开了 还好人在外面",
    "the bathroom door won't open, nobody inside",
]
# ... while someone behind it is shut in
SOMEONE_INSIDE = ["孩子被锁在卧室里 门打不开", "卧室门打不开 里面没人能开 我女儿被关在里面了"]


@pytest.mark.parametrize("text", NOBODY_INSIDE)
def test_a_door_with_nobody_behind_it_is_a_repair(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result


@pytest.mark.parametrize("text", SOMEONE_INSIDE)
def test_someone_behind_the_door_is_still_shut_in(rules, text):
    for result in _both(rules, text):
        assert result.urgent is True, result


# water that wet something and has dried since (现在已经干了) is damage past: find the cause
DRIED = [
    "上周下雨仓库天花板滴过水 纸箱湿了 现在已经干了 麻烦来查一下原因",
    "前天楼上漏水 我们的货淋湿了 现在都干了 想查一下是哪里漏的",
]
# ... while a drip still going, or back, wets the goods now
STILL_WET = [
    "前天楼上漏水 地上已经干了 可是现在天花板又开始滴了 货都湿了",
    "货架上的纸箱湿了 地上的水还没干 天花板还在滴水",
]


@pytest.mark.parametrize("text", DRIED)
def test_water_dried_since_is_no_damage_in_progress(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result


@pytest.mark.parametrize("text", STILL_WET)
def test_water_still_dripping_on_goods_stays_urgent(rules, text):
    for result in _both(rules, text):
        assert result.urgent is True, result
