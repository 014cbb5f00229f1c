"""bot.nonce_cache against a real Redis and one that is down: replays refused, rate-limit
counts in the same round trip, and failing open within WeChat's time budget."""
import logging
import time

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from bot import nonce_cache
from bot.nonce_cache import NonceCache, NonceCheck
from tests.bot.conftest import unreachable_redis
from tests.bot.protocol_requests import (
    parse,
    signed,
    status_of,
    text_xml,
)


def test_replayed_nonce_is_403_with_real_redis(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=600)
    args, body = signed(text_xml(), "safe")
    assert parse(body, args, nonce_cache=cache)[0].content == "水管漏水"
    keys = redis_conn.keys("wx:nonce:*")
    assert len(keys) == 1 and 0 < redis_conn.ttl(keys[0]) <= 600
    # the same request again is what a WeChat retry looks like: passed on to the dedupe
    assert parse(body, args, nonce_cache=cache)[0].content == "水管漏水"
    # another body under the used (timestamp, nonce, signature) is a replay
    forged_args, forged = signed(text_xml("伪造的工单", msg_id=1), "safe", nonce=args["nonce"])
    assert forged_args["signature"] == args["signature"]
    assert parse(forged, forged_args)[0].content == "伪造的工单"
    assert status_of(forged, forged_args, nonce_cache=cache) == 403
    # plaintext mode: the signature does not cover the body, so the cache is what stops a
    # captured query string from carrying a forged body
    plain_args, plain_body = signed(text_xml(), nonce="42")
    assert parse(plain_body, plain_args, nonce_cache=cache)[0].content == "水管漏水"
    forged = text_xml("伪造的工单", msg_id=1).encode()
    assert parse(forged, plain_args)[0].content == "伪造的工单"  # what it would allow
    assert status_of(forged, plain_args, nonce_cache=cache) == 403
    assert parse(plain_body, plain_args, nonce_cache=cache)[0].content == "水管漏水"


def test_nonce_cache_without_fingerprint(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=60, prefix="t:")
    assert cache.seen_before("1", "2", "3") is False
    assert cache.seen_before("1", "2", "3") is True
    assert cache.seen_before("1", "2", "4") is False
    assert redis_conn.ttl("t:1:2:3") > 0
    assert cache.seen_before("5", "6", "7", "fp") is False
    assert cache.seen_before("5", "6", "7", "fp") is False
    assert cache.seen_before("5", "6", "7", "other") is True


def test_nonce_check_counts_rate_limits_in_the_same_round_trip(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=60, prefix="t:")
    counters = (("t:rl:address", 60), ("t:rl:tenant", 30))
    assert cache.check("1", "2", "3", "fp", counters) == NonceCheck(False, (1, 1))
    assert cache.check("1", "2", "3", "fp", counters) == NonceCheck(False, (2, 2))  # a retry
    # a replay (a new body under a used nonce) counts against the address, not the tenant
    assert cache.check("1", "2", "3", "forged", counters) == NonceCheck(True, (3, None))
    assert cache.check("1", "9", "3", "fp", counters) == NonceCheck(False, (4, 3))
    assert 0 < redis_conn.ttl("t:rl:tenant") <= 30 and 30 < redis_conn.ttl("t:rl:address") <= 60
    assert cache.check("4", "5", "6") == NonceCheck(False, ())


def test_a_begun_check_travels_while_the_caller_works_and_an_unread_one_poisons_nothing(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=60, prefix="t:")
    with cache.begin("1", "2", "3", "fp", (("t:rl:a", 60),)) as pending:
        # sent before it is read: Redis has already claimed the nonce
        assert redis_conn.get("t:1:2:3") == b"fp"
        assert pending.result() == NonceCheck(False, (1,))
        assert pending.result() == NonceCheck(False, (1,))  # read once, kept
    with cache.begin("1", "2", "3", "forged", (("t:rl:a", 60),)):
        pass  # an error in between: the reply is never read
    # the connection with the unread reply ([1, 2]: replayed) was dropped, not pooled: the
    # next check reads its own reply (the forged body still counted on the server)
    assert cache.check("1", "2", "3", "fp", (("t:rl:a", 60),)) == NonceCheck(False, (3,))
    assert redis_conn.incr("t:plain") == 1


def test_a_check_whose_reply_does_not_come_fails_open(redis_url, redis_conn, caplog):
    slow = redis.Redis.from_url(redis_url, socket_timeout=0.3)
    cache = NonceCache(slow, ttl_seconds=60, prefix="t:")
    assert cache.check("0", "0", "0") == NonceCheck(False, ())  # connected and pooled
    redis_conn.client_pause(1500)  # Redis stops answering: the check is sent, its reply never read
    with caplog.at_level(logging.WARNING, logger="bot.nonce_cache"):
        with cache.begin("1", "2", "3", "fp", (("t:rl:a", 60),)) as pending:
            assert pending.result() == NonceCheck(False, (None,))
    assert any("nonce cache unavailable" in r.getMessage() for r in caplog.records)
    assert cache.check("7", "8", "9") == NonceCheck(False, ())  # within the cooldown: not asked
    redis_conn.client_unpause()
    assert slow.ping()  # the timed-out connection was dropped, not pooled with its late reply
    slow.close()


def test_nonce_check_fails_open_when_redis_is_down():
    down = redis.Redis(port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    check = NonceCache(down, ttl_seconds=600).check("1", "2", "3", "fp", (("a", 60), ("b", 60)))
    assert check == NonceCheck(False, (None, None))


def test_nonce_cache_degrades_when_redis_is_down(caplog, monkeypatch):
    down, attempts = unreachable_redis(socket_timeout=0.5)
    cache = NonceCache(down, ttl_seconds=600)
    with caplog.at_level(logging.WARNING, logger="bot.nonce_cache"):
        assert cache.seen_before("1", "2", "3") is False
        # within the cooldown Redis is not asked again: no 4 s retry loop per request
        assert cache.seen_before("1", "2", "3", "fp") is False
        args, body = signed(text_xml())
        assert parse(body, args, nonce_cache=cache)[0].content == "水管漏水"
        assert len(attempts) == 1
        clock = time.monotonic() + cache.cooldown + 1
        monkeypatch.setattr(nonce_cache.time, "monotonic", lambda: clock)
        assert cache.seen_before("1", "2", "3") is False
        assert len(attempts) == 2  # tried again after the cooldown
    warnings = [r for r in caplog.records if "nonce cache" in r.getMessage()]
    assert len(warnings) == 1  # once per warn_interval, not once per request


def test_nonce_cache_with_default_redis_retries_stays_fast_after_first_failure():
    cache = NonceCache(redis.Redis(port=1, socket_connect_timeout=0.2), ttl_seconds=600)
    assert cache.seen_before("1", "2", "3") is False  # slow: redis-py's own retries
    started = time.monotonic()
    for n in range(20):
        assert cache.seen_before("1", str(n), "3") is False
    assert time.monotonic() - started < 0.5


def test_nonce_cache_disabled():
    assert NonceCache(None, 600).seen_before("1", "2", "3") is False
    with pytest.raises(ValueError):
        NonceCache(None, 0)
