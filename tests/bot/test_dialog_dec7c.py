"""Conversations sent through the webhook as tenants would (7 December, later)."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 孙丽 13733334444"


def test_who_told_after_a_questions_ticket_goes_on_it(wechat, session, site):
    wechat.say("o-borrow", "请问能借一下推车吗 我们要搬货")
    reply = wechat.say("o-borrow", "L2-015 何 13566667777")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("何先生/女士", "13566667777", "L2-015")
    assert ticket.number in reply

