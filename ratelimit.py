"""Fixed-window rate limits in Redis, shared by every process. When Redis is away the
limit is not enforced (fail open): refusing tenants because a counter is down would be
worse than letting a burst through."""
from __future__ import annotations

import logging

import redis

log = logging.getLogger(__name__)
# One round trip: start the window on the first hit, count every hit (INCR keeps the TTL).
_HIT = "redis.call('SET', KEYS[1], 0, 'EX', ARGV[1], 'NX') return redis.call('INCR', KEYS[1])"


def redis_key(key: str) -> str:
    return f"rl:{key}"


def hit(conn: redis.Redis, key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit; True while the key is within `limit` hits per window. The window
    starts at the key's first hit (SET NX EX), and INCR keeps its expiry."""
    try:
        count = int(conn.eval(_HIT, 1, redis_key(key), window_seconds))
    except redis.RedisError as exc:
        log.warning("rate limit not enforced, Redis unavailable: %s", exc.__class__.__name__)
        return True
    return count <= limit
