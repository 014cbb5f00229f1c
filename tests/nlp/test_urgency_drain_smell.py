"""A smell or gas that comes up a drain (下水道冒出来的味道, 下水道往外冒臭气) is no water
coming up: 水 of 下水道 beside 冒 was read as water bursting out. Water that does come up
a drain, or out of a pipe, is still damage in progress."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["下水道冒出来的味道很臭", "下水道往外冒臭气", "好像是从下水道冒出来的",
                                  "卫生间下水道一直往外冒臭味"])
def test_a_smell_up_the_drain_is_not_urgent(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)


@pytest.mark.parametrize("text", ["下水道冒水 漫了一地", "下水道的水往上冒 店里都淹了", "水管往外冒水", "地漏往外冒水 淹了"])
def test_water_coming_up_still_is(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)
