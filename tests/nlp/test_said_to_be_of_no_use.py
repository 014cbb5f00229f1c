"""The company or its staff said to be of no use (你们物业是干什么吃的, 保安都是吃干饭的吗) is
contempt: upset, and said alone a grievance about the service (SVC-ATTI), not a message
nobody understood; said beside a report, that report's (issue 17, lead note 13)."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["你们物业是干什么吃的", "物业干什么吃的", "你们保安都是吃干饭的吗"])
def test_of_no_use_said_alone_is_contempt_of_the_service(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.emotion) == ("SVC-ATTI", "complaint", "upset"), result


def test_of_no_use_beside_a_fault_is_the_faults_and_upset():
    result = nlp.classify("电梯又坏了 物业是干啥吃的")
    assert (result.code, result.emotion) == ("ENG-LIFT", "upset"), result
