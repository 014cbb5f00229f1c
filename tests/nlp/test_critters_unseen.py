"""Something crawling or running where no one sees it (上面好像有东西在爬 有声音) is pests,
ENV-PEST, not a neighbour's noise nor the ceiling it is in (issue 17, lead note 12)."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["上面好像有东西在爬 有声音", "吊顶上面一直有东西在爬来爬去"])
def test_something_crawling_overhead_is_pests(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("ENV-PEST", "complaint"), result


def test_a_child_running_upstairs_stays_a_noise():
    assert nlp.classify("楼上的小孩一直在跑 咚咚咚的").code == "SEC-NOISE"
