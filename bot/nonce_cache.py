"""The webhook's one Redis round trip: claim the request's (timestamp, nonce, signature)
so a replay is refused, and count the rate-limit keys in the same script. Fails open:
with Redis away the timestamp window and the message dedupe still stand, and a cooldown
keeps every request from waiting for a dead connection."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# One round trip: claim the nonce (an empty fingerprint: any reuse is a replay; otherwise
# only reuse for a different body), then count the rate-limit keys as ratelimit.hit does;
# a replay counts on the first key only (the sender's address, not the tenant).
_CHECK = """
local fresh = redis.call('SET', KEYS[1], ARGV[1] == '' and '1' or ARGV[1], 'NX', 'EX', ARGV[2])
local replayed = 0
if not fresh then
  if ARGV[1] == '' then replayed = 1 else
    local stored = redis.call('GET', KEYS[1])
    if stored and stored ~= ARGV[1] then replayed = 1 end
  end
end
local result = {replayed}
for i = 2, #KEYS do
  if replayed == 1 and i > 2 then break end
  redis.call('SET', KEYS[i], 0, 'EX', ARGV[i + 1], 'NX')
  result[i] = redis.call('INCR', KEYS[i])
end
return result
"""


@dataclass(frozen=True)
class NonceCheck:
    replayed: bool
    counts: tuple  # one per counter asked for; None where not counted


class NonceCache:
    """Remembers (timestamp, nonce, signature) in Redis for `ttl_seconds`.

    Use a ttl of at least twice the timestamp tolerance. When Redis fails, the cache is
    skipped for `cooldown` seconds: redis-py 8 retries a refused connection ten times by
    default (about 4 s per command), which would spend WeChat's whole 5 s budget on every
    request during an outage. Give the connection short socket timeouts as well.
    """

    warn_interval = 60.0
    cooldown = 30.0

    def __init__(self, redis_conn, ttl_seconds: int, prefix: str = "wx:nonce:"):
        if int(ttl_seconds) < 1:
            raise ValueError("ttl_seconds must be at least 1")
        self.redis = redis_conn
        self.ttl = int(ttl_seconds)
        self.prefix = prefix
        self._last_warning: float | None = None
        self._down_until = 0.0

    def seen_before(self, timestamp, nonce, signature, fingerprint=None) -> bool:
        """True when this triple was already used (for a different body, if `fingerprint`).

        With a fingerprint (a digest of the body) an identical resend is not a replay: WeChat
        may retry a request unchanged and the message dedupe answers it; only a new body under
        a used nonce, which a plaintext-mode signature would not detect, is refused.
        """
        return self.check(timestamp, nonce, signature, fingerprint).replayed

    def check(self, timestamp, nonce, signature, fingerprint=None,
              counters: tuple[tuple[str, int], ...] = ()) -> NonceCheck:
        """`seen_before`, and in the same round trip one hit on each (redis key, window)
        rate-limit counter (see `ratelimit`); a replay counts on the first counter only.
        Redis away: not a replay, and no counts (the limits fail open)."""
        with self.begin(timestamp, nonce, signature, fingerprint, counters) as pending:
            return pending.result()

    def begin(self, timestamp, nonce, signature, fingerprint=None,
              counters: tuple[tuple[str, int], ...] = ()) -> PendingCheck:
        """`check`, sent now and read later: the caller does other work (the webhook reads
        the tenant's row) while Redis answers. Use it as a context manager, so the
        connection goes back to the pool however the work in between ends."""
        if self.redis is None or time.monotonic() < self._down_until:
            return PendingCheck(self, None, len(counters))
        keys = [f"{self.prefix}{timestamp}:{nonce}:{signature}"] + [key for key, _ in counters]
        pool = self.redis.connection_pool
        conn = None
        try:
            conn = pool.get_connection()
            conn.send_command("EVAL", _CHECK, len(keys), *keys, fingerprint or "", self.ttl,
                              *(window for _, window in counters))
        except (RedisError, OSError) as exc:
            if conn is not None:
                conn.disconnect()
                pool.release(conn)
            self._warn(exc)  # degrade to the timestamp window and the dedupe key
            return PendingCheck(self, None, len(counters))
        return PendingCheck(self, conn, len(counters))

    def _warn(self, exc: Exception) -> None:
        now = time.monotonic()
        self._down_until = now + self.cooldown
        if self._last_warning is None or now - self._last_warning >= self.warn_interval:
            self._last_warning = now
            log.warning("nonce cache unavailable, replay check off for %.0f s: %r",
                        self.cooldown, exc)


class PendingCheck:
    """A nonce check on its way to Redis (see NonceCache.begin). `result()` waits for the
    answer; leaving the `with` block without reading it drops the connection rather than
    return it to the pool with an unread reply in it."""

    def __init__(self, cache: NonceCache, conn, n_counters: int):
        self._cache, self._conn, self._n = cache, conn, n_counters
        self._result: NonceCheck | None = None if conn is not None else NonceCheck(False, (None,) * n_counters)

    def result(self) -> NonceCheck:
        if self._result is None:
            conn, self._conn = self._conn, None
            try:
                replayed, *counts = conn.read_response()
            except (RedisError, OSError, ValueError) as exc:
                conn.disconnect()
                self._cache._warn(exc)  # noqa: SLF001 - the cache's own cooldown
                self._result = NonceCheck(False, (None,) * self._n)
            else:
                counts = [int(c) if c else None for c in counts] + [None] * (self._n - len(counts))
                self._result = NonceCheck(bool(replayed), tuple(counts))
            finally:
                self._cache.redis.connection_pool.release(conn)
        return self._result

    def __enter__(self) -> PendingCheck:
        return self

    def __exit__(self, *exc) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:  # never read: the reply would poison the next command
            conn.disconnect()
            self._cache.redis.connection_pool.release(conn)
