"""A fire in a kitchen is a fire: cooking words calm only cooking fumes, never a fire said
before them, and the hood (油烟机) is an appliance, not cooking fumes."""
from __future__ import annotations

import pytest

import nlp


@pytest.mark.parametrize("text", [
    "厨房着火了 烧到抽油烟机了", "油锅起火 火窜到油烟机上了", "油烟机冒烟了 有火星", "店里厨房起火了 在炒菜的时候",
    "后厨着火了 油烟机那里烧起来了",
])
def test_a_kitchen_fire_is_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", [
    "隔壁炒菜油烟太大 呛死了", "楼下在烧烤 烟很大", "厨房做饭的油烟飘到走廊了", "油烟机坏了 不吸烟",
    "有人放鞭炮 烟很大",
])
def test_cooking_fumes_and_a_broken_hood_are_not(text):
    assert not nlp.classify(text).urgent
