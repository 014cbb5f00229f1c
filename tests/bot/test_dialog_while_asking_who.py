"""Asked who they are right after an emergency, tenants ask when help comes: a question is
no name. It is answered with the ticket's progress, and who they are is asked again."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("asked", ["多久能到啊", "多久能到", "什么时候到", "还要多久？", "人什么时候来"])
def test_asked_who_a_question_about_when_help_comes_is_no_name(wechat, session, site, asked):
    wechat.say("o-when", "B1-003 仓库水管爆了 水喷得到处都是")
    [emergency] = tickets(session)
    reply = wechat.say("o-when", asked)
    [ticket] = tickets(session)
    assert ticket.tenant.name is None and ticket.complainant is None
    assert emergency.number in reply  # its progress, the 30 minutes
    assert phrase("ask_name") in reply


def test_asked_who_a_name_with_the_phone_is_still_taken(wechat, session, site):
    wechat.say("o-when", "B1-003 仓库水管爆了 水喷得到处都是")
    wechat.say("o-when", "李强 13600001111")
    [ticket] = tickets(session)
    assert (ticket.tenant.name, ticket.tenant.phone) == ("李强", "13600001111")
