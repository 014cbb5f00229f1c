"""「你们电话号是多少」 asks the centre's phone: the menu's 联系我们 answers it, as
「你们电话多少」; it opened an inquiry ticket for the desk to ring back."""

from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("asked", ["你们电话号是多少", "物业电话号多少", "你们热线号是多少"])
def test_the_centres_phone_asked_is_answered(wechat, session, site, asked):
    reply = wechat.say("o-tel", asked)
    assert phrase("contact_us", site) in reply and tickets(session) == []
