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
