"""「算了 不修了」 while we held a report withdraws it; 「还是修一下吧」 right after takes the
withdrawal back: the report is held again and opens once we know who. It was gone, and
the tenant was asked 「您好，我能为您做什么？」 as if nothing had been said."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("back", ["还是修一下吧 L2-015 柏 13500007777", "还是派人来看看吧 L2-015 柏 13500007777",
                                  "我还是要报修 L2-015 柏 13500007777"])
def test_taking_the_withdrawal_back_opens_the_report(wechat, session, site, back):
    wechat.say("o-mind", "卫生间的水龙头坏了")
    assert phrase("report_withdrawn", site) in wechat.say("o-mind", "算了 不修了")
    reply = wechat.say("o-mind", back)
    [ticket] = tickets(session)
    assert ticket.content == "卫生间的水龙头坏了" and ticket.code == "ENG-PLUMB"
    assert (ticket.unit_code, ticket.phone) == ("L2-015", "13500007777") and ticket.number in reply


def test_taken_back_before_we_know_who_asks_again(wechat, session, site):
    wechat.say("o-mind", "卫生间的水龙头坏了")
    wechat.say("o-mind", "算了 不修了")
    reply = wechat.say("o-mind", "还是修一下吧")
    assert tickets(session) == [] and phrase("ask_name", site) in reply
    wechat.say("o-mind", "L2-015 柏 13500007777")
    [ticket] = tickets(session)
    assert ticket.content == "卫生间的水龙头坏了"


def test_a_withdrawal_long_past_is_not_taken_back(wechat, session, site, monkeypatch):
    import bot.dialog.tickets as dialog_tickets

    wechat.say("o-mind", "卫生间的水龙头坏了")
    wechat.say("o-mind", "算了 不修了")
    monkeypatch.setattr(dialog_tickets, "TAKE_BACK_WITHIN", timedelta(seconds=-1))
    wechat.say("o-mind", "还是修一下吧 L2-015 柏 13500007777")
    assert tickets(session) == []


def test_a_cancel_taken_back_on_an_open_ticket_tells_the_desk_to_go_on(wechat, session, site):
    wechat.say("o-open", "L3-008 王敏 13811112222")
    wechat.say("o-open", "空调不制冷")
    wechat.say("o-open", "算了 不修了")
    reply = wechat.say("o-open", "还是修一下吧")
    [ticket] = tickets(session)
    assert reply == phrase("cancel_taken_back", site, number=ticket.number)
    assert [e.note for e in ticket.events if e.action == "note"][-1] == "租户撤回取消，请继续处理：还是修一下吧"


def test_changed_mind_words_with_no_cancel_before_are_a_note(wechat, session, site):
    wechat.say("o-open", "L3-008 王敏 13811112222")
    wechat.say("o-open", "空调不制冷")
    reply = wechat.say("o-open", "还是派人来看看吧")
    assert phrase("cancel_taken_back", site, number=tickets(session)[0].number) not in reply
