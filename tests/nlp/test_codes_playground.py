"""Playground equipment is the estate's fixture (ENG-CIVIL), not a lift because of 梯; and the
labelled files follow the taxonomy on who makes a noise (the model learns from them)."""

import pytest

import nlp
from nlp import labelled


@pytest.mark.parametrize(
    "text",
    [
        "小区滑梯坏了好久了",
        "儿童乐园的滑梯断了一截 小孩差点摔下来",
        "秋千的链子快断了 孩子还天天在上面荡",
        "健身器材的扶手断了 老人差点摔倒",
        "关于小区游乐场滑梯损坏的投诉。小区游乐场的滑梯已经损坏半年，孩子从上面滑下来被划伤，物业一直不修。",
    ],
)
def test_playground_equipment_is_a_fixture_not_a_lift(text):
    assert nlp.classify(text).code == "ENG-CIVIL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("电梯坏了 按了没反应", "ENG-LIFT"),
        ("滑梯旁边的垃圾桶满了没人倒", "ENV-CLEAN"),
        ("扶梯停了 上不去", "ENG-LIFT"),
    ],
)
def test_lifts_and_things_beside_the_slide_keep_their_codes(text, code):
    assert nlp.classify(text).code == code


def test_the_centres_pump_room_is_plumbing_in_the_training_labels():
    rows = [r for r in labelled.load("authored") if "泵房设备噪音" in r["text"]]
    assert rows and all(r["code"] == "ENG-PLUMB" for r in rows)


def test_a_neighbouring_complexs_outdoor_units_are_a_nuisance_in_the_training_labels():
    rows = [r for r in labelled.load("authored") if r["text"].startswith("关于某商业综合体空调外机噪声")]
    assert rows and all(r["code"] == "SEC-NOISE" for r in rows)


def test_a_letter_about_the_centres_pump_noise_keeps_the_pump():
    text = ("B2区丽园小区地下水泵房噪音扰民。丽园小区的生活水泵房就在3栋地下，水泵启动时的嗡嗡声和震动"
            "传到楼上，夜里尤其明显，住户长期睡不好，请物业对水泵做减震处理。")
    assert nlp.classify(text).code == "ENG-PLUMB"
