"""A chase is urgent for the danger it names, not for the wait: the learned model heard the
waits of the public urgent chases (燃气味报了两个小时了 还没人来) and made every long wait an
emergency, so its urgency alone does not stand on a chase."""
import pytest

import nlp


@pytest.mark.parametrize("text", [
    "怎么还没人来 都两个小时了", "等了两个小时了 还没人来", "报修半天了还没人来 什么效率", "都三个小时了 师傅呢",
])
def test_a_long_wait_alone_is_no_emergency(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize("text", [
    "燃气味报了两个小时了 还没人来 大家都不敢开火", "电梯困人报警十五分钟了还没人来！！！里面有小孩",
    "配电箱冒烟报了半小时了还没人来", "水管爆了一个小时了 人呢 水都漫到隔壁店了",
])
def test_a_chase_that_names_a_danger_stays_urgent(text):
    assert nlp.classify(text).urgent
