"""「我拍了视频 怎么发给你们」: how to send a photo or a video is answered at once (send it here),
not a bare 「已补充」 note or a ticket for the desk to explain WeChat."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase

KNOWN = "L2-015 田雨 13811330005"


@pytest.mark.parametrize("asked", ["我拍了视频 怎么发给你们", "能发照片吗", "图片要怎么传"])
def test_how_to_send_a_photo_after_a_report_is_answered(wechat, session, site, asked):
    wechat.say("o-media", KNOWN)
    wechat.say("o-media", "空调不制冷")
    assert wechat.say("o-media", asked) == phrase("media_how")
    assert len(tickets(session)) == 1


def test_how_to_send_while_we_hold_the_report_asks_who_again(wechat, session, site):
    wechat.say("o-media", "空调漏水")
    reply = wechat.say("o-media", "能发照片吗")
    assert reply.startswith(phrase("media_how")) and phrase("ask_name") in reply


def test_a_photo_wall_is_no_question_about_photos(wechat, session, site):
    wechat.say("o-media", KNOWN)
    assert phrase("media_how") not in wechat.say("o-media", "我们店的照片墙灯不亮了")
    assert [t.code for t in tickets(session)] == ["ENG-ELEC"]
