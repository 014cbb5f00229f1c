"""Issue 17 (task urg6): urgency on text the product has never seen. Each list names a
class found with fresh probes, beside the sibling that must not move. Judged with the rules
alone and with the model."""

import pytest

import nlp


def _both(rules, text):
    return rules.classify(text), nlp.classify(text)


# hurry words and nothing else: no place, no one, nothing wrong (a summons, as 在吗 is)
HURRY_ALONE = ["急急急", "快快快！！", "急急急啊"]
# ... while hurry with a place or a danger is a call for help
HURRY_WITH_SOMETHING = ["急急急 楼道里有人晕倒了", "快快快 三号楼大堂"]


@pytest.mark.parametrize("text", HURRY_ALONE)
def test_hurry_words_alone_send_no_one(rules, text):
    for result in _both(rules, text):
        assert (result.urgent, result.code, result.intent) == (False, "OTHER", "other"), result


@pytest.mark.parametrize("text", HURRY_WITH_SOMETHING)
def test_hurry_with_a_place_or_a_danger_stays_urgent(rules, text):
    for result in _both(rules, text):
        assert result.urgent is True, result
