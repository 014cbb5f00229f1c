"""Praise of staff and a service that went quiet, in tenants' words (issue 17's classes).

Own sentences, written before the keywords; the rules alone must read them."""

import pytest

from nlp.classifier import Classifier

RULES_ONLY = Classifier(model=None)


@pytest.mark.parametrize(
    "text",
    [
        "必须夸一夸夜班保安 昨晚帮我把喝醉的朋友扶回了家",
        "要夸一下前台小姑娘 帮我找回了钱包",
        "这次报修速度太快了 早上报的中午就来了",
    ],
)
def test_praise_of_staff_is_service_attitude_and_praise(text):
    result = RULES_ONLY.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise"), result


@pytest.mark.parametrize(
    "text",
    [
        "给客服留言两天了 也没人回",
        "说好的周三来换灯 又拖到下周了",
        "工单转给工程部以后就没有然后了",
    ],
)
def test_a_service_that_went_quiet_is_slow(text):
    result = RULES_ONLY.classify(text)
    assert result.code == "SVC-SLOW", result


@pytest.mark.parametrize("text", ["你们效率真高啊 报修一个月了还没来", "这速度真快 等了三天了"])
def test_praise_words_beside_a_wait_stay_a_complaint(text):
    assert RULES_ONLY.classify(text).intent == "complaint"
