"""Fresh chat classes (issue 17, codes6): sentences written for this file. Each class has
cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- the company or its service called rubbish: a grievance about the service, not rubbish -----


@pytest.mark.parametrize("text", ["物业真的垃圾", "你们物业就是垃圾", "这物业简直垃圾透了", "什么垃圾客服"])
def test_the_company_called_rubbish_is_a_service_grievance(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.emotion) == ("SVC-ATTI", "complaint", "upset")


def test_a_fault_beside_the_insult_is_the_topic():
    result = nlp.classify("物业真的垃圾 厕所又堵了")
    assert (result.code, result.emotion) == ("ENG-PLUMB", "upset")


@pytest.mark.parametrize("text", ["物业不收垃圾吗 门口堆了三天了", "物业公司垃圾清运太慢了", "服务中心门口的垃圾没人收"])
def test_rubbish_the_company_should_clear_stays_cleaning(text):
    assert nlp.classify(text).code == "ENV-CLEAN"
