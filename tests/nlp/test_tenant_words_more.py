"""More of issue 17's classes in tenants' own words: praise said as a picture of a warm
manner, staff conduct, a service gone quiet, dirt, greenery, noise and sales pitches.

Sentences written for these tests, apart from the labelled files; the rules alone (the
`rules` fixture) must read them."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "物业前台的小姑娘总是笑眯眯的 办事也快",
        "楼下门岗大叔乐呵呵的 见谁都问好",
        "保洁阿姨笑呵呵地跟我们打招呼 人很亲切",
        "新来的管家很nice 问啥都答得清清楚楚",
        "昨晚下大雨 保安小伙帮我把车推进车库 人真好",
        "修门的师傅又快又好 一会儿就弄好了",
    ],
)
def test_a_warm_manner_is_praise_of_service(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise"), result


@pytest.mark.parametrize(
    "text",
    [
        "保安人挺好 但是晚上老不见人 车乱停也不管",
        "前台人很好吗 我问了三遍都没人理",
        "呵呵 你们保安真是好样的 快递丢了说不关他事",
    ],
)
def test_kind_words_beside_a_grievance_are_no_praise(rules, text):
    assert rules.classify(text).intent != "praise"
