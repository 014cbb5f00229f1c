"""What the WeChat client tests share: the tenant and template they send to, a second
client as another worker process would have, and the token it keeps in Redis."""
from __future__ import annotations

import redis

from jobs.wechat_client import make_client
from tests.fake_wechat_fixture import TEST_APPID, TEST_SECRET

OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs"
TEMPLATE = "tpl-repair-notice"


def other_client(fake_wechat, redis_url, **options):
    """A second client, as another worker process would have: its own Redis connection."""
    conn = redis.Redis.from_url(redis_url)
    return make_client(TEST_APPID, TEST_SECRET, conn, api_base=fake_wechat.api_base, timeout=2.0, **options)


def stored_token(client) -> str | None:
    return client.session.get(client.access_token_key)
