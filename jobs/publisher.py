"""Outbox rows go to RQ after the transaction that wrote them commits.

Listeners on the session factory behind ``models.db.session`` note the ids of Outbox
rows as they are flushed and, once the commit succeeds, enqueue one delivery job per row
on the current app's queues. Nothing is enqueued for a transaction that rolls back. If
Redis cannot be reached, the rows simply stay pending: ``jobs.outbox.sweep_outbox``
pushes them later. The web request never fails because of Redis."""
from __future__ import annotations

import logging
from collections.abc import Iterable

import redis
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, has_app_context

from models import Outbox, db

logger = logging.getLogger(__name__)

_IDS = "jobs.outbox_ids"
_installed = False


def install() -> None:
    """Idempotent: listen on ``db.session``'s factory (every app in the process shares it)."""
    global _installed
    if _installed:
        return
    factory = db.session.session_factory
    sa.event.listen(factory, "pending_to_persistent", _remember)
    sa.event.listen(factory, "after_commit", _publish)
    sa.event.listen(factory, "after_rollback", _forget)
    _installed = True


def publish_after_commit(session: so.Session, outbox_ids: Iterable[int]) -> None:
    """Have existing rows (reset for another try) enqueued when ``session`` commits."""
    session.info.setdefault(_IDS, []).extend(outbox_ids)


def _remember(session: so.Session, instance: object) -> None:
    if isinstance(instance, Outbox):
        session.info.setdefault(_IDS, []).append(instance.id)


def _forget(session: so.Session) -> None:
    session.info.pop(_IDS, None)


def _publish(session: so.Session) -> None:
    ids = session.info.pop(_IDS, None)
    if not ids:
        return
    if not has_app_context():
        logger.info("outbox rows %s committed outside an app: left for the sweep", ids)
        return
    from jobs.outbox import enqueue_deliveries

    try:
        enqueue_deliveries(current_app.queues, sorted(set(ids)))
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
        logger.warning("Redis unavailable (%s): outbox rows %s stay pending until the sweep pushes them",
                       type(exc).__name__, ids)
    except Exception:  # the data is committed: never fail the request over it
        logger.exception("could not enqueue outbox rows %s; the sweep will push them", ids)
