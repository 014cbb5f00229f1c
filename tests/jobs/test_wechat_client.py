"""The outbound WeChat client against the fake server (real HTTP) and a real Redis:
sending, failures worth a retry, media, the API base, secrets kept out of logs. The
shared token: test_wechat_token.py."""
from __future__ import annotations

import logging
import socket
import traceback

import pytest

from fakewechat import DEMO_JPEG
from jobs.wechat_client import (
    MediaRejected,
    NotDeliverable,
    RetryableWeChatError,
    SendResult,
    WeChatAPIError,
    download_media,
    make_client,
    normalize_api_base,
    send_template,
    send_text,
)
from tests.fake_wechat_fixture import TEST_APPID, TEST_SECRET
from tests.jobs.wechat_clients import OPENID, TEMPLATE, stored_token

pytest_plugins = ["tests.fake_wechat_fixture"]


@pytest.fixture
def client(wechat_client):
    """The fixture module's client: TEST_APPID on the fake server and the test Redis."""
    return wechat_client


# ---------------------------------------------------------------- sending
def test_custom_send_delivered_once_and_recorded(client, fake_wechat):
    result = send_text(client, OPENID, "师傅明天上午九点上门维修。")
    assert result == SendResult(channel="custom")
    sent = fake_wechat.sent("custom")
    assert len(sent) == 1
    assert sent[0]["json"] == {"touser": OPENID, "msgtype": "text",
                               "text": {"content": "师傅明天上午九点上门维修。"}}
    assert sent[0]["token"] == stored_token(client) == fake_wechat.current_token
    assert fake_wechat.token_fetches == 1
    assert [r["endpoint"] for r in fake_wechat.received()] == ["token", "custom"]


@pytest.mark.parametrize("errcode", [45015, 45047])
def test_outside_window_falls_back_to_template(client, fake_wechat, errcode):
    fake_wechat.fail("custom", errcode=errcode)
    result = send_text(client, OPENID, "您的报修已完成", template_id=TEMPLATE,
                       template_data={"thing1": "您的报修已完成", "time2": {"value": "2024-05-01"}},
                       url="https://example.invalid/t/1")
    assert result.channel == "template"
    assert result.custom_errcode == errcode
    assert isinstance(result.msgid, int)
    assert fake_wechat.sent("custom") == []
    (template,) = fake_wechat.sent("template")
    assert template["json"] == {
        "touser": OPENID, "template_id": TEMPLATE, "url": "https://example.invalid/t/1",
        "data": {"thing1": {"value": "您的报修已完成"}, "time2": {"value": "2024-05-01"}},
    }


def test_outside_window_without_template_is_not_deliverable(client, fake_wechat):
    fake_wechat.fail("custom", errcode=45015)
    with pytest.raises(NotDeliverable) as caught:
        send_text(client, OPENID, "hello")
    assert caught.value.errcode == 45015
    assert not caught.value.retryable
    assert "48 hours" in str(caught.value)
    assert fake_wechat.sent("custom") == [] and fake_wechat.sent("template") == []


def test_template_needs_its_data():
    with pytest.raises(ValueError):
        send_text(None, OPENID, "hello", template_id=TEMPLATE)


def test_send_template_directly(client, fake_wechat):
    result = send_template(client, OPENID, TEMPLATE, {"thing1": "x"})
    assert result.channel == "template" and isinstance(result.msgid, int)
    assert len(fake_wechat.sent("template")) == 1


def test_unsubscribed_user_is_not_deliverable(client, fake_wechat):
    fake_wechat.fail("template", errcode=43004)
    with pytest.raises(NotDeliverable) as caught:
        send_template(client, OPENID, TEMPLATE, {"thing1": "x"})
    assert caught.value.errcode == 43004


