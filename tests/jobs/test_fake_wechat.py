"""The fake WeChat API server itself, over real HTTP."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from fakewechat import DEMO_JPEG, FakeWeChat, RemoteFakeWeChat

pytest_plugins = ["tests.fake_wechat_fixture"]

ROOT = Path(__file__).resolve().parents[2]


def token(fake: FakeWeChat, appid: str = "wxapp", secret: str = "s3cret") -> dict:
    response = requests.get(f"{fake.api_base}token", params={
        "grant_type": "client_credential", "appid": appid, "secret": secret}, timeout=5)
    assert response.status_code == 200
    return response.json()


def custom(fake: FakeWeChat, access_token: str, touser: str = "openid-1", text: str = "hi") -> dict:
    body = {"touser": touser, "msgtype": "text", "text": {"content": text}}
    response = requests.post(f"{fake.api_base}message/custom/send", params={"access_token": access_token},
                             json=body, timeout=5)
    return response.json()


def test_token_fetch_counts_and_only_newest_two_are_valid(fake_wechat):
    first = token(fake_wechat)
    assert first["expires_in"] == 7200 and first["access_token"]
    second = token(fake_wechat)["access_token"]
    assert second != first["access_token"]
    assert custom(fake_wechat, first["access_token"])["errcode"] == 0  # previous: still valid
    third = token(fake_wechat)["access_token"]
    assert custom(fake_wechat, first["access_token"])["errcode"] == 40001  # older: not
    assert custom(fake_wechat, second)["errcode"] == 0
    assert custom(fake_wechat, third)["errcode"] == 0
    assert custom(fake_wechat, "made-up")["errcode"] == 40001
    assert fake_wechat.token_fetches == 3


def test_expired_and_revoked_tokens(fake_wechat):
    fake_wechat.expires_in = 1
    try:
        access_token = token(fake_wechat)["access_token"]
        time.sleep(1.1)
        assert custom(fake_wechat, access_token)["errcode"] == 42001
    finally:
        fake_wechat.expires_in = 7200
    access_token = token(fake_wechat)["access_token"]
    fake_wechat.revoke_tokens()
    assert custom(fake_wechat, access_token)["errcode"] == 40001


def test_records_requests_without_the_secret(fake_wechat):
    access_token = token(fake_wechat, secret="top-secret-value")["access_token"]
    assert custom(fake_wechat, access_token, text="水管漏水")["errcode"] == 0
    records = fake_wechat.received()
    assert [r["endpoint"] for r in records] == ["token", "custom"]
    assert records[0]["query"] == {"grant_type": "client_credential", "appid": "wxapp"}
    assert "top-secret-value" not in repr(records)
    sent = fake_wechat.sent("custom")
    assert len(sent) == 1
    assert sent[0]["json"] == {"touser": "openid-1", "msgtype": "text", "text": {"content": "水管漏水"}}
    assert sent[0]["token"] == access_token
    assert sent[0]["path"] == "/cgi-bin/message/custom/send"


def test_template_send_returns_msgid(fake_wechat):
    access_token = token(fake_wechat)["access_token"]
    body = {"touser": "openid-1", "template_id": "tpl", "data": {"first": {"value": "x"}}}
    reply = requests.post(f"{fake_wechat.api_base}message/template/send",
                          params={"access_token": access_token}, json=body, timeout=5).json()
    assert reply["errcode"] == 0 and isinstance(reply["msgid"], int)
    bad = requests.post(f"{fake_wechat.api_base}message/template/send",
                        params={"access_token": access_token}, data=b"{not json", timeout=5).json()
    assert bad["errcode"] == 47001


def test_media_get(fake_wechat):
    access_token = token(fake_wechat)["access_token"]
    response = requests.get(f"{fake_wechat.api_base}media/get",
                            params={"access_token": access_token, "media_id": "demo-image"}, timeout=5)
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.content == DEMO_JPEG and DEMO_JPEG.startswith(b"\xff\xd8")
    missing = requests.get(f"{fake_wechat.api_base}media/get",
                           params={"access_token": access_token, "media_id": "nope"}, timeout=5)
    assert missing.json()["errcode"] == 40007
    assert missing.headers["Content-Type"].startswith("text/plain")


def test_injected_failures_in_process(fake_wechat):
    access_token = token(fake_wechat)["access_token"]
    fake_wechat.fail("custom", errcode=45015, times=2)
    assert custom(fake_wechat, access_token)["errcode"] == 45015
    assert custom(fake_wechat, access_token)["errcode"] == 45015
    assert custom(fake_wechat, access_token)["errcode"] == 0

    fake_wechat.fail("custom", status=500)
    response = requests.post(f"{fake_wechat.api_base}message/custom/send",
                             params={"access_token": access_token}, json={}, timeout=5)
    assert response.status_code == 500

    fake_wechat.fail("custom", errcode=45015, times=None, touser="openid-far")
    for _ in range(3):
        assert custom(fake_wechat, access_token, touser="openid-far")["errcode"] == 45015
    assert custom(fake_wechat, access_token, touser="openid-near")["errcode"] == 0

    with pytest.raises(ValueError):
        fake_wechat.fail("custom", errcode=1, status=500)
    with pytest.raises(ValueError):
        fake_wechat.fail("nope", errcode=1)


def test_hang_then_go_on_and_reset_releases(fake_wechat):
    access_token = token(fake_wechat)["access_token"]
    fake_wechat.fail("custom", hang=0.3)
    started = time.monotonic()
    assert custom(fake_wechat, access_token)["errcode"] == 0
    assert time.monotonic() - started >= 0.3

    fake_wechat.fail("custom", hang=30)
    with pytest.raises(requests.Timeout):
        requests.post(f"{fake_wechat.api_base}message/custom/send", params={"access_token": access_token},
                      json={"touser": "o", "msgtype": "text", "text": {"content": "x"}}, timeout=0.3)
    started = time.monotonic()
    fake_wechat.reset()  # releases the hung request, which is then not recorded
    assert time.monotonic() - started < 2
    time.sleep(0.1)
    assert fake_wechat.received() == []


def test_control_over_http(fake_wechat):
    remote = RemoteFakeWeChat(fake_wechat.base_url)
    access_token = token(fake_wechat)["access_token"]
    remote.fail("custom", errcode=40001)
    assert custom(fake_wechat, access_token)["errcode"] == 40001
    assert custom(fake_wechat, access_token)["errcode"] == 0
    assert remote.token_fetches == 1 and remote.issued_tokens() == [access_token]
    assert [r["errcode"] for r in remote.received("custom")] == [40001, 0]
    assert len(remote.sent("custom")) == 1

    remote.add_media("voice-1", b"#!AMR\n....", "audio/amr")
    response = requests.get(f"{fake_wechat.api_base}media/get",
                            params={"access_token": access_token, "media_id": "voice-1"}, timeout=5)
    assert response.headers["Content-Type"] == "audio/amr" and response.content == b"#!AMR\n...."

    bad = requests.post(f"{fake_wechat.base_url}/_fake/fail", json={"endpoint": "custom"}, timeout=5)
    assert bad.status_code == 400

    remote.revoke_tokens()
    assert custom(fake_wechat, access_token)["errcode"] == 40001
    remote.reset()
    assert remote.received() == [] and remote.token_fetches == 0


def test_required_credentials():
    with FakeWeChat(appid="wxright", secret="right") as fake:
        assert token(fake, "wxright", "wrong")["errcode"] == 40125
        assert token(fake, "wxwrong", "right")["errcode"] == 40013
        assert "access_token" in token(fake, "wxright", "right")
        assert fake.token_fetches == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_runs_standalone_with_python_m():
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "fakewechat", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        remote = RemoteFakeWeChat(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 15
        while True:
            try:
                assert remote.stats() == {"token_fetches": 0, "requests": 0}
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "fake server did not start"
                time.sleep(0.1)
        reply = requests.get(f"{remote.api_base}token", params={
            "grant_type": "client_credential", "appid": "wxa", "secret": "s"}, timeout=5).json()
        assert reply["expires_in"] == 7200
        assert remote.token_fetches == 1
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
