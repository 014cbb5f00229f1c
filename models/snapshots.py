"""Per-process snapshots of rows that rarely change (a site, a complaint code), for the
webhook's hot path, where looking them up cost more than the rest of a tenant's turn.

A snapshot lives SNAPSHOT_SECONDS. A change this process flushes drops that model's
snapshots at once; other processes see a change within SNAPSHOT_SECONDS. Snapshots are
kept per engine, so two databases in one process never share them.

A snapshot is one detached object that every request of the process reads: no query, and
no copy into the session either (merging one cost ~100 µs a request under load). So it is
read-only: setting an attribute on it, or entering it into a session (directly, or by
linking another object to it), raises SnapshotIsReadOnly. Use its columns and its id
(`site_id=site.id`); load the row in the session to change it or to follow a
relationship."""
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
_snapshots: weakref.WeakSet = weakref.WeakSet()  # every object snapshot_of has handed out
_guarded: set[type] = set()


class SnapshotIsReadOnly(TypeError):
    """A snapshot was changed or entered into a session (see the module's docstring)."""


def snapshot_of(session: so.Session, model: type[M], column: str, value) -> Optional[M]:
    """The read-only snapshot of the row of `model` whose `column` equals `value`, as
    `session`'s database has it; None when there is none (absence is not cached: a site
    created a moment ago must be found)."""
    if model not in CACHED_MODELS:
        raise TypeError(f"{model.__name__} is not registered for snapshots")
    cache = _by_engine.setdefault(session.get_bind(), {})
    key = (model, column, value)
    entry = cache.get(key)
    now = time.monotonic()
    if entry is not None and entry[0] > now:
        return entry[1]
    row = session.scalar(sa.select(model).where(getattr(model, column) == value))
    if row is None:
        return None
    snapshot = _detached_copy(row)
    cache[key] = (now + SNAPSHOT_SECONDS, snapshot)
    return snapshot


def _detached_copy(row):
    model = type(row)
    mapper = sa.inspect(model)
    copy = mapper.class_(**{attr.key: getattr(row, attr.key) for attr in mapper.column_attrs})
    so.make_transient_to_detached(copy)
    if model not in _guarded:  # here, not at import: the mappers are configured by now
        for attr in mapper.attrs:
            many = isinstance(attr, so.RelationshipProperty) and attr.uselist
            for event in ("append", "remove") if many else ("set",):
                sa.event.listen(getattr(model, attr.key), event, _refuse_change)
        _guarded.add(model)
    _snapshots.add(copy)
    return copy


def _refuse_change(target, *_args) -> None:
    if target in _snapshots:
        raise SnapshotIsReadOnly(f"{target!r} is a shared snapshot: load the row to change it")


@sa.event.listens_for(so.Session, "before_attach")
def _refuse_attach(_session: so.Session, instance) -> None:
    if instance in _snapshots:
        raise SnapshotIsReadOnly(f"{instance!r} is a shared snapshot: use its id, or load the row")


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
