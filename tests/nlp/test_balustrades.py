"""A glass balustrade cracked or loose (玻璃栏板裂开了) is the building's, ENG-CIVIL, as a railing
(栏杆, 护栏) is (issue 17)."""

import pytest


@pytest.mark.parametrize("text", ["玻璃栏板裂开了", "连廊的栏板晃得厉害"])
def test_a_balustrade_cracked_or_loose_is_the_buildings(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("ENG-CIVIL", "repair"), result

