"""Water still spraying (水一直在喷) is damage in progress, whatever broke: a sprinkler head
knocked off, a pipe, a tap. A fountain, perfume or disinfectant spraying is no leak, and a
spray that was fixed is past."""
import pytest

import nlp


@pytest.mark.parametrize("text", [
    "四楼施工的人把消防喷淋头碰坏了 水一直在喷 下面是服装店",
    "水管坏了 水一直在喷",
    "水龙头坏了 水还一直在喷",
])
def test_water_still_spraying_is_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", [
    "那个喷泉一直在喷 挺好看的", "上次水管一直在喷 现在修好了", "香水一直在喷 味道太大",
    "消毒水一直在喷 呛死了", "草坪的自动喷灌坏了 一直在喷 水都流到路上了",
])
def test_a_fountain_a_scent_or_a_spray_past_is_calm(text):
    assert not nlp.classify(text).urgent
