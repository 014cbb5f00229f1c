"""Tenants who write in English get the same dialog: a thank-you after a report is goodbye (it
opened an SVC-ATTI ticket), and when someone will come is the open report's progress (it
opened an inquiry for the desk)."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase

KNOWN = "L2-015 Mike Chen 13811210004"


@pytest.mark.parametrize("thanks", ["thanks", "Thank you!", "ok thanks", "Got it, thank you so much",
                                    "thanks for your help"])
def test_thanks_in_english_after_a_report_is_goodbye(wechat, session, site, thanks):
    wechat.say("o-en", KNOWN)
    wechat.say("o-en", "aircon broken")
    assert wechat.say("o-en", thanks) == phrase("goodbye")
    assert len(tickets(session)) == 1


@pytest.mark.parametrize("asked", ["when will the technician come?", "Any update?", "How long do I have to wait?"])
def test_when_someone_comes_in_english_is_the_reports_progress(wechat, session, site, asked):
    wechat.say("o-en", KNOWN)
    wechat.say("o-en", "aircon broken")
    [report] = tickets(session)
    reply = wechat.say("o-en", asked)
    assert report.number in reply and report.status.label in reply
    assert len(tickets(session)) == 1
