"""Fresh chat probes (issue 17, codes, categories and intents), Dec 6. Sentences written for
this file; each class has cases that must fire and a sibling sharing its words that must not."""

import pytest

# -- English weather and envelope words (roof, rain, seeping): a leak through the building -----


@pytest.mark.parametrize(
    "text", ["roof leaking again after the rain", "water seeping in by the window when it rains"]
)
def test_english_rain_and_roof_words_are_a_building_leak(rules, text):
    assert rules.classify(text).code == "ENG-LEAK"


def test_english_leak_from_a_named_pipe_stays_plumbing(rules):
    assert rules.classify("the pipe under the sink is leaking").code == "ENG-PLUMB"


# -- a question about a cut in the coming days (这周会不会停电) is for the desk ---------------


@pytest.mark.parametrize("text", ["这周会不会停电啊", "这几天会停水吗", "月底要不要停水 提前说一声"])
def test_a_cut_asked_about_in_the_coming_days_is_a_desk_question(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_cut_happening_now_stays_the_fault(rules):
    assert rules.classify("家里没电了 会不会是跳闸了").code == "ENG-ELEC"


# -- the cameras' recordings asked for after an incident (监控能调一下吗) are security's ----------


@pytest.mark.parametrize("text", ["我车被刮了 监控能调一下吗", "想调一下监控 我的快递不见了"])
def test_footage_asked_after_an_incident_is_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


def test_a_camera_that_is_down_stays_a_camera_fault(rules):
    assert rules.classify("车库的监控黑屏了 车被划了也查不到").code == "ENG-WEAK"


# -- a proposal opened with 要不 / 不如 / 可以考虑 is a suggestion of its topic -------------------


@pytest.mark.parametrize(
    "text, code", [("要不在电梯口放个垃圾桶吧", "ENV-CLEAN"), ("不如在花园里多种几棵树", "ENV-GREEN")]
)
def test_a_proposal_opened_with_why_not_is_a_suggestion(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


def test_why_not_come_and_fix_it_is_no_suggestion(rules):
    assert rules.classify("要不然我自己装个灯吧 你们都不来").intent != "suggestion"
