"""Water everywhere in a shop, a store room, an office or a home (店里到处都是水, 后仓满地都是水)
is a flood, urgent; the same words about a wet washroom floor (卫生间地上到处都是水 好滑) are
a cleaning matter. Only 「仓库地上全是水」 with 全/都 right after the place was read before."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["水！到处都是水！后仓", "店里到处都是水", "办公室到处都是水 电脑还在地上",
                                  "后仓满地都是水 纸箱都湿了", "我家里到处都是水 不知道哪漏的"])
def test_water_everywhere_in_a_unit_is_a_flood(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", ["卫生间地上到处都是水 好滑", "茶水间地上到处都是水 有点滑", "厕所满地都是水 谁洒的",
                                  "到处都是水渍"])
def test_a_wet_washroom_floor_is_not(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)
