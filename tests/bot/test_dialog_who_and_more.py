"""A message that tells who the tenant is and also says something the rules cannot place
(in English, or in vague Chinese; the rules now read "the air conditioner is not working") goes to a person: it was answered 「好的，已记录您的信息」
and the report was dropped. Who alone is still only noted."""

from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase

MORE = [
    "Hi, this is shop L2-015, something is wrong with the machine in our storage room, can someone check? Tom 13812340000",
    "L2-015 吴敏 13755556666 那个东西又不行了",
    "我是L3-008的李娜 13900002222 上次那个问题又出现了 你们看看怎么弄",
]
ONLY_WHO = [
    "我是李娜，L3-008，电话13900002222",
    "Tom, L2-015, 13812340000",
    "Hi, this is Mary from shop L2-015, my number is 13812340000",
    "我是L3-008的刘经理 13900001111 你好",
    "我是L2-015的 13711112222 姓钱",
    "你好 我是新来的商户 L2-015 店名叫花语 我姓孔 13800002345",
    "Hi, I'm Tom, the new tenant of shop L2-015, we sell flowers, 13812340000",
]


@pytest.mark.parametrize("text", MORE)
def test_who_and_words_we_cannot_place_go_to_a_person(wechat, session, site, text):
    reply = wechat.say("o-more", text)
    [ticket] = tickets(session)
    assert ticket.triage == "not_understood" and ticket.content == text and ticket.unit_code in ("L2-015", "L3-008")
    assert phrase("check_first", site) in reply and ticket.number in reply
    assert phrase("contact_saved", site) not in reply


@pytest.mark.parametrize("text", ONLY_WHO)
def test_who_alone_is_noted_and_opens_nothing(wechat, session, site, text):
    reply = wechat.say("o-who", text)
    assert tickets(session) == []
    assert phrase("contact_saved", site) in reply
