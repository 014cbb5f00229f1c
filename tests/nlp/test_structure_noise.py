"""Who makes a noise decides its code: the centre's own equipment is its own code."""

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("水泵房的声音太大了 晚上睡不着", "ENG-PLUMB"),
        ("楼顶冷却塔轰轰响 吵得睡不着", "ENG-HVAC"),
        ("地下室发电机一直在响 吵死了", "ENG-ELEC"),
        ("新风机呼呼的响 办公室都听得到", "ENG-HVAC"),
        ("电梯井里咚咚响 一整晚", "ENG-LIFT"),
        ("卷帘门一开就哐哐响 很吵", "ENG-DOOR"),
    ],
)
def test_the_centres_noisy_equipment_is_its_own_code(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "repair")


@pytest.mark.parametrize(
    "text",
    ["隔壁邻居的音响太吵了", "楼上装修电钻声吵死了", "楼下烧烤店喝酒划拳闹到两点", "不是空调的声音 是隔壁在唱歌"],
)
def test_noise_made_by_others_is_a_nuisance(rules, text):
    assert rules.classify(text).code in ("SEC-NOISE", "SEC-DECOR")


@pytest.mark.parametrize(
    "text",
    [
        "隔壁商铺的空调外机对着我们店门口 轰轰响还吹热风",
        "楼下饭店的排风机从早响到晚 我们在楼上办公受不了",
        "邻居家的空调外机装在我卧室窗外 嗡嗡响一夜",
        "楼下邻居新装的空调外机吵得孩子睡不着",
    ],
)
def test_a_neighbours_or_a_shops_machine_is_a_nuisance_the_model_keeps(text):
    import nlp

    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SEC-NOISE", "complaint")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("我家空调外机响得厉害 麻烦来看看", "ENG-HVAC"),
        ("我们店的排风扇转起来咔咔响", "ENG-HVAC"),
        ("楼道里的风机一直响 晚上很吵", "ENG-HVAC"),
        ("一楼大堂的空调风机声音很大", "ENG-HVAC"),
    ],
)
def test_the_tenants_own_or_the_centres_machine_stays_a_fault(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("半夜发电机在那突突突响 是在试机吗 太吵了", "ENG-ELEC"),
        ("电梯机房的声音太吵了 我家就在顶楼", "ENG-LIFT"),
        ("消防水泵每天早上试泵 声音巨大 吵醒孩子", "ENG-FIRE"),
        ("地下室的排污泵整晚轰轰响 一楼根本睡不着", "ENG-PLUMB"),
        ("楼下泵房的水泵半夜启动 嗡嗡的吵得人睡不着", "ENG-PLUMB"),
    ],
)
def test_the_model_does_not_turn_the_centres_plant_into_a_neighbours_noise(text, code):
    import nlp

    assert nlp.classify(text).code == code


@pytest.mark.parametrize(("text", "code"), [("隔壁饭店的排风机吵死了", "SEC-NOISE"), ("火警铃一直响 是不是误报了", "ENG-FIRE")])
def test_others_plant_stays_a_nuisance_and_a_bell_no_noise(text, code):
    import nlp

    assert nlp.classify(text).code == code
