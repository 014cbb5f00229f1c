"""Fresh probes (issue 17): English words the rules read are heard by the model in Chinese, so
that its second opinion does not undo the rules on a message typed in English. Sentences
written for this file."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text, code",
    [
        ("the lights in the hallway are broken", "ENG-ELEC"),
        ("i saw rats in the kitchen last night", "ENV-PEST"),
        ("a car parked in my spot", "SEC-PARK"),
        ("the aircon is leaking again", "ENG-HVAC"),
    ],
)
def test_a_message_in_english_keeps_the_code_the_rules_read(text, code):
    assert nlp.classify(text).code == code


def test_a_rule_keyword_in_english_is_kept(rules):
    # wifi is a keyword itself: neither glossed nor dropped
    assert nlp.classify("wifi断了 整层都上不了网").code == "ENG-WEAK"


def test_english_with_no_word_the_rules_read_is_left_to_the_model():
    assert nlp.classify("hello is anyone there").code == "OTHER"


@pytest.mark.parametrize("text", ["水管已经不漏了 不用派人来了", "灯自己好了 不需要过来了"])
def test_no_need_to_come_withdraws_the_report(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")
