"""Praise of staff said in English, or with words the patterns did not know (issue 17, class 3).

Praise of staff is SVC-ATTI, intent praise, calm (the labelled files' convention) and never
urgent. In English the model hears only the staff's name glossed into Chinese (security:
保安), which it learned from complaints: the praise the rules read stands. A wink (lol) or a
grievance beside the praise (slept through the break-in) makes it a complaint, and so does a
member of staff said not to be nice (is not very friendly)."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "the security guy at the back entrance is so kind",
        "shout out to the lady at the front desk, very patient",
        "kudos to the cleaning crew on the 12th floor",
        "the electrician did a brilliant job this morning",
        "the concierge has been really courteous to our guests",
        "massive thanks to the maintenance guys who came on sunday",
    ],
)
def test_praise_of_staff_in_english_is_praise(text):
    result = nlp.classify(text)
    assert (result.intent, result.code, result.urgent, result.emotion) == ("praise", "SVC-ATTI", False, "calm")


@pytest.mark.parametrize(
    "text",
    [
        "绿化组的工人很勤劳 草坪修得整整齐齐",
        "管家很尽责 有事随叫随到",
                "物业今年的服务比以前强多了",
    ],
)
def test_praise_of_staff_in_words_the_patterns_now_know(text):
    result = nlp.classify(text)
    assert (result.intent, result.code, result.urgent) == ("praise", "SVC-ATTI", False)


@pytest.mark.parametrize(
    "text",
    [
        "the cleaning lady is sooo hardworking lol, the lobby is still filthy",
        "the cleaners are so diligent, the bins are still overflowing",
    ],
)
def test_english_praise_with_a_wink_or_a_grievance_is_a_complaint(text):
    assert nlp.classify(text).intent == "complaint"


@pytest.mark.parametrize(
    "text",
    [
        "the cleaner on our floor is not very polite",
        "the receptionist was not polite to my mother",
    ],
)
def test_staff_said_not_to_be_nice_is_a_complaint_about_their_manner(text):
    result = nlp.classify(text)
    assert (result.intent, result.code) == ("complaint", "SVC-ATTI")
