"""Hurry and help words are weighed with what they are about. Around a nuisance that
endangers nobody (a parked car, noise, rubbish, pests, a cold office) they are impatience
or a figure of speech, not an emergency; with no fault named they are still a call for
help (issue 17: a person triages it), and with a danger they make it more pressing."""

import pytest

import nlp

IMPATIENT = [
    "救命啊 办公室空调开得跟冰窖一样",
    "我的车位又被别人占了 快叫保安过来处理",
    "隔壁又在放音乐 吵得不行 赶紧叫保安去管管",
    "快来人 楼下垃圾堆臭得没法开窗",
    "救救我 厨房里好多蟑螂",
    "快叫人来 草坪好久没人剪了 草都齐腰了",
]

STILL_CALLS = [
    "快来人啊 三楼",
    "快快快 地库b2",  # a place says where the call comes from, not what the nuisance is
    "sos 停车场出口",
    "救命啊 车库这边",
    "救命 有人跟踪我到电梯口",
    "快叫保安 停车场有人在划车 人还在",
    "赶紧叫人 仓库水管爆了 水一直喷",
]


@pytest.mark.parametrize("text", IMPATIENT)
def test_a_call_around_a_nuisance_is_not_an_emergency(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)


@pytest.mark.parametrize("text", STILL_CALLS)
def test_a_bare_call_or_a_call_with_a_danger_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True
