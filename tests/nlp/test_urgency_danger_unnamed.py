"""Danger to people said without its usual keyword: gas told by its rotten-egg smell, a
person knocked over by a moving gate, someone chased; and what only sounds alarming: a bulb
burnt out, people running about in a corridor."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "卫生间里有股味道 好像臭鸡蛋一样 闻久了头晕",
        "一开门就是一股怪味 跟臭鸡蛋似的 2单元5楼",
    ],
)
def test_a_smell_like_rotten_eggs_is_gas(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize("text", ["下水道返上来一股臭鸡蛋味 厕所里好臭", "冰箱里有个鸡蛋坏了 像臭鸡蛋一样的味"])
def test_a_drain_or_a_bad_egg_smelling_of_rotten_eggs_is_no_gas(text):
    assert not nlp.classify(text).urgent


def test_a_gate_that_knocks_a_person_over_hurts_them():
    result = nlp.classify("小区的电动门自己往前走 把一个送外卖的顶倒了")
    assert result.urgent, result


@pytest.mark.parametrize("text", ["有个男的一直在追我 我躲进便利店了 北门", "几个人在追我们 快点"])
def test_someone_chasing_the_writer_is_a_threat_now(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize("text", ["卫生间的灯泡烧了 换一个", "走廊灯管烧了 晚上很黑", "保险丝又烧了"])
def test_a_bulb_or_a_fuse_burnt_out_is_a_repair(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["电线烧了 有股味", "插座烧了 黑了一块还在冒烟"])
def test_a_wire_or_a_socket_burnt_is_still_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize("text", ["有人在楼道里跑来跑去", "几个小孩在大堂里追来追去"])
def test_people_running_about_are_no_emergency(text):
    assert not nlp.classify(text).urgent


def test_running_about_with_a_knife_is_still_urgent():
    assert nlp.classify("有个人拿着刀在楼道里跑来跑去").urgent


@pytest.mark.parametrize(
    "text",
    [
        "我妈坐电梯下楼 半天没下来 打电话说门一直不开",  # gone into a lift, the door will not open
        "楼上两口子在打 砰砰的",  # a couple hitting
        "断路器嘭的一声 冒了点烟",  # a bang at a breaker, then smoke
        "谁来帮帮忙 地下车库",  # who will come and help
    ],
)
def test_danger_said_without_its_keyword_is_urgent(text):
    assert nlp.classify(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "谁来帮帮忙 搬个柜子到三楼",  # an errand
        "两个人在打羽毛球 球老是飞到我家阳台",  # a game
        "几个人在打牌 能不能小声点",
        "开关啪的一声 灯就亮了",  # a switch that clicks
    ],
)
def test_an_errand_a_game_or_a_click_is_no_emergency(text):
    assert not nlp.classify(text).urgent, text


@pytest.mark.parametrize("text", ["有人抢包", "小区门口有人抢包"])
def test_a_bag_snatched_is_no_wallet_lost(text):
    # 抢包 is a word: voice-typing tolerance must not hear it as 钱包 (lost property)
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize(
    "text",
    [
        "有个人跳河了 就在小区后门",  # jumped into the water
        "有个人蹲在我车边上 一直看着我",  # someone unknown crouching and watching
        "my daughter locked herself in the toilet 打不开",  # locked oneself in, in English
    ],
)
def test_jumped_hiding_or_locked_in_is_urgent(text):
    assert nlp.classify(text).urgent, text


def test_a_wallet_lost_stays_a_question():
    assert not nlp.classify("我的钱包丢了 有人捡到吗").urgent
