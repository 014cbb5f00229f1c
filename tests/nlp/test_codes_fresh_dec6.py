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
