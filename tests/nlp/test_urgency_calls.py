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


# a fault that endangers nobody, named beside the hurry: a blocked toilet, a dark corridor
# light, an access card, a slow basin (a lift keeps the call: someone may be inside)
HURRIED_FAULTS = [
    "十万火急!!! 卫生间马桶堵了冲不下去 赶紧派人来",
    "救命啊 厕所又堵了 快快快",
    "快来人 走廊灯不亮了",
    "十万火急 门禁卡刷不开了",
    "赶紧来人修一下 我们店洗手池下水太慢了",
]

# hurry words and a place or who is wanted, no fault: a person must look (triage)
BARE_CALLS = [
    "快来人 三楼楼梯口",
    "来几个人 b2停车场 快",
    "赶紧派几个保安到东门来",
    "急急急 快来人 五号楼大堂",
    "快来人 有人从楼梯上滚下来了",
    "救命 电梯停了 快来人",
]


@pytest.mark.parametrize("text", HURRIED_FAULTS)
def test_hurry_around_a_fault_that_endangers_nobody_is_not_urgent(rules, text):
    # the rules' reading; the learned model may still be sure of its own (its veto is blend's)
    assert rules.classify(text).urgent is False, rules.classify(text)


@pytest.mark.parametrize("text", BARE_CALLS)
def test_a_call_with_no_fault_or_a_lift_or_a_person_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True
