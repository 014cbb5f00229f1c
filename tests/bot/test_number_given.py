"""The tenant writes a ticket's number (单号LH-…): their own ticket answers with its progress;
a number that is none of theirs is said so and goes on the report just made; neither opens a
ticket of its own for the desk to read."""
from __future__ import annotations

import pytest

from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 王敏 13811112222"


@pytest.mark.parametrize("written", ["单号{number}", "{number} 现在怎么样了", "{lower}"])
def test_the_tenants_own_number_answers_with_its_progress(wechat, session, site, written):
    wechat.say("o-number", KNOWN)
    wechat.say("o-number", "卫生间水龙头漏水")
    [ticket] = tickets(session)
    text = written.format(number=ticket.number, lower=ticket.number.lower().replace("-", " "))
    reply = wechat.say("o-number", text)
    assert ticket.number in reply and "处理" in reply
    [ticket] = tickets(session)
    assert notes(ticket) == [f"租户查询：{text}"]


def test_a_number_we_cannot_find_is_said_so_and_joins_the_report_just_made(wechat, session, site):
    wechat.say("o-lost", KNOWN)
    wechat.say("o-lost", "我上周报的那个漏水到底什么时候修")
    reply = wechat.say("o-lost", "单号LH-20261201-0003")
    [ticket] = tickets(session)
    assert phrase("number_not_found", number="LH-20261201-0003") in reply
    assert notes(ticket) == ["租户补充：单号LH-20261201-0003"]


def test_another_tenants_number_is_not_shown(wechat, session, site):
    wechat.say("o-owner", KNOWN)
    wechat.say("o-owner", "空调不制冷")
    [theirs] = tickets(session)
    reply = wechat.say("o-stranger", f"单号{theirs.number}")
    assert phrase("number_not_found", number=theirs.number) in reply and "空调" not in reply
    assert len(tickets(session)) == 1 and notes(tickets(session)[0]) == []


def test_a_number_with_a_new_fault_is_a_report(wechat, session, site):
    wechat.say("o-again", KNOWN)
    wechat.say("o-again", "卫生间水龙头漏水")
    [ticket] = tickets(session)
    reply = wechat.say("o-again", f"{ticket.number} 修好了又坏了 现在门锁也打不开")
    assert phrase("number_not_found", number=ticket.number) not in reply
    assert not any(n.startswith("租户查询") for t in tickets(session) for n in notes(t))



def test_a_number_while_we_ask_who_asks_again(wechat, session, site):
    wechat.say("o-held", "厨房下水道堵了")
    reply = wechat.say("o-held", "单号LH-20261201-0003")
    assert phrase("number_not_found", number="LH-20261201-0003") in reply and phrase("ask_name") in reply
