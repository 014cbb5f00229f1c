"""An upset complaint opens at once, before we know who is writing (「你们管不管」), and then
asks who the tenant is: the answer goes on that ticket. It was lost with 「对不起，我来问一下。」
(the ticket had no id yet when the dialog remembered it)."""

from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase

UPSET = ["隔壁装修从早上七点就开始电钻 你们管不管", "门口垃圾三天没人收 你们物业到底管不管 太过分了"]


@pytest.mark.parametrize("complaint", UPSET)
@pytest.mark.parametrize(
    "who",
    ["我是L2-015的 13711112222 姓钱", "我姓钱 13711112222 L2-015", "钱 13711112222 L2-015"],
)
def test_who_the_upset_tenant_is_goes_on_the_complaint_opened_at_once(wechat, session, site, complaint, who):
    first = wechat.say("o-upset", complaint)
    [ticket] = tickets(session)
    assert ticket.number in first and phrase("ask_name", site) in first
    reply = wechat.say("o-upset", who)
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("钱先生/女士", "13711112222", "L2-015")
    assert phrase("check_first", site) not in reply


def test_an_upset_complaint_told_in_two_answers_gets_both(wechat, session, site):
    wechat.say("o-upset", UPSET[0])
    wechat.say("o-upset", "13711112222")
    wechat.say("o-upset", "我是L2-015的钱老板")
    [ticket] = tickets(session)
    assert ticket.phone == "13711112222" and ticket.unit_code == "L2-015"
