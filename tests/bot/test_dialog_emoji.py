"""Emoji and WeChat's emoticons ([微笑]) carry tone, not words: a greeting with a smile is a
greeting, and a message of nothing but emoji is asked again."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize("greeting", ["你好 😊", "您好🙏🙏", "[微笑]你好", "hi [Smile]", "在吗☺️", "有没有人啊 回个话"])
def test_a_greeting_with_emoji_is_greeted(wechat, session, site, greeting):
    reply = wechat.say("o-emoji", greeting)
    assert phrase("offer_help") in reply and phrase("unclear") not in reply
    assert tickets(session) == []


@pytest.mark.parametrize("only", ["😊😊", "[微笑][微笑]", "😭"])
def test_emoji_alone_are_asked_again(wechat, session, site, only):
    reply = wechat.say("o-emoji-only", only)
    assert phrase("unclear") in reply and tickets(session) == []


def test_a_report_with_emoji_is_still_the_report(wechat, session, site):
    wechat.say("o-emoji-report", "L3-008 邓 13800003030")
    wechat.say("o-emoji-report", "店里空调坏了😭😭 热死了🥵")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC"
