"""Someone taken ill (fainted, a seizure, a heart attack) is an emergency for the guards
and a first-aider (SEC-SAFE), whatever room or machine it happened in; a lift that stopped
or caught someone stays the lift's, even when a passenger fainted in it."""

import pytest

import nlp

TAKEN_ILL = [
    "货梯里有位阿姨突然晕倒了",
    "扶梯口有个大爷心脏病发作了 倒在地上",
    "健身房跑步机上有人昏过去了",
    "办公室里同事突然抽搐 怎么叫都叫不醒",
    "停车场收费亭的大叔中暑了",
]

STILL_THE_MACHINE = [
    ("电梯卡在五楼不动 里面有个孕妇晕倒了", "ENG-LIFT"),
    ("扶梯把小孩的脚卷进去了 孩子疼晕了", "ENG-LIFT"),
]


@pytest.mark.parametrize("text", TAKEN_ILL)
def test_someone_taken_ill_is_the_guards_emergency(rules, text):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize(("text", "code"), STILL_THE_MACHINE)
def test_a_faulty_machine_with_someone_ill_in_it_stays_the_machines(rules, text, code):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, code), result
    assert nlp.classify(text).code == code
