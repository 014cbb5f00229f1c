"""A bag nobody wants, left where people pass, is security's to check (SEC-SAFE), as 没人认领
already was; the first sentence was tuned on, the others written before the change. An old
sofa nobody wants any more is a request to take it away."""

from __future__ import annotations

import pytest

import nlp


@pytest.mark.parametrize("text", ["三楼走廊有个没人要的包 放了一个多小时了", "电梯里有个没人要的箱子", "大厅椅子上有个包一直没人要"])
def test_a_bag_nobody_wants_is_securitys_to_check(text):
    assert nlp.classify(text).code == "SEC-SAFE"


def test_a_thing_given_away_is_no_unclaimed_bag():
    assert nlp.classify("这个旧沙发没人要了 能帮忙搬走吗").code == "SVC-INFO"
