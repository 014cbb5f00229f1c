"""A loose railing with people leaning on it now, and a lift that reached its floor and
will not open with someone inside (门不开, not only 打不开): fresh wordings of classes
issue 17 names (a danger to people now; people trapped said without 困人)."""

import pytest


@pytest.mark.parametrize("text", ["二楼观景台的栏杆松了 好几个小孩趴在上面往下看",
                                  "客梯到了五楼门不开 里面有个坐轮椅的大爷"])
def test_danger_to_people_now_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)


@pytest.mark.parametrize("text", ["阳台的护栏有点松 上个月有人靠过 有空来紧一下", "电梯门不开 我在外面等了半天"])
def test_a_loose_railing_leaned_on_once_or_a_lift_that_keeps_me_waiting_is_not(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
