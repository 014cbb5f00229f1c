"""The WeChat client's access token against the fake server and a real Redis: shared by
every worker, fetched once however many ask at once, refetched once on a token error."""
from __future__ import annotations

import threading

import pytest

from jobs.wechat_client import (
    RetryableWeChatError,
    WeChatAPIError,
    make_client,
    send_text,
)
from tests.fake_wechat_fixture import TEST_APPID, TEST_SECRET
from tests.jobs.wechat_clients import OPENID, other_client, stored_token


@pytest.fixture
def client(wechat_client):
    """The fixture module's client: TEST_APPID on the fake server and the test Redis."""
    return wechat_client


@pytest.mark.parametrize("errcode", [40001, 42001, 40014])
def test_token_error_refetches_once_and_retries(client, fake_wechat, errcode):
    send_text(client, OPENID, "first")  # token #1
    old = stored_token(client)
    fake_wechat.fail("custom", errcode=errcode)
    assert send_text(client, OPENID, "second").channel == "custom"
    assert fake_wechat.token_fetches == 2
    assert stored_token(client) != old
    assert [r["json"]["text"]["content"] for r in fake_wechat.sent("custom")] == ["first", "second"]
    assert [r["errcode"] for r in fake_wechat.received("custom")] == [0, errcode, 0]


def test_revoked_token_is_replaced(client, fake_wechat):
    send_text(client, OPENID, "first")
    fake_wechat.revoke_tokens()
    send_text(client, OPENID, "second")
    assert fake_wechat.token_fetches == 2
    assert len(fake_wechat.sent("custom")) == 2


def test_token_error_that_persists_gives_up_after_one_refetch(client, fake_wechat):
    # wechatpy's own auto_retry would refetch and recurse for as long as this lasts.
    fake_wechat.fail("custom", errcode=40001, times=None)
    with pytest.raises(RetryableWeChatError) as caught:
        send_text(client, OPENID, "hello")
    assert caught.value.errcode == 40001
    assert fake_wechat.token_fetches == 2
    assert len(fake_wechat.received("custom")) == 2


def test_two_workers_hitting_40001_together_refetch_once(client, fake_wechat, redis_url):
    second = other_client(fake_wechat, redis_url)
    send_text(client, OPENID, "warm up")  # both now share token #1
    assert stored_token(second) == stored_token(client)
    fake_wechat.revoke_tokens()
    fake_wechat.fail("token", hang=0.3)  # a slow refetch: the other worker waits on the lock
    barrier = threading.Barrier(2)
    results, errors = [], []

    def work(c, text):
        barrier.wait()
        try:
            results.append(send_text(c, OPENID, text))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c, f"from {i}")) for i, c in enumerate((client, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == []
    assert [r.channel for r in results] == ["custom", "custom"]
    assert fake_wechat.token_fetches == 2  # the warm-up one and ONE refetch
    assert client.token_fetches + second.token_fetches == 2
    assert sorted(r["errcode"] for r in fake_wechat.received("custom")) == [0, 0, 0, 40001, 40001]
    assert sorted(r["json"]["text"]["content"] for r in fake_wechat.sent("custom")) == [
        "from 0", "from 1", "warm up"]


def test_token_is_shared_between_clients(client, fake_wechat, redis_url):
    second = other_client(fake_wechat, redis_url)
    send_text(client, OPENID, "one")
    send_text(second, OPENID, "two")
    assert fake_wechat.token_fetches == 1
    assert second.token_fetches == 0
    tokens = {r["token"] for r in fake_wechat.sent("custom")}
    assert len(tokens) == 1


def test_concurrent_first_use_fetches_once(client, fake_wechat, redis_url):
    clients = [client] + [other_client(fake_wechat, redis_url) for _ in range(3)]
    fake_wechat.fail("token", hang=0.2)
    barrier = threading.Barrier(len(clients))

    def work(c):
        barrier.wait()
        send_text(c, OPENID, "hi")

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert fake_wechat.token_fetches == 1
    assert len(fake_wechat.sent("custom")) == 4


def test_forced_fetch_replaces_the_shared_token(client, fake_wechat):
    first = client.access_token
    result = client.fetch_access_token()
    assert result["access_token"] != first == fake_wechat.issued_tokens()[0]
    assert stored_token(client) == result["access_token"] == fake_wechat.current_token
    assert client.token_fetches == 2


def test_token_stored_shorter_than_it_lives(client, fake_wechat, redis_conn):
    client.access_token  # noqa: B018
    ttl = redis_conn.ttl(f"wechatpy:{TEST_APPID}_access_token")
    assert 6800 <= ttl <= 6900


def test_token_lock_held_elsewhere_is_retryable(fake_wechat, redis_url, redis_conn):
    impatient = other_client(fake_wechat, redis_url, lock_wait=0.2)
    holder = redis_conn.lock(impatient.lock_name, timeout=5)
    assert holder.acquire(blocking=False)
    try:
        with pytest.raises(RetryableWeChatError, match="lock"):
            send_text(impatient, OPENID, "hi")
    finally:
        holder.release()
    assert fake_wechat.token_fetches == 0
    send_text(impatient, OPENID, "hi")
    assert fake_wechat.token_fetches == 1


def test_wrong_secret_is_not_retryable(redis_conn):
    from fakewechat import FakeWeChat

    with FakeWeChat(appid=TEST_APPID, secret="the-right-one") as fake:
        client = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=fake.api_base)
        with pytest.raises(WeChatAPIError) as caught:
            send_text(client, OPENID, "hi")
    assert caught.value.errcode == 40125 and not caught.value.retryable
