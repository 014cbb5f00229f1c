"""Someone smoking where they should not, said in English (someone is smoking in the fire
escape every day), is security's as 电梯里有人抽烟 is (issue 17): not the lift or the stairs
it happens in, nor nothing at all."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "someone is smoking in the fire escape every day",
        "people keep smoking in the stairwell",
        "a man smokes in the lift every morning",
    ],
)
def test_someone_smoking_in_a_place_is_security(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint"), result


def test_a_guard_smoking_on_duty_is_his_manner():
    assert nlp.classify("the security guard smokes in the lobby all day").code == "SVC-ATTI"


def test_smoke_coming_out_of_the_lift_is_still_the_lifts_emergency():
    result = nlp.classify("smoke coming out of the lift")
    assert (result.code, result.urgent) == ("ENG-LIFT", True), result
