"""Fresh probes (issue 17, codes), fourth round: a report withdrawn, pests out of a drain, dirt
in the lift, a door to be opened for me. Sentences written for this file; each class has
cases that must fire and counter-examples that must not."""

import pytest

import nlp

# -- a report withdrawn is for the desk -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["下午报的那个灯的单子帮我取消一下", "工单撤回吧 是我们自己插头没插好", "我报的漏水不用修了 楼上已经处理好了"],
)
def test_a_withdrawn_report_is_a_desk_request(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_fault_that_says_nothing_of_a_report_is_the_fault(rules):
    assert rules.classify("灯坏了 不用急 明天来修也行").code == "ENG-ELEC"


# -- pests coming out of a drain are pests --------------------------------------------------


@pytest.mark.parametrize("text", ["洗手池的下水口爬出来几只蟑螂", "地漏里老钻出来小虫子"])
def test_pests_out_of_a_drain_are_pests(rules, text):
    assert rules.classify(text).code == "ENV-PEST"


def test_a_blocked_drain_with_pests_is_the_drain(rules):
    assert rules.classify("地漏堵了 还爬出来虫子").code == "ENG-PLUMB"


# -- dirt in the lift is cleaning -----------------------------------------------------------


@pytest.mark.parametrize("text", ["电梯里全是泥脚印", "电梯轿厢里有人吐了 没人清理"])
def test_dirt_in_the_lift_is_cleaning(rules, text):
    assert rules.classify(text).code == "ENV-CLEAN"


@pytest.mark.parametrize(
    "text, code",
    [
        ("电梯停了 里面还全是灰", "ENG-LIFT"),  # a fault named before the dirt: the lift
        ("厨房下水返上来一股恶臭", "ENG-PLUMB"),  # a drain's smell is plumbing's
    ],
)
def test_a_fault_or_a_drain_smell_is_no_cleaning(rules, text, code):
    assert rules.classify(text).code == code


# -- a door to be opened for me is a request ------------------------------------------------


def test_asking_for_a_door_to_be_opened_is_a_request(rules):
    result = rules.classify("能帮忙开一下仓库门吗 钥匙在同事那")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_door_that_will_not_open_is_a_fault(rules):
    assert rules.classify("仓库门打不开了 能帮忙开一下吗").code == "ENG-DOOR"


# -- people coming in through a gap are security's ------------------------------------------


@pytest.mark.parametrize("text", ["围栏那里有个缺口 外面的人天天从那钻进来", "后墙矮 老有人翻进来"])
def test_people_coming_in_through_a_gap_is_security(rules, text):
    assert rules.classify(text).code == "SEC-SAFE"


@pytest.mark.parametrize(
    "text, code",
    [
        ("纱窗破了 蚊子老钻进来", "ENG-DOOR"),  # insects are no intruders
        ("单元门坏了关不上 有人溜进来了", "ENG-DOOR"),  # a broken door is the fault to fix
    ],
)
def test_insects_or_a_broken_door_are_no_breach(rules, text, code):
    assert rules.classify(text).code == code


# -- the model does not overturn what it cannot hear ----------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("空调的单子帮我撤销一下 已经好了", "SVC-INFO"),  # the model hears the air conditioner
        ("电梯里面的灯一闪一闪的", "ENG-LIFT"),  # ... and the lamp
        ("洗手池下水口爬出来好多小虫子", "ENV-PEST"),  # ... and the drain
    ],
)
def test_the_model_keeps_the_code_of_a_structure_it_cannot_hear(text, code):
    assert nlp.classify(text).code == code
