"""pytest fixtures for the fake WeChat API server (``fakewechat``).

Use from the top-level conftest.py::

    pytest_plugins = ["tests.fake_wechat_fixture"]

``fake_wechat``: the server (one per test session, started on a free 127.0.0.1 port),
reset before and after each test. Point clients at ``fake_wechat.api_base``.
``wechat_client``: a ``jobs.wechat_client`` client for ``TEST_APPID`` on that server and
the test Redis (needs the ``redis_conn`` fixture from conftest.py).
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from fakewechat import FakeWeChat

TEST_APPID = "wx0123456789abcdef"
TEST_SECRET = "test-appsecret-0123456789abcdef"


@pytest.fixture(scope="session")
def fake_wechat_server() -> Iterator[FakeWeChat]:
    fake = FakeWeChat()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_wechat(fake_wechat_server: FakeWeChat) -> Iterator[FakeWeChat]:
    fake_wechat_server.reset()
    yield fake_wechat_server
    fake_wechat_server.reset()


@pytest.fixture
def wechat_client(fake_wechat: FakeWeChat, redis_conn):
    from jobs.wechat_client import make_client

    client = make_client(TEST_APPID, TEST_SECRET, redis_conn, api_base=fake_wechat.api_base, timeout=2.0)
    yield client
    client.close()
