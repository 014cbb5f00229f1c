"""Mixed English: more of the words office and shop tenants type in English name their codes."""

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("pantry的sink漏水", "ENG-PLUMB"),
        ("washroom的flush坏了", "ENG-PLUMB"),
        ("blackout了 整层都黑了", "ENG-ELEC"),
        ("bulb坏了 换一个", "ENG-ELEC"),
        ("intercom没声音", "ENG-WEAK"),
        ("the shutter is stuck 拉不下来", "ENG-DOOR"),
    ],
)
def test_english_words_name_their_codes(rules, text, code):
    assert rules.classify(text).code == code


def test_english_words_inside_other_words_name_nothing(rules):
    assert rules.classify("this is important 谢谢").code == "OTHER"
