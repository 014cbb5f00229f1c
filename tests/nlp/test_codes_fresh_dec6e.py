"""Fresh chat probes (codes and intents), Dec 6, fifth pass. Sentences written for this file;
each class has cases that must fire beside a sibling sharing its words that must not."""

import pytest

import nlp

# -- a fault that is over, asked about (why, will it happen again): a desk question ---------------


@pytest.mark.parametrize(
    "text",
    [
        "前天断了半天网 现在好了 想问一下是什么原因",
        "上周五停了一晚上的电 已经恢复了 以后还会这样吗",
        "昨天热水停了 现在正常了 请问以后会不会提前通知",
        "上个月电梯坏了好几天 修好了 想问问到底是啥问题 会不会再出事",
        "上礼拜电梯老是停 修好了 下次还会不会这样",
        "前几天地下室停水 现在有水了 是管道问题吗",
    ],
)
def test_a_fault_over_and_asked_about_is_a_desk_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize(
    "text, code",
    [
        ("前天断了半天网 现在好了 今天又断了", "ENG-WEAK"),
        ("上周五停了一晚上的电 恢复了 但是插座还是没电 麻烦来看看", "ENG-ELEC"),
        ("电梯昨天卡了一下 后来好了 能不能派人来检查下", "ENG-LIFT"),
    ],
)
def test_a_fault_back_or_a_check_asked_for_stays_the_fault(text, code):
    assert nlp.classify(text).code == code
