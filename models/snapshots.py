"""Per-process snapshots of rows that rarely change (a site, a complaint code), for the
webhook's hot path, where looking them up cost more than the rest of a tenant's turn.

A snapshot lives SNAPSHOT_SECONDS. A change this process flushes drops that model's
snapshots at once; other processes see a change within SNAPSHOT_SECONDS. Snapshots are
kept per engine, so two databases in one process never share them. A snapshot enters a
session through `merge(load=False)`: no query, and the session's copy is its own."""
from __future__ import annotations

import time
import weakref
from typing import Optional, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so

SNAPSHOT_SECONDS = 10.0
CACHED_MODELS: set[type] = set()

M = TypeVar("M")
_by_engine: weakref.WeakKeyDictionary[sa.Engine, dict] = weakref.WeakKeyDictionary()


def snapshot_of(session: so.Session, model: type[M], column: str, value) -> Optional[M]:
    """The row of `model` whose `column` equals `value`, attached to `session`; None when
    there is none (absence is not cached: a site created a moment ago must be found)."""
    if model not in CACHED_MODELS:
        raise TypeError(f"{model.__name__} is not registered for snapshots")
    cache = _by_engine.setdefault(session.get_bind(), {})
    key = (model, column, value)
    entry = cache.get(key)
    now = time.monotonic()
    if entry is not None and entry[0] > now:
        return session.merge(entry[1], load=False)
    row = session.scalar(sa.select(model).where(getattr(model, column) == value))
    if row is not None:
        cache[key] = (now + SNAPSHOT_SECONDS, _detached_copy(row))
    return row


def _detached_copy(row):
    mapper = sa.inspect(type(row))
    copy = mapper.class_(**{attr.key: getattr(row, attr.key) for attr in mapper.column_attrs})
    so.make_transient_to_detached(copy)
    return copy


def forget(model: Optional[type] = None) -> None:
    """Drop the snapshots of `model` (of every model when None), in every engine."""
    for cache in list(_by_engine.values()):
        for key in [k for k in cache if model is None or k[0] is model]:
            cache.pop(key, None)


@sa.event.listens_for(so.Session, "after_flush")
def _forget_flushed(session: so.Session, _context) -> None:
    if not _by_engine:
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        if type(obj) in CACHED_MODELS:
            forget(type(obj))


def cache_snapshots(model: type[M]) -> type[M]:
    """Class decorator: allow `snapshot_of` for this model."""
    CACHED_MODELS.add(model)
    return model
