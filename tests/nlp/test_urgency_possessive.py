"""人家的车 is someone else's car, not a person: a car scraped while parking hurts nobody and
is no emergency, while a person hit (撞到人家了, 老人家) or someone's child or hand caught
stays urgent."""

import pytest

import nlp

SOMEONE_ELSES_THING = [
    "我倒车的时候压到了人家的车 怎么办",
    "压到人家的车了",
    "停车的时候不小心夹到人家的自行车了",
]

A_PERSON_HURT = [
    "有车压到人了",
    "倒车压到了一个人",
    "撞到人家了 人倒在地上起不来",
    "倒车撞到了老人家",
    "电梯门夹到人家的小孩了",
    "卷帘门压到人家的手了",
    "树倒了压到人家的车了 还在往下掉树枝",
]


@pytest.mark.parametrize("text", SOMEONE_ELSES_THING)
def test_someone_elses_thing_hit_is_not_a_person_hurt(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)


@pytest.mark.parametrize("text", A_PERSON_HURT)
def test_a_person_hit_or_caught_stays_urgent(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)
