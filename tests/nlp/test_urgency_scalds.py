"""Someone scalded or splashed by something hot (热油, 开水, 火锅汤, 蒸汽) is hurt now: the
guards and a first-aider go. 烫着 is a word of its own, not a voice-typed 躺着."""
import pytest

import nlp

SCALDED = [
    "有个阿姨被热油溅到脸上了 很疼",
    "服务员端汤的时候洒了 开水泼到一个小朋友身上",
    "我女儿被火锅汤烫着了",
    "奶茶店员工被蒸汽烫到手了",
]

CALM = [
    "孩子手被烫了一下 现在没事了",
    "上次差点被热汤烫到",
    "热水器出水太烫了 调不了温度",
    "开水房的水太烫 建议贴个提示",
    "汤洒到桌上了 服务员也不擦",
]


@pytest.mark.parametrize("text", SCALDED)
def test_someone_scalded_now_is_the_guards_emergency(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize("text", CALM)
def test_a_scald_past_feared_or_of_water_only_is_calm(text):
    assert not nlp.classify(text).urgent