def test_other_errcode_is_a_plain_api_error(client, fake_wechat):
    fake_wechat.fail("custom", errcode=40035)
    with pytest.raises(WeChatAPIError) as caught:
        send_text(client, OPENID, "hello", template_id=TEMPLATE, template_data={})
    assert type(caught.value) is WeChatAPIError
    assert caught.value.errcode == 40035 and not caught.value.retryable
    assert fake_wechat.sent("template") == []


# ---------------------------------------------------------------- retryable failures
def test_http_500_is_retryable(client, fake_wechat):
    fake_wechat.fail("custom", status=500)
    with pytest.raises(RetryableWeChatError) as caught:
        send_text(client, OPENID, "hi")
    assert caught.value.http_status == 500 and caught.value.retryable


def test_system_busy_is_retryable(client, fake_wechat):
    fake_wechat.fail("custom", errcode=-1)
    with pytest.raises(RetryableWeChatError) as caught:
        send_text(client, OPENID, "hi")
    assert caught.value.errcode == -1


def test_hang_is_a_retryable_timeout(fake_wechat, redis_conn):
    client = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=fake_wechat.api_base, timeout=0.3)
    client.access_token  # noqa: B018
    fake_wechat.fail("custom", hang=5)
    with pytest.raises(RetryableWeChatError, match="timeout") as caught:
        send_text(client, OPENID, "hi")
    assert caught.value.maybe_delivered  # the server got it; it may still act on it


def test_hanging_token_fetch_is_a_retryable_timeout(fake_wechat, redis_conn):
    client = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=fake_wechat.api_base, timeout=0.3)
    fake_wechat.fail("token", hang=5)
    with pytest.raises(RetryableWeChatError, match="timeout"):
        send_text(client, OPENID, "hi")
    assert fake_wechat.sent("custom") == []


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_retryable_and_not_delivered(redis_conn):
    client = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=f"http://127.0.0.1:{closed_port()}")
    with pytest.raises(RetryableWeChatError) as caught:
        send_text(client, OPENID, "hi")
    assert not caught.value.maybe_delivered


# ---------------------------------------------------------------- media
def test_media_download(client, fake_wechat):
    assert download_media(client, "demo-image") == (DEMO_JPEG, "image/jpeg")
    fake_wechat.add_media("voice-1", b"#!AMR\n" + b"\x00" * 100, "audio/amr")
    assert download_media(client, "voice-1") == (b"#!AMR\n" + b"\x00" * 100, "audio/amr")
    assert [r["query"] for r in fake_wechat.received("media")] == [
        {"media_id": "demo-image"}, {"media_id": "voice-1"}]


@pytest.mark.parametrize("content_type", ["text/html", "image/svg+xml", "application/octet-stream",
                                          "video/mp4"])
def test_media_wrong_content_type_is_rejected(client, fake_wechat, content_type):
    fake_wechat.add_media("m1", b"<svg onload=alert(1)>", content_type)
    with pytest.raises(MediaRejected) as caught:
        download_media(client, "m1")
    assert not caught.value.retryable


def test_media_too_big_or_empty_is_rejected(client, fake_wechat):
    fake_wechat.add_media("big", b"\xff\xd8" + b"\x00" * 5000, "image/jpeg")
    with pytest.raises(MediaRejected, match="limit"):
        download_media(client, "big", max_bytes=4096)
    fake_wechat.add_media("empty", b"", "image/png")
    with pytest.raises(MediaRejected, match="empty"):
        download_media(client, "empty")


def test_media_unknown_and_token_retry(client, fake_wechat):
    with pytest.raises(WeChatAPIError) as caught:
        download_media(client, "no-such-media")
    assert caught.value.errcode == 40007
    fake_wechat.revoke_tokens()
    assert download_media(client, "demo-image")[0] == DEMO_JPEG
    assert fake_wechat.token_fetches == 2


