"""English reports from a mall's foreign tenants, and people at work behind a closed door.

"air con" is two words, and English puts the shop before its missing power (my shop L3-008
has no power) or after it (power is off in the whole shop): a whole shop without power is
urgent (taxonomy: 整店停电), one socket or one light is not. Someone doing their job in a
closed room (仓库里有人在盘点 门关着) is in no danger; someone locked in or hiding there is."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "the air con is not working, very hot inside",
        "air con doesn't work in my shop L2-010",
    ],
)
def test_air_con_in_two_words_is_the_air_conditioning(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("ENG-HVAC", "repair", False)


@pytest.mark.parametrize(
    "text",
    [
        "Hello, my shop L3-008 has no power since this morning, all lights are off. Please send someone.",
        "power is off in the whole shop, please send someone",
        "our store has lost power, everything is dark",
        "there is no power in our shop since 9am",
        "my shop has no power, when will someone come?",
    ],
)
def test_a_whole_shop_without_power_is_urgent(text):
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("ENG-ELEC", True)


@pytest.mark.parametrize(
    "text",
    [
        "the light is not working in the corridor",
        "one socket has no power, the rest is fine",
    ],
)
def test_one_light_or_socket_stays_calm(text):
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("ENG-ELEC", False)


@pytest.mark.parametrize(
    "text",
    [
        "仓库里有人在盘点 门关着",
        "库房里保洁在打扫 门先关上了",
    ],
)
def test_people_at_work_behind_a_closed_door_are_no_emergency(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "仓库门从外面锁了 有个店员被锁在里面出不来",
        "仓库里好像有人躲在里面 门关着 不是我们的人",
        "店员在仓库盘点 门坏了被关在里面出不来",
    ],
)
def test_locked_in_or_hiding_stays_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["does the whole shop have no power tomorrow?", "is there no power in our shop tomorrow?"])
def test_a_cut_asked_about_ahead_is_no_emergency(text):
    assert not nlp.classify(text).urgent
