"""Nobody called back about an earlier report (我昨天投诉的事情怎么还没人联系我): a complaint about
slow handling (SVC-SLOW), as 没人回复 and 没人处理 already were. The first three were tuned on; the
last two were written before the change (and already read so)."""

from __future__ import annotations

import pytest

import nlp


@pytest.mark.parametrize("text", ["我昨天投诉的事情怎么还没人联系我", "说好给我回电话 到现在也没回电话", "你们怎么一直没联系我",
                                  "投诉好几天了也没人联系我们", "你们说今天回电话的 没回电话啊"])
def test_nobody_called_back_is_slow_handling(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


def test_a_neighbour_out_of_reach_is_no_slow_handling():
    assert nlp.classify("楼上没人在家 联系不上").code != "SVC-SLOW"
