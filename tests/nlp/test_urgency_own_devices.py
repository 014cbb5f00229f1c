"""A tenant's own machine that will not start (电脑, 投影仪, 笔记本) is no emergency: the
model hears a dead machine as a unit without power, and its urgency alone does not stand
where the situation reading finds no danger. A floor without power, computers dark with
it, stays urgent."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["电脑打不开了", "电脑突然关机了 开不了机", "我的电脑开不了机了", "收银电脑开不了机"])
def test_a_tenants_own_machine_that_will_not_start_is_not_urgent(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)


def test_a_floor_without_power_stays_urgent():
    result = nlp.classify("停电了 我们整层电脑全黑了 都没法干活")
    assert (result.code, result.urgent) == ("ENG-ELEC", True), result
