"""Thanks after fixing it oneself (自己弄好了 谢谢) praise no one: the thanks pattern read any
修好了/弄好了 before 谢谢 as the staff's work praised. A fix by the staff still is."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["没事了 自己弄好了 谢谢", "自己弄好了 谢谢", "刚才那个我自己搞好了 谢谢啊"])
def test_own_fix_thanked_is_no_praise(text):
    assert nlp.classify(text).intent != "praise", nlp.classify(text)


@pytest.mark.parametrize("text", ["师傅修好了 谢谢", "空调修好了 谢谢你们", "已经修好了 谢谢师傅"])
def test_the_staffs_fix_thanked_still_is(text):
    result = nlp.classify(text)
    assert (result.intent, result.code) == ("praise", "SVC-ATTI"), result
