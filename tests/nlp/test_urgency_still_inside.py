"""Someone still shut inside (里面还锁着人, 里面还困着人), told after what broke: trapped, urgent,
whatever the broken thing is (a toilet door, the lift's emergency light). The trapped
patterns needed 有 (里面有人) or the lift beside the person; a thing shut inside is not."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["厕所门坏了 里面还锁着人", "应急灯不亮 里面还困着人", "仓库门打不开了 里面还关着我们一个员工",
                                  "试衣间的门锁坏了 里面锁着个小朋友", "电梯又停了 轿厢里关着三个人"])
def test_a_person_still_shut_inside_is_urgent(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", ["里面关着灯", "店里关着门 没人", "仓库里锁着很多东西", "屋里关着一条狗"])
def test_a_thing_shut_inside_is_not(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)
