"""Things thrown or splashed down to the street (往楼下扔东西, 往楼下泼水) are security's, as
高空抛物 is (issue 17): 楼下 is where they land, not the neighbours below making noise."""

import pytest


@pytest.mark.parametrize("text", ["一直有人往楼下扔东西", "楼上有人往楼下泼水"])
def test_things_thrown_down_are_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint"), result


def test_litter_thrown_down_stays_cleaning(rules):
    assert rules.classify("有人往楼下扔垃圾 阳台上全是").code == "ENV-CLEAN"
