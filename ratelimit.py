"""Fixed-window rate limits in Redis, shared by every process. When Redis is away the
limit is not enforced (fail open): refusing tenants because a counter is down would be
worse than letting a burst through."""
from __future__ import annotations

import logging

import redis

log = logging.getLogger(__name__)


def hit(conn: redis.Redis, key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit; True while the key is within `limit` hits per window. The window
    starts at the key's first hit (SET NX EX), and INCR keeps its expiry."""
    name = f"rl:{key}"
    try:
        pipe = conn.pipeline(transaction=True)
        pipe.set(name, 0, nx=True, ex=window_seconds)
        pipe.incr(name)
        _, count = pipe.execute()
    except redis.RedisError as exc:
        log.warning("rate limit not enforced, Redis unavailable: %s", exc.__class__.__name__)
        return True
    return count <= limit