# ---------------------------------------------------------------- the API base
def test_api_base_normalised():
    assert normalize_api_base("http://127.0.0.1:8555") == "http://127.0.0.1:8555/cgi-bin/"
    assert normalize_api_base("http://h/cgi-bin") == "http://h/cgi-bin/"
    assert normalize_api_base("https://api.weixin.qq.com/cgi-bin/") == "https://api.weixin.qq.com/cgi-bin/"
    with pytest.raises(ValueError):
        normalize_api_base("api.weixin.qq.com")


def test_default_api_base_is_the_real_one(redis_conn):
    client = make_client(TEST_APPID, TEST_SECRET, redis_conn)
    assert client.API_BASE_URL == "https://api.weixin.qq.com/cgi-bin/"
    assert TEST_SECRET not in repr(client)


# ---------------------------------------------------------------- secrets
def test_secret_and_token_never_logged(fake_wechat, redis_conn, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=fake_wechat.api_base, timeout=0.3)
    failures = []

    send_text(client, OPENID, "one")
    fake_wechat.fail("custom", errcode=40001)
    send_text(client, OPENID, "two")
    fake_wechat.fail("custom", errcode=45015)
    send_text(client, OPENID, "three", template_id=TEMPLATE, template_data={"k": "v"})
    download_media(client, "demo-image")
    for kind in ({"status": 500}, {"hang": 3}, {"errcode": -1}, {"errcode": 40001, "times": None}):
        fake_wechat.fail("custom", **kind)
        with pytest.raises(WeChatAPIError) as caught:
            send_text(client, OPENID, "x")
        failures.append(caught.value)
    dead = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=f"http://127.0.0.1:{closed_port()}")
    redis_conn.flushdb()
    with pytest.raises(WeChatAPIError) as caught:
        send_text(dead, OPENID, "x")
    failures.append(caught.value)

    for failure in failures:
        assert failure.__context__ is None and failure.__cause__ is None
    tokens = fake_wechat.issued_tokens()
    assert len(tokens) == 3  # the first, after the 40001, and one for the persistent 40001
    texts = [caplog.text] + [
        "".join(traceback.format_exception(e)) + repr(e) + str(e) for e in failures]
    assert any("fetching a new WeChat access token" in r.getMessage() for r in caplog.records)
    assert any("urllib3" in r.name for r in caplog.records)  # URLs were logged, redacted
    for text in texts:
        assert TEST_SECRET not in text
        for token in tokens:
            assert token not in text


# ---------------------------------------------------------------- wechatpy's public API only
def test_no_private_part_of_wechatpy_is_overridden():
    """A wechatpy upgrade must not break silently: nothing here replaces a private method
    of a wechatpy class, nor the token fetch that wechatpy hard-codes to the real server."""
    import inspect

    from wechatpy.session import SessionStorage

    from jobs import wechat_client

    for _, cls in inspect.getmembers(wechat_client, inspect.isclass):
        wechatpy_bases = [b for b in cls.__mro__[1:] if b.__module__.startswith("wechatpy")]
        if cls.__module__ != wechat_client.__name__ or not wechatpy_bases:
            continue
        inherited = {name for base in wechatpy_bases for name in vars(base)}
        overridden = {name for name in vars(cls) if name in inherited and not name.startswith("__")}
        # a session storage implements its documented interface; nothing else overrides
        allowed = {"get", "set", "delete"} if issubclass(cls, SessionStorage) else set()
        assert overridden <= allowed, (cls, overridden)


def test_wechatpys_own_token_fetch_is_never_reached(client, fake_wechat, monkeypatch):
    from wechatpy.client import WeChatClient

    def hard_coded_fetch(self):
        raise AssertionError("wechatpy fetched a token from its hard-coded URL")

    monkeypatch.setattr(WeChatClient, "fetch_access_token", hard_coded_fetch)
    send_text(client, OPENID, "first")
    fake_wechat.revoke_tokens()
    fake_wechat.fail("custom", errcode=40001)
    send_text(client, OPENID, "second")
    assert fake_wechat.token_fetches == 2 and len(fake_wechat.sent("custom")) == 2
