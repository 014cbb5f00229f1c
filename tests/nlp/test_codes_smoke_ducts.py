"""A smoke or exhaust duct is no water pipe (lead note 09:20, webhook probe 「隔壁奶茶店的排烟管道冒
黑烟 还有火星子」 read as ENG-PLUMB through 管道). One that does not draw is ventilation's
(ENG-HVAC); one giving off flames, sparks or smoke now is a fire danger (SEC-SAFE, urgent);
one feared to catch fire some day is no emergency."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "对面烧烤店的排烟管道在往外冒火星",
        "二楼餐厅的油烟管道好像烧起来了 一股焦味",
        "楼下火锅店的油烟管道冒黑烟了 还有火苗",
    ],
)
def test_a_duct_burning_is_a_fire_danger(text):
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True)


@pytest.mark.parametrize(
    "text",
    [
        "油烟管道不排了 后厨全是油烟",
        "我们的排烟管道被堵住了 烟出不去",
    ],
)
def test_a_duct_that_does_not_draw_is_ventilation(rules, text):
    result = rules.classify(text)  # the model heard ventilation already; the rules heard a pipe
    assert (result.code, result.urgent) == ("ENG-HVAC", False)


def test_a_duct_feared_to_catch_fire_is_no_emergency():
    result = nlp.classify("排烟管道的油垢积了厚厚一层 担心哪天会着火")
    assert (result.code, result.urgent) == ("ENG-HVAC", False)
