"""Calm cues are words, and the same words turn up in reports of a danger now (issue 17):
以后 is 'after' as often as 'from now on' (下雨以后 仓库进水了), maintenance can be when it
happened (检修的时候把人困电梯里了), 提醒一下 can open a report of smoke, 通知保安 asks for
the guards, and 会不会是 / 是不是 guess at what is happening rather than deny it. Each with
the calm use of the same word."""

import pytest

import nlp

URGENT = [
    "下雨以后仓库进水了 货全泡了",
    "停电以后电梯就停了 里面有人",
    "以后再说 先来人 有人被困电梯",
    "快通知保安有人打架",
    "检修的时候把人困电梯里了 还没出来",
    "刚才电工检修 现在配电箱冒烟了",
    "提醒一下 三楼冒烟了",
    "会不会是煤气泄漏 好大一股味",
    "是不是着火了 好多烟",
    "钥匙锁在车里了 孩子也在车里",
]

CALM = [
    "以后漏水了请先关总阀",
    "下周停电检修 电梯会不会困人",
    "提醒一下 楼道电线裸露 容易触电",
    "提醒大家 明天消防演习 会有烟",
    "看到停水的通知了 几点来水",
    "是不是没有冒烟了",
    "把钥匙锁在车里了",
]


@pytest.mark.parametrize("text", URGENT)
def test_a_calm_word_in_a_report_of_danger_now_does_not_calm_it(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", CALM)
def test_the_same_words_still_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)
