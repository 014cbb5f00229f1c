"""「电话就是这个微信号」: jieba cut 微 | 信号, and the rules read a signal fault (ENG-WEAK) in a
tenant's WeChat ID. 微信号 is one word now; 没信号 is still the network's."""

from __future__ import annotations

import pytest

from nlp import Classifier
from nlp.segment import keyword_cut

RULES = Classifier(model=None)


@pytest.mark.parametrize("text", ["电话就是这个微信号", "联系我微信号就行"])
def test_a_wechat_id_names_no_signal_fault(text):
    assert "微信号" in keyword_cut(text, RULES.rules.index)
    assert RULES.classify(text).code != "ENG-WEAK"


@pytest.mark.parametrize("text", ["店里手机没有信号", "微信号是abc123 手机信号很差"])
def test_no_signal_is_still_the_networks(text):
    assert RULES.classify(text).code == "ENG-WEAK"
