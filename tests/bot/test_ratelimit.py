"""Rate limits on the webhook: per tenant (recorded, opens nothing) and per address (429)."""
from __future__ import annotations

import sqlalchemy as sa

import extensions
import ratelimit
from fakewechat.signing import build_text, sign_request
from models import Message, Ticket
from tests.bot.conftest import OFFICIAL, TOKEN, WeChat, next_msg_id
from workflow.phrasebook import phrase


def test_hits_within_the_window(redis_conn):
    assert [ratelimit.hit(redis_conn, "k", 3, 60) for _ in range(5)] == [True, True, True, False, False]
    assert 0 < redis_conn.ttl("rl:k") <= 60
    assert ratelimit.hit(redis_conn, "other", 3, 60)


def test_fails_open_when_redis_is_away():
    down = extensions.connect_redis("redis://127.0.0.1:1/0")
    assert all(ratelimit.hit(down, "k", 1, 60) for _ in range(3))


def test_a_tenant_over_the_limit_is_recorded_but_opens_nothing(app, wechat, session, site):
    app.config["WEBHOOK_OPENID_LIMIT_PER_MINUTE"] = 2
    first = build_text("o-spam", OFFICIAL, "我是王建国，电话13800001234，L2-015空调不制冷", next_msg_id())
    reply = wechat.reply(first)["Content"]
    wechat.say("o-spam", "门口的灯不亮了")
    flood = wechat.say("o-spam", "卷帘门坏了拉不下来")
    assert flood == phrase("too_many_messages", site)
    assert wechat.reply(first)["Content"] == reply  # a retry of an earlier message still gets its reply
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 2
    throttled = session.scalar(sa.select(Message).where(Message.content == "卷帘门坏了拉不下来"))
    assert throttled.data["throttled"] is True and throttled.ticket_id is None
    assert wechat.say("o-other", "你好").startswith("您好")  # other tenants are not affected


def test_an_address_over_the_limit_gets_429(app, client, site):
    app.config["WEBHOOK_IP_LIMIT_PER_MINUTE"] = 3
    wx = WeChat(client)
    statuses = [wx.post(build_text("o-ip", OFFICIAL, "你好", next_msg_id())).status_code for _ in range(3)]
    query, body = sign_request(build_text("o-ip", OFFICIAL, "你好", next_msg_id()), TOKEN)
    assert statuses == [200, 200, 200]
    assert client.post("/wechat/lehui", query_string=query, data=body).status_code == 429
    assert client.post("/wechat/lehui", data=b"unsigned").status_code == 429
