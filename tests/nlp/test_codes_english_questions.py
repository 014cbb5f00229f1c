"""Questions asked in English, most without a question mark (issue 17, class 1).

English asks with its opening words (when, what time, how much, is the … open, can I …),
which the Chinese keywords do not read: such a question went to OTHER, or to a complaint on
its topic's word (parking, rubbish). A question is the desk's (SVC-INFO), a question about
money billing's (FEE-BILL), as taxonomy.md says. A fault reported, a grievance or a request
that someone come is no question for the desk."""

import pytest

import nlp
from nlp.asked_english import question


@pytest.mark.parametrize(
    "text",
    [
        "when is the electrician coming",
        "what time does the underground car park shut",
        "where can i pick up a replacement key fob",
        "is the service centre open on public holidays",
        "hello what day do they collect the recycling",
        "请问 when does the water come back on",
        "can i leave my bicycle in the basement overnight",
        "how long will the goods lift be out of service",
        "when will the lift in block b be fixed",
        "what time do you close today?",
    ],
)
def test_an_english_question_goes_to_the_desk(text):
    result = nlp.classify(text)
    assert (result.intent, result.code, result.urgent) == ("inquiry", "SVC-INFO", False)


@pytest.mark.parametrize(
    "text",
    [
        "how much does a monthly parking card cost",
        "how do i pay the management charge",
        "do you issue receipts for parking",
        "what is the fee for a visitor parking space",
    ],
)
def test_an_english_question_about_money_goes_to_billing(text):
    result = nlp.classify(text)
    assert (result.intent, result.code) == ("inquiry", "FEE-BILL")


@pytest.mark.parametrize(
    "text",
    [
        "is the escalator broken again",
        "the air con is not working, when can someone come",
        "could you send someone to fix the light in my office",
        "how many times do i have to call about this",
        "why is nobody answering the phone",
        "what a mess in the lobby",
        "the drain in our kitchen is blocked",
    ],
)
def test_a_fault_a_grievance_or_a_request_is_no_desk_question(text):
    assert question(text) is None


def test_a_fire_exit_asked_about_is_no_fire():
    result = nlp.classify("where is the closest fire exit")
    assert (result.intent, result.code, result.urgent) == ("inquiry", "SVC-INFO", False)
