"""The dialog never lets a report drop (issue 17, what to build §5): a photo explained in
words nobody can read goes to a person; 「算了」 after 「我要投诉」 is a courteous close; a
hurry right after a report hurries that report."""

from __future__ import annotations

import pytest

from fakewechat.signing import build_image
from tests.bot.conftest import OFFICIAL, next_msg_id, tickets
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


def photo(wechat, openid: str) -> str:
    return wechat.reply(build_image(openid, OFFICIAL, "http://127.0.0.1/p.jpg", "media-1", next_msg_id()))["Content"]


@pytest.mark.parametrize("words", ["你们看看这个", "就是这样子的 帮忙看下", "这个怎么搞"])
def test_a_photo_explained_in_words_we_cannot_read_is_for_a_person(wechat, session, site, words):
    wechat.say("o-pic", KNOWN)
    photo(wechat, "o-pic")
    reply = wechat.say("o-pic", words)
    [ticket] = tickets(session)
    assert ticket.triage == "not_understood" and ticket.content == words
    assert phrase("check_first") in reply and phrase("thanks_complaint") not in reply


def test_a_photo_explained_as_a_fault_is_that_report(wechat, session, site):
    wechat.say("o-pic", KNOWN)
    photo(wechat, "o-pic")
    reply = wechat.say("o-pic", "门口的灯不亮了")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-ELEC" and ticket.triage is None and phrase("check_first") not in reply


def test_a_photo_and_unread_words_before_we_know_who_go_to_a_person_when_told(wechat, session, site):
    photo(wechat, "o-pic")
    wechat.say("o-pic", "就这个 你们看着办吧")
    assert tickets(session) == []
    reply = wechat.say("o-pic", "李强 13600001111 L2-015")
    [ticket] = tickets(session)
    assert ticket.triage == "not_understood" and "你们看着办" in ticket.content
    assert phrase("check_first") in reply and ticket.number in reply


def test_a_held_photo_and_unread_words_the_tenant_never_explains_go_to_a_person(wechat, session, site):
    from datetime import timedelta

    from models import utcnow
    from workflow.held_reports import flush_expired

    photo(wechat, "o-pic")
    wechat.say("o-pic", "你们看看这个")
    assert flush_expired(session, utcnow() + timedelta(hours=1)) == 1
    session.commit()
    [ticket] = tickets(session)
    assert ticket.triage == "not_understood"
