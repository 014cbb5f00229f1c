"""Monthly statistics (seed §六(5)) aggregated in SQL: one grouped query per view (month,
quarter against quarter, twelve-month trend), rolled up in Python from the few grouped
rows, never from ticket rows."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Optional, Protocol

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ComplaintCode, Department, Staff, Ticket
from models.localtime import month_bounds
from models.queries import site_ids, visible_tickets
from models.stats import arrival_times, overdue

DIMENSIONS = ("category", "code", "department", "channel", "status")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, raw: Optional[str], default: date) -> Month:
        if not raw:
            return cls(default.year, default.month)
        year, _, month = raw.partition("-")
        if not (year.isdigit() and month.isdigit() and 2000 <= int(year) <= 2100 and 1 <= int(month) <= 12):
            raise ValueError("月份须为 2000-01 至 2100-12 之间的 YYYY-MM，例如 2026-11")
        return cls(int(year), int(month))

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def bounds(self) -> tuple[datetime, datetime]:
        return month_bounds(self.year, self.month)


@dataclass
class MonthStats:
    month: Month
    total: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {d: {} for d in DIMENSIONS})
    avg_response_hours: Optional[float] = None
    avg_completion_hours: Optional[float] = None
    overdue: int = 0
    overdue_rate: Optional[float] = None
    satisfaction_avg: Optional[float] = None
    satisfaction_n: int = 0
    arrivals: dict = field(default_factory=dict)  # models.stats.arrival_times
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def rows(self, dimension: str) -> list[tuple[str, str, int]]:
        """(key, Chinese label, count), largest first."""
        names = self.labels.get(dimension, {})
        items = sorted(self.counts[dimension].items(), key=lambda kv: (-kv[1], kv[0]))
        return [(k, names.get(k, k), n) for k, n in items]


def _seconds(session: so.Session, later, earlier):
    if session.get_bind().dialect.name == "postgresql":
        return sa.extract("epoch", later - earlier)
    return (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400.0


def _scoped(staff: Staff, site_id: Optional[int], *columns) -> sa.Select:
    stmt = visible_tickets(sa.select(*columns), staff)
    if site_id is not None:
        stmt = stmt.where(Ticket.site_id == site_id)
    return stmt


def _value(v) -> str:
    if v is None:
        return "—"
    return v.value if hasattr(v, "value") else str(v)


def labels(session: so.Session) -> dict[str, dict[str, str]]:
    from models.tickets import CHANNEL_LABELS, STATUS_LABELS
    from nlp import taxonomy

    codes = {c.code: f"{c.code} {c.name}" for c in session.scalars(sa.select(ComplaintCode))}
    departments = {str(d.id): d.name for d in session.scalars(sa.select(Department))}
    departments["—"] = "未分派"
    return {"category": dict(taxonomy.CATEGORIES), "code": codes, "department": departments,
            "channel": {k.value: v for k, v in CHANNEL_LABELS.items()},
            "status": {k.value: v for k, v in STATUS_LABELS.items()}}


def month_stats(session: so.Session, staff: Staff, month: Month, now: datetime,
                site_id: Optional[int] = None) -> MonthStats:
    start, end = month.bounds()
    t = Ticket
    response = sa.case((t.first_response_at.is_not(None), _seconds(session, t.first_response_at, t.created_at)))
    completion = sa.case((t.completed_at.is_not(None), _seconds(session, t.completed_at, t.created_at)))
    late = sa.case((overdue(now), 1), else_=0)
    stmt = _scoped(
        staff, site_id, t.category, t.code, t.department_id, t.channel, t.status, sa.func.count(),
        sa.func.sum(response), sa.func.count(response), sa.func.sum(completion), sa.func.count(completion),
        sa.func.sum(late), sa.func.sum(t.satisfaction), sa.func.count(t.satisfaction),
    ).where(t.created_at >= start, t.created_at < end).group_by(t.category, t.code, t.department_id, t.channel, t.status)
    out = MonthStats(month=month, labels=labels(session))
    resp_sum = resp_n = comp_sum = comp_n = sat_sum = 0.0
    for category, code, dept, channel, status, n, rs, rn, cs, cn, od, ss, sn in session.execute(stmt):
        out.total += n
        for dim, key in (("category", category), ("code", code), ("department", dept), ("channel", channel),
                         ("status", status)):
            k = _value(key)
            out.counts[dim][k] = out.counts[dim].get(k, 0) + n
        resp_sum += float(rs or 0)
        resp_n += rn
        comp_sum += float(cs or 0)
        comp_n += cn
        out.overdue += int(od or 0)
        sat_sum += float(ss or 0)
        out.satisfaction_n += sn
    if resp_n:
        out.avg_response_hours = resp_sum / resp_n / 3600
    if comp_n:
        out.avg_completion_hours = comp_sum / comp_n / 3600
    if out.total:
        out.overdue_rate = out.overdue / out.total
    if out.satisfaction_n:
        out.satisfaction_avg = sat_sum / out.satisfaction_n
    out.arrivals = arrival_times(session, _scoped(staff, site_id, t.id).where(t.created_at >= start,
                                                                             t.created_at < end))
    return out


def _bucketed(staff: Staff, site_id: Optional[int], bounds: list[datetime], *extra) -> sa.Select:
    """Tickets between bounds[0] and bounds[-1], with the index of the interval each is in."""
    whens = [(Ticket.created_at < b, i) for i, b in enumerate(bounds[1:-1])]
    bucket = sa.case(*whens, else_=len(bounds) - 2) if whens else sa.literal(0)
    return _scoped(staff, site_id, bucket.label("bucket"), *extra, sa.func.count()).where(
        Ticket.created_at >= bounds[0], Ticket.created_at < bounds[-1]
    ).group_by(bucket, *extra)


class Cache(Protocol):
    def get(self, key: str) -> Optional[dict]: ...

    def set(self, key: str, value: dict) -> None: ...


def scope_key(staff: Staff, site_id: Optional[int]) -> str:
    ids = site_ids(staff)
    sites = "all" if ids is None else ".".join(str(i) for i in sorted(ids))
    return f"{sites}:{site_id or '*'}"


def category_counts(session: so.Session, staff: Staff, months: list[Month], today: date,
                    site_id: Optional[int] = None, cache: Optional[Cache] = None) -> dict[Month, dict[str, int]]:
    """Tickets per category for each month, by the month they were registered in. Months
    that have ended barely change (only a late reclassification moves a ticket), so they
    come from the cache when one is given; the rest in one grouped query."""
    months = sorted(set(months), key=lambda m: (m.year, m.month))
    current = (today.year, today.month)
    out: dict[Month, dict[str, int]] = {}
    scope = scope_key(staff, site_id)
    if cache is not None:
        for m in months:
            if (m.year, m.month) < current and (hit := cache.get(f"{scope}:{m}")) is not None:
                out[m] = hit
    needed = [m for m in months if m not in out]
    if needed:
        span = [needed[0].shift(i) for i in range((needed[-1].year - needed[0].year) * 12
                                                   + needed[-1].month - needed[0].month + 1)]
        bounds = [m.bounds()[0] for m in span] + [span[-1].shift(1).bounds()[0]]
        fresh: dict[Month, dict[str, int]] = {m: {} for m in span}
        for bucket, category, n in session.execute(_bucketed(staff, site_id, bounds, Ticket.category)):
            fresh[span[bucket]][category] = n
        for m in needed:
            out[m] = fresh[m]
            if cache is not None and (m.year, m.month) < current:
                cache.set(f"{scope}:{m}", fresh[m])
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


def overview(session: so.Session, staff: Staff, month: Month, today: date, site_id: Optional[int] = None,
             cache: Optional[Cache] = None, months: int = 12) -> tuple[QuarterCompare, Trend]:
    """The quarter of `month` up to `month` against the same months of the quarter before
    (like with like, as the monthly report compares), and the twelve months up to `month`,
    from one set of per-month category counts."""
    from nlp import taxonomy

    first = Month(month.year, (month.quarter - 1) * 3 + 1)
    previous = first.shift(-3)
    so_far = month.month - first.month + 1
    quarter_months = [previous.shift(i) for i in range(so_far)] + [first.shift(i) for i in range(so_far)]
    series = [month.shift(i - months + 1) for i in range(months)]
    counts = category_counts(session, staff, quarter_months + series, today, site_id, cache)
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


def quarter_compare(session: so.Session, staff: Staff, month: Month, site_id: Optional[int] = None) -> QuarterCompare:
    return overview(session, staff, month, date.max, site_id)[0]


def trend(session: so.Session, staff: Staff, last: Month, months: int = 12, site_id: Optional[int] = None) -> Trend:
    return overview(session, staff, last, date.max, site_id, months=months)[1]
