"""The dialog never lets a report drop (issue 17, what to build §5): a photo explained in
words nobody can read goes to a person; 「算了」 after 「我要投诉」 is a courteous close; a
hurry right after a report hurries that report."""

from __future__ import annotations

import pytest

from fakewechat.signing import build_image
from tests.bot.conftest import OFFICIAL, next_msg_id, notes, tickets
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


@pytest.mark.parametrize(("report", "hurry"), [("卫生间水龙头坏了", "快派人来啊"), ("空调不制冷", "快点派人过来啊"),
                                              ("门锁坏了 关不上", "赶紧派个人来"), ("灯不亮", "快来人啊")])
def test_a_call_for_help_right_after_an_ordinary_report_hurries_it(wechat, session, site, report, hurry):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", report)
    reply = wechat.say("o-hurry", hurry)
    [ticket] = tickets(session)
    assert not ticket.urgent and ticket.triage is None
    assert notes(ticket) == [f"租户催办：{hurry}"] and phrase("chase_noted", number=ticket.number) in reply


def test_a_call_for_help_with_a_danger_of_its_own_after_a_report_is_the_danger(wechat, session, site):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", "卫生间漏水")
    reply = wechat.say("o-hurry", "快派人来啊 水漫到店里了")
    [leak] = tickets(session)
    assert leak.urgent and phrase("help_coming") in reply


@pytest.mark.parametrize("cry", ["救命啊 快来人", "快来人啊"])
def test_a_call_for_help_with_no_report_before_it_is_an_emergency(wechat, session, site, cry):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", cry)
    [call] = tickets(session)
    assert call.urgent and call.triage == "call_for_help"


def test_a_cry_for_help_after_an_ordinary_report_is_its_own_emergency(wechat, session, site):
    wechat.say("o-hurry", KNOWN)
    wechat.say("o-hurry", "空调不制冷")
    wechat.say("o-hurry", "救命啊 快来人")
    aircon, call = tickets(session)
    assert call.urgent and not aircon.urgent and notes(aircon) == []


def test_a_call_for_help_while_we_hold_the_report_asks_who_again(wechat, session, site):
    wechat.say("o-hurry", "空调不制冷")
    reply = wechat.say("o-hurry", "快派人来啊")
    assert tickets(session) == []
    assert phrase("report_held") in reply and phrase("ask_name") in reply


@pytest.mark.parametrize("who", ["", KNOWN])
@pytest.mark.parametrize(("opened", "let_go"), [("我要投诉", "算了"), ("我要投诉", "算了算了"), ("我想报修", "哦算了吧"),
                                                ("我要报修", "算了 不用了")])
def test_letting_go_of_what_was_announced_is_closed_courteously(wechat, session, site, who, opened, let_go):
    if who:
        wechat.say("o-nvm", who)
    wechat.say("o-nvm", opened)
    reply = wechat.say("o-nvm", let_go)
    assert reply == phrase("let_go") and tickets(session) == []


def test_the_complaint_announced_then_told_is_still_a_complaint(wechat, session, site):
    wechat.say("o-nvm", KNOWN)
    wechat.say("o-nvm", "我要投诉")
    wechat.say("o-nvm", "隔壁店装修太吵了")
    [complaint] = tickets(session)
    assert complaint.intent == "complaint"


def test_letting_go_of_a_complaint_just_opened_is_noted_on_it(wechat, session, site):
    wechat.say("o-nvm", KNOWN)
    wechat.say("o-nvm", "隔壁店装修太吵了")
    reply = wechat.say("o-nvm", "算了 不投诉了")
    [complaint] = tickets(session)
    assert phrase("cancel_noted", number=complaint.number) in reply
    assert notes(complaint) == ["租户表示不需要继续处理：算了 不投诉了（请与租户确认后结案）"]


@pytest.mark.parametrize(("emergency", "more"), [("配电箱有股焦味", "现在开始冒烟了"),
                                                 ("电梯困人了", "我是里面的人 手机快没电了"),
                                                 ("插座有股焦糊味", "开始冒黑烟了 快来人")])
def test_what_goes_on_right_after_an_emergency_is_that_emergency(wechat, session, site, emergency, more):
    wechat.say("o-more", KNOWN)
    wechat.say("o-more", emergency)
    reply = wechat.say("o-more", more)
    [ticket] = tickets(session)
    assert ticket.urgent and notes(ticket)[-1] == f"租户补充：{more}"
    assert phrase("help_coming") in reply and phrase("joined_ticket", number=ticket.number) in reply


@pytest.mark.parametrize(("emergency", "other"), [("电梯困人了", "车库着火了"), ("配电箱有股焦味", "有人打架了"),
                                                  ("电梯困人了", "配电箱冒烟了")])
def test_another_emergency_right_after_one_is_its_own(wechat, session, site, emergency, other):
    wechat.say("o-more", KNOWN)
    wechat.say("o-more", emergency)
    wechat.say("o-more", other)
    first, second = tickets(session)
    assert first.urgent and second.urgent and notes(first) == []


@pytest.mark.parametrize("cry", ["救命啊", "厕所里有个人躺在地上 叫他没反应"])
def test_an_emergency_is_promised_help_not_thanked_for(wechat, session, site, cry):
    """「谢谢您将此事告诉我们」 is the standard's word for a complaint; said to 「救命啊」 it
    reads as if the cry were feedback."""
    wechat.say("o-cry", KNOWN)
    reply = wechat.say("o-cry", cry)
    [call] = tickets(session)
    assert call.urgent and phrase("help_coming") in reply and phrase("thanks_complaint") not in reply
