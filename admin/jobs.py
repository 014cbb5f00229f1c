"""The console's periodic work, run by the worker (jobs.periodic lists it)."""
from __future__ import annotations

import sqlalchemy as sa

from admin.stats import CACHE_SECONDS, RedisCache
from admin.stats_queries import Month, overview, scope_key
from jobs.runtime import job_context
from models import Role, Staff
from models.localtime import today as local_today

WARM_EVERY = CACHE_SECONDS // 2  # refreshed well before the cached months expire


def warm_statistics() -> int:
    """Recount the ended months of the statistics page's quarter and 12-month trend for
    every supervisor's and admin's view, so nobody opens the page on a cold cache. Returns
    how many views were warmed."""
    with job_context("admin.jobs") as ctx:
        today = local_today()
        month = Month(today.year, today.month)
        cache = _Refresh()
        done = set()
        viewers = ctx.session.scalars(sa.select(Staff).where(
            Staff.active.is_(True), Staff.role.in_([Role.SUPERVISOR, Role.ADMIN])))
        for staff in viewers:
            key = scope_key(staff, None)
            if key not in done:
                overview(ctx.session, staff, month, today, None, cache)
                done.add(key)
        return len(done)


class _Refresh(RedisCache):
    """Always recount (never read the cache), then store: the point is to refresh it."""

    def get(self, key: str):
        return None
