"""Praise of the guards said in scorn while a danger happens and they idle (issue 17): the
danger is the guards' to stop now, urgent and SEC-SAFE, not praise nor their manner alone."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "你们保安真是好样的 小偷都进楼了还在睡觉",
        "保安大哥可真尽职 有人在撬我家门锁他都没看见",
        "你们的保安可真棒 有人正在撬单元门 他在岗亭里打瞌睡",
        "夸一下你们值班的保安 小偷在车棚里偷电动车 他还在刷抖音",
        "物业的保安真是尽职尽责啊 有人在车库撬车门 他在值班室看电视",
    ],
)
def test_scorned_praise_beside_a_danger_now_is_the_danger(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("SEC-SAFE", "complaint", True), result


@pytest.mark.parametrize(
    "text", ["谢谢保安小李 昨晚小偷进楼被他当场抓住了", "保安真好 大半夜还帮我看着车 我都睡着了"]
)
def test_praise_for_a_danger_handled_stays_praise(text):
    assert nlp.classify(text).intent == "praise"


def test_a_guard_who_shoves_someone_is_his_manner():
    assert nlp.classify("巡逻的保安对外卖小哥动手推搡 太过分了").code == "SVC-ATTI"
