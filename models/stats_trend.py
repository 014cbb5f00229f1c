"""The statistics page's quarter against quarter and twelve months (seed §六(5)), from one
set of per-month category counts: one grouped query, months that have ended kept in a
cache (only a late reclassification moves them). Part of the engine in models/stats.py."""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional, Protocol

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.stats import Month, Scope
from models.tickets import Ticket

CACHE_SECONDS = 3600  # ended months' counts; the warming job refreshes them every half hour
log = logging.getLogger(__name__)


class Cache(Protocol):
    def get(self, key: str) -> Optional[dict]: ...

    def set(self, key: str, value: dict) -> None: ...


class RedisCache:
    """Ended months' counts in Redis, shared by every web process and the worker; fails open."""

    def __init__(self, redis, prefix: str = "admin:stats:v2:", refresh: bool = False) -> None:
        self.redis, self.prefix, self.refresh = redis, prefix, refresh

    def get(self, key: str) -> Optional[dict]:
        if self.refresh:  # the warming job recounts, then stores
            return None
        try:
            raw = self.redis.get(self.prefix + key)
        except Exception:  # noqa: BLE001 - no cache is only slower
            log.warning("statistics cache unavailable (Redis)")
            return None
        return json.loads(raw) if raw else None

    def set(self, key: str, value: dict) -> None:
        try:
            self.redis.set(self.prefix + key, json.dumps(value), ex=CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            pass


def _bucketed(scope: Scope, bounds: list[datetime], *extra) -> sa.Select:
    """Tickets between bounds[0] and bounds[-1], with the index of the interval each is in."""
    whens = [(Ticket.created_at < b, i) for i, b in enumerate(bounds[1:-1])]
    bucket = sa.case(*whens, else_=len(bounds) - 2) if whens else sa.literal(0)
    return scope.narrow(sa.select(bucket.label("bucket"), *extra, sa.func.count())).where(
        Ticket.created_at >= bounds[0], Ticket.created_at < bounds[-1]
    ).group_by(bucket, *extra)


def category_counts(session: so.Session, scope: Scope, months: list[Month], today: date,
                    cache: Optional[Cache] = None) -> dict[Month, dict[str, int]]:
    """Tickets per category for each month, by the month they were registered in: ended
    months from the cache when one is given, the rest in one grouped query."""
    months = sorted(set(months), key=lambda m: (m.year, m.month))
    current = (today.year, today.month)
    out: dict[Month, dict[str, int]] = {}
    if cache is not None:
        for m in months:
            if (m.year, m.month) < current and (hit := cache.get(f"{scope.key}:{m}")) is not None:
                out[m] = hit
    needed = [m for m in months if m not in out]
    if needed:
        span = [needed[0].shift(i) for i in range((needed[-1].year - needed[0].year) * 12
                                                   + needed[-1].month - needed[0].month + 1)]
        bounds = [m.bounds()[0] for m in span] + [span[-1].shift(1).bounds()[0]]
        fresh: dict[Month, dict[str, int]] = {m: {} for m in span}
        for bucket, category, n in session.execute(_bucketed(scope, bounds, Ticket.category)):
            fresh[span[bucket]][category] = n
        for m in needed:
            out[m] = fresh[m]
            if cache is not None and (m.year, m.month) < current:
                cache.set(f"{scope.key}:{m}", fresh[m])
    return out


@dataclass
class QuarterCompare:
    current: str
    previous: str
    rows: list[tuple[str, str, int, int]]  # category, label, previous, current
    totals: tuple[int, int]


@dataclass
class Trend:
    months: list[Month]
    totals: list[int]
    by_category: dict[str, list[int]]


def overview(session: so.Session, scope: Scope, month: Month, today: date,
             cache: Optional[Cache] = None, months: int = 12) -> tuple[QuarterCompare, Trend]:
    """The quarter of `month` up to `month` against the same months of the quarter before
    (like with like, as models.stats.quarter_periods), and the twelve months up to `month`."""
    from nlp import taxonomy

    first = Month(month.year, (month.quarter - 1) * 3 + 1)
    previous = first.shift(-3)
    so_far = month.month - first.month + 1
    quarter_months = [previous.shift(i) for i in range(so_far)] + [first.shift(i) for i in range(so_far)]
    series = [month.shift(i - months + 1) for i in range(months)]
    counts = category_counts(session, scope, quarter_months + series, today, cache)
    per_quarter: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, m in enumerate(quarter_months):
        for category, n in counts[m].items():
            per_quarter[category][i // so_far] += n
    rows = [(c, taxonomy.CATEGORIES.get(c, c), v[0], v[1]) for c, v in sorted(per_quarter.items())]
    compare = QuarterCompare(_quarter_label(first, so_far), _quarter_label(previous, so_far), rows,
                             (sum(r[2] for r in rows), sum(r[3] for r in rows)))
    by_category: dict[str, list[int]] = defaultdict(lambda: [0] * months)
    for i, m in enumerate(series):
        for category, n in counts[m].items():
            by_category[category][i] += n
    totals = [sum(counts[m].values()) for m in series]
    return compare, Trend(series, totals, dict(by_category))


def _quarter_label(first: Month, months: int) -> str:
    """2026年第1季度, or the months it stands for when the quarter is not over: 2026年第4季度（10-11月）."""
    label = f"{first.year}年第{first.quarter}季度"
    if months == 3:
        return label
    last = first.shift(months - 1)
    return f"{label}（{first.month}月）" if months == 1 else f"{label}（{first.month}-{last.month}月）"


def quarter_compare(session: so.Session, scope: Scope, month: Month) -> QuarterCompare:
    return overview(session, scope, month, date.max)[0]


def trend(session: so.Session, scope: Scope, last: Month, months: int = 12) -> Trend:
    return overview(session, scope, last, date.max, months=months)[1]
