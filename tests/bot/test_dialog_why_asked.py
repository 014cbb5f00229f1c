"""Asked who they are, a tenant asks back why (为什么要我的电话): that is a refusal, as
「为什么要告诉你」 already was. The report is opened with what we know and we stop asking; it
opened an inquiry ticket of its own and left the report held."""

from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("why", ["为什么要我的电话", "要我电话干嘛", "干嘛要我的名字", "为什么要留手机号"])
def test_why_we_ask_is_a_refusal_and_the_report_opens(wechat, session, site, why):
    wechat.say("o-why", "卫生间的水龙头坏了")
    reply = wechat.say("o-why", why)
    [ticket] = tickets(session)
    assert ticket.code == "ENG-PLUMB" and ticket.content == "卫生间的水龙头坏了"
    assert phrase("identity_declined", site) in reply and ticket.number in reply


def test_why_it_takes_so_long_is_no_refusal(wechat, session, site):
    wechat.say("o-why", "卫生间的水龙头坏了")
    reply = wechat.say("o-why", "为什么要等这么久")
    assert phrase("identity_declined", site) not in reply
