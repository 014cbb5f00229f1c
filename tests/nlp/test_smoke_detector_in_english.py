"""A smoke detector or alarm named in English (the smoke detector keeps beeping) is fire
equipment, not smoke: no danger now, and the detector is ENG-FIRE's (issue 17)."""

import pytest


@pytest.mark.parametrize(
    "text", ["the smoke detector keeps beeping", "our smoke detectors are chirping, battery low maybe"]
)
def test_a_smoke_detector_is_fire_equipment_not_smoke(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("ENG-FIRE", False), result


def test_smoke_said_in_english_is_still_urgent(rules):
    assert rules.classify("the smoke alarm is going off and there is smoke everywhere").urgent is True
