"""A location shared through WeChat: on the open report it is about, or kept for the report
that follows it within half an hour (「这里有辆车在冒烟」 had no place for the guards), never for
one made days later."""
from __future__ import annotations

from fakewechat.signing import build_location
from tests.bot.conftest import OFFICIAL, next_msg_id, notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 孙丽 13733334444"


def _location(wechat, openid, label):
    return wechat.reply(build_location(openid, OFFICIAL, "30.27", "120.15", "15", label, next_msg_id()))["Content"]


def test_a_location_sent_before_the_report_goes_on_its_ticket(wechat, session, site):
    wechat.say("o-where", KNOWN)
    assert _location(wechat, "o-where", "乐汇城B2停车场") == phrase("location_need_text")
    wechat.say("o-where", "这里有辆车在冒烟")
    [ticket] = tickets(session)
    assert ticket.urgent and notes(ticket) == ["租户发送位置：乐汇城B2停车场（30.27,120.15）"]


def test_a_location_before_a_held_report_goes_on_it_when_it_opens(wechat, session, site):
    _location(wechat, "o-where", "乐汇城北门")
    wechat.say("o-where", "门口地砖碎了好几块")
    wechat.say("o-where", "何 13566667777 L2-015")
    [ticket] = tickets(session)
    assert notes(ticket) == ["租户发送位置：乐汇城北门（30.27,120.15）"]


def test_a_location_after_a_report_goes_on_it(wechat, session, site):
    wechat.say("o-where", KNOWN)
    wechat.say("o-where", "门口地砖碎了好几块")
    assert _location(wechat, "o-where", "乐汇城北门") == phrase("location_received")
    [ticket] = tickets(session)
    assert notes(ticket) == ["租户发送位置：乐汇城北门（30.27,120.15）"]

def test_a_location_shared_long_before_goes_on_no_later_report(wechat, session, site):
    from datetime import timedelta

    from models import Conversation, utcnow

    wechat.say("o-where", KNOWN)
    _location(wechat, "o-where", "乐汇城B2停车场")
    conv = session.query(Conversation).filter_by(openid="o-where").one()
    conv.note_time("place_at", utcnow() - timedelta(days=3))  # shared three days ago
    session.commit()
    wechat.say("o-where", "空调不制冷")
    [ticket] = tickets(session)
    assert notes(ticket) == []
