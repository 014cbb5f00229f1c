"""Urgent wordings a probe written before the day's work missed (lead blind7, 6 Dec), each
beside calm siblings that share its words."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["停车场两个人吵着吵着动刀了", "他们打着打着动刀了", "门口两个人动刀子了"])
def test_a_quarrel_that_turns_to_knives_is_urgent(text):
    result = nlp.classify(text)
    assert result.urgent and result.code == "SEC-SAFE"


@pytest.mark.parametrize("text", ["昨天那两个人吵着吵着差点动刀 还好被拉开了", "我妈下周要动刀 这几天请假", "电视剧里动刀了"])
def test_a_knife_past_a_surgery_or_a_show_is_calm(text):
    assert not nlp.classify(text).urgent


def test_a_sign_swaying_over_a_pavement_is_urgent():
    assert nlp.classify("外墙上一块广告牌被风吹得一直晃 下面就是人行道").urgent


@pytest.mark.parametrize("text", ["外墙上的广告牌灯太亮 晃眼睛", "外墙广告牌上周被风吹得一直晃 已经加固了"])
def test_a_dazzling_sign_or_one_made_fast_is_calm(text):
    assert not nlp.classify(text).urgent


# 一…就 is a habit (一下雨就漏: calm), not 一直晃 下面就是, nor 响了一下 然后就闻到
@pytest.mark.parametrize("text, urgent", [
    ("一下雨就漏", False),
    ("天花板一到下雨天就滴水", False),
    ("插头那里响了一下 然后就闻到一股焦味 现在还在冒烟", True),
])
def test_a_habit_is_one_clause_long(text, urgent):
    assert nlp.classify(text).urgent is urgent
