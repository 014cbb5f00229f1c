"""Calling the police or an ambulance (打了110, 打了120) is not a chase of the centre:
打了 alone is no grievance about handling, while 打了好几次电话没人接 still is one."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["店里有人被打了 已经打了110", "有个顾客被人打伤了 已经打了120 保安快来"])
def test_calling_the_police_or_an_ambulance_is_no_chase(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


@pytest.mark.parametrize("text", ["打了好几次电话都没人接", "报修电话打了三次了 还是没人来"])
def test_calls_nobody_answered_are_still_a_chase(text):
    assert nlp.classify(text).code == "SVC-SLOW"
