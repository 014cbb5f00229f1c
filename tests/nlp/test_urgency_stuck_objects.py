"""Words of danger said of what is none: 起不来 of a thing (a flush button, a barrier arm, a
shutter) is a fault to repair, not a person who cannot get up; a tout who follows shoppers
(一直跟着顾客) is a nuisance, not someone stalking a person."""
import pytest

import nlp


@pytest.mark.parametrize("text", ["厕所冲水按钮按下去起不来了", "冲水键按下去就起不来", "停车场出口的道闸起不来",
                                  "店门口的卷帘门起不来了", "马桶盖板起不来"])
def test_a_thing_that_will_not_come_up_is_no_emergency(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["我妈摔了一跤起不来了", "有个大爷坐在台阶上起不来了 快来人", "他摔了一下就起不来了"])
def test_a_person_who_cannot_get_up_still_is(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["有人在商场里发传单 一直跟着顾客", "推销办卡的一直跟着客人不放"])
def test_a_tout_following_shoppers_is_a_nuisance_not_a_stalker(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["有个人一直跟着 甩都甩不掉", "一个陌生男的一直跟着我们店员"])
def test_someone_following_a_person_still_is(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["不用叫救护车了", "别打120了 他说没事"])
def test_an_ambulance_called_off_is_no_call_for_one(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["快叫救护车", "已经打了120 你们快来人"])
def test_an_ambulance_called_for_still_is(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["车胎漏气了", "小孩的气球漏气了", "空调漏气 不制冷了"])
def test_air_out_of_a_tyre_or_an_air_conditioner_is_no_gas_leak(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["是不是哪里漏气了 味道很重", "厨房的燃气管好像漏气"])
def test_a_gas_leak_still_is_one(text):
    assert nlp.classify(text).urgent
