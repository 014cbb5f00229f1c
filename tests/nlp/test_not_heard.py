"""Voice-typing tolerance hears a keyword in its sound-alikes, except where the
sound-alike is an everyday phrase about the same things: 把火关了 (turned the flame
off, said around every gas stove) sounds like 火光 once -ng and -n are merged."""

import pytest

import nlp
from nlp import situation


@pytest.mark.parametrize("text", ["我已经把火关了 灶台还是打不着", "炒完菜把火关小了 锅还在冒热气", "把火关掉以后燃气表还在转"])
def test_turning_the_flame_off_is_no_fire(text):
    result = nlp.classify(text)
    assert result.urgent is False, result
    assert not any("≈火光" in e for e in result.evidence)


def test_a_glow_of_fire_is_still_a_fire():
    result = nlp.classify("对面楼顶有火光 好像烧起来了")
    assert result.urgent is True and "火光" in "".join(result.evidence)


def test_the_words_not_heard_are_still_patterns():
    assert "火光" not in situation.literal_words()
    assert any("火光" in p for spec in situation.data()["classes"].values() for p in spec["patterns"])


@pytest.mark.parametrize("text", ["停车的事打了好几个电话 还没人管", "空调的事打了三次电话了", "这事打电话也没用"])
def test_a_matter_called_about_is_no_fight(text):
    result = nlp.classify(text)  # 事打 (shì dǎ) ≈ 厮打 (sī dǎ) once s/sh merge
    assert result.urgent is False, result
    assert not any("≈厮打" in e or "≈撕打" in e for e in result.evidence)


@pytest.mark.parametrize("text", ["两个人在门口厮打", "停车场有人撕打起来了"])
def test_a_brawl_written_out_is_still_urgent_for_security(text):
    result = nlp.classify(text)
    assert result.urgent is True and result.code == "SEC-SAFE", result
