"""The webhook's safety beyond signatures: safe mode cannot be downgraded to plaintext,
a message for another Official Account is refused, a nonce belongs to one site, and the
timestamp window cannot be turned off."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from fakewechat.signing import build_text, sign_request
from models import Message, Site, Ticket
from tests.bot.conftest import OFFICIAL, TOKEN, WeChat, next_msg_id
from tests.bot.conftest import site as bot_site

site = bot_site  # the lehui site as the webhook tests have it

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APPID = "wxtestappid0000001"


def stored(session) -> tuple[int, int]:
    session.expire_all()
    return (session.scalar(sa.select(sa.func.count(Message.id))), session.scalar(sa.select(sa.func.count(Ticket.id))))


def test_a_plaintext_post_to_a_safe_mode_site_is_refused_and_nothing_stored(client, site, session):
    site.set_wechat_credentials("test-secret", aes_key=AES_KEY, appid=APPID)
    session.commit()
    plain = WeChat(client)  # correctly signed with the token, but not encrypted
    resp = plain.post(build_text("o-forger", OFFICIAL, "电梯坏了，有人被困", next_msg_id()))
    assert resp.status_code == 403 and b"safe mode" in resp.get_data()
    assert stored(session) == (0, 0)
    safe = WeChat(client, aes_key=AES_KEY, appid=APPID)
    assert "您好" in safe.say("o-real", "你好")  # the encrypted one still works
    assert stored(session) == (1, 0)


def test_a_message_for_another_official_account_is_refused(client, site, session):
    site.set_wechat_credentials("test-secret", account=OFFICIAL)
    session.commit()
    wechat = WeChat(client)
    resp = wechat.post(build_text("o-1", "gh_someone_else", "水管漏水", next_msg_id()))
    assert resp.status_code == 403 and b"another Official Account" in resp.get_data()
    assert stored(session) == (0, 0)
    assert wechat.say("o-1", "你好")  # ToUserName = the site's account
    assert stored(session) == (1, 0)


def test_the_account_can_come_from_the_environment(app, client, site, session):
    app.config["WECHAT_ACCOUNT"] = "gh_from_env"
    resp = WeChat(client).post(build_text("o-1", OFFICIAL, "水管漏水", next_msg_id()))
    assert resp.status_code == 403 and stored(session) == (0, 0)


def test_a_request_replayed_to_another_site_sharing_the_token_is_refused(client, site, session):
    session.add(Site(slug="other", name="另一个服务中心", ticket_prefix="OT", settings={}))
    session.commit()
    query, body = sign_request(build_text("o-1", OFFICIAL, "空调不制冷", next_msg_id()), TOKEN)
    first = client.post("/wechat/lehui", query_string=query, data=body)
    assert first.status_code == 200
    replayed = client.post("/wechat/other", query_string=query, data=body)
    assert replayed.status_code == 403 and b"replayed" in replayed.get_data()
    assert session.scalar(sa.select(sa.func.count(Ticket.id)).join(Site).where(Site.slug == "other")) == 0
    again = client.post("/wechat/lehui", query_string=query, data=body)  # WeChat's own retry
    assert again.status_code == 200 and again.get_data() == first.get_data()


@pytest.mark.parametrize("tolerance", [0, -5])
def test_the_timestamp_window_cannot_be_turned_off(database_url, redis_url, tolerance):
    from app import create_app

    with pytest.raises(SystemExit, match="WECHAT_TIMESTAMP_TOLERANCE must be a positive number of seconds"):
        create_app({"DATABASE_URL": database_url, "REDIS_URL": redis_url, "WECHAT_TIMESTAMP_TOLERANCE": tolerance})

