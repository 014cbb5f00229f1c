"""The classes an untuned batch of fresh messages found missing (6 Dec): someone gone down a
tank who has not come up, a car rolling away by itself, a scald, medicines spoiling in a
broken fridge, a door pried open whose lock is gone, a pane or tile loose on an outer wall
above people. Each beside the calm message that shares
its words."""

import pytest

import nlp

URGENT = [
    "化粪池那边一个工人下去了没上来",
    "污水井里下去一个师傅 十分钟了叫不应",
    "停车场一辆车自己往坡下溜 车里没人",
    "地库有辆车自己往前滑 撞到柱子上了",
    "三楼食堂有人被热油烫伤了",
    "小孩被开水烫伤了 哭得厉害",
    "医药店冰箱坏了 里面的疫苗要坏了",
    "二号楼的防盗门被人撬了 锁芯掉在地上",
    "店门被人撬坏了 今晚关不上",
    "楼外面有块铁皮松了 一直在摇 下面就是停车场",
    "高处有个灯箱松了 下面就是出入口",
]
CALM = [
    "化粪池明天要清掏 工人几点来",
    "师傅下去检修了 一会儿就上来",
    "车停在坡上要拉手刹 不然会自己溜",
    "上次烫伤的地方已经好了",
    "小心别烫伤 水很烫",
    "疫苗接种点在哪里",
    "上个月门被人撬过 现在换了新锁",
    "锁芯有点涩 钥匙转不动",
    "外墙上有块玻璃松了 麻烦有空来看看",
    "窗户玻璃有点松 关的时候会响",
]


@pytest.mark.parametrize("text", URGENT)
def test_the_danger_now_is_urgent(text):
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", CALM)
def test_the_same_words_without_the_danger_are_calm(text):
    assert nlp.classify(text).urgent is False
