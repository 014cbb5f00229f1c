"""A message that only asks whether anyone is there is a greeting (other), however it is
typed; a summons with a report or a question in it is read for the report. Small talk
(what day it is) is other; asking which day something happens is for the desk."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    ["在么", "客服在吗", "请问在吗", "你好 请问有人吗？", "亲 在不在呀~", "Hello，有人吗", "物业在嘛", "有没有人啊"],
)
def test_a_bare_summons_is_a_greeting(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("OTHER", "other", False)


@pytest.mark.parametrize(
    ("text", "code", "urgent"),
    [
        ("在吗 电梯坏了", "ENG-LIFT", False),
        ("有人吗？？？快来人 电梯困人了", "ENG-LIFT", True),
        ("请问物业电话多少", "SVC-INFO", False),
        ("有人吗 楼道里冒烟了", None, True),
    ],
)
def test_a_summons_with_something_in_it_is_read(text, code, urgent):
    result = nlp.classify(text)
    assert result.code != "OTHER" and result.urgent is urgent
    assert code is None or result.code == code


@pytest.mark.parametrize("text", ["今天周几来着", "明天星期几啊"])
def test_asking_what_day_it_is_is_small_talk(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("OTHER", "other")


@pytest.mark.parametrize("text", ["消防演习是下周几 需要我们配合什么", "下周停水是星期几"])
def test_asking_which_day_something_happens_is_for_the_desk(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text", ["好的 麻烦了 我等你们电话", "行 那我在店里等师傅", "ok 我等电话"])
def test_agreeing_to_wait_ends_an_exchange(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("OTHER", "other")


@pytest.mark.parametrize(
    ("text", "code"),
    [("好的 等了三天了还没人来", "SVC-SLOW"), ("好的 我等师傅 不过水还在漏", "ENG-PLUMB"), ("行 等你们电话 电梯还是坏的", "ENG-LIFT")],
)
def test_agreeing_to_wait_beside_a_problem_is_read_for_the_problem(text, code):
    assert nlp.classify(text).code == code
