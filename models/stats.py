"""The one statistics engine (seed §六(5)): the console's statistics page, the API and the
monthly report (with each department's share) all read their figures here, so a
supervisor reads one 超时率 for a month wherever they open it.

Which tickets count is a `Scope`: a staff member's view (models.queries.visible_tickets),
some sites, one department, or a mix. A period is local months (TIMEZONE,
models.localtime), by when the ticket was registered. The month's counts and times are one
grouped query, arrivals one, satisfaction one; no ticket is loaded into Python. The
quarter and twelve-month views are in models/stats_trend.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import utcnow
from models.localtime import day_start
from models.people import Department, Role, Staff
from models.queries import site_ids as staff_site_ids
from models.queries import visible_tickets
from models.rules import ComplaintCode
from models.tickets import CHANNEL_LABELS, STATUS_LABELS, DispatchOrder, Survey, Ticket

SATISFIED_SCORE = 4  # 4 and 5 count as satisfied
# The urgent promise (维修人员将在30分钟内到场): nlp.taxonomy's urgent_response_hours;
# tests/jobs/test_reports.py checks that the two agree.
URGENT_ARRIVAL_MINUTES = 30
DIMENSIONS = ("category", "code", "department", "channel", "status")
UNASSIGNED = "—"  # the key of tickets without a department


@dataclass(frozen=True)
class Scope:
    """Which tickets count. ``staff``: what they may see; ``site_ids``: only these sites
    (an empty tuple: none); ``department_id``: only the tickets that department answers
    for (Ticket.department_id), so the shares add up to the report's 按部门 lines."""

    staff: Optional[Staff] = None
    site_ids: Optional[tuple[int, ...]] = None
    department_id: Optional[int] = None

    @classmethod
    def site(cls, site_id: int, department_id: Optional[int] = None) -> Scope:
        return cls(site_ids=(site_id,), department_id=department_id)

    def narrow(self, stmt: sa.Select) -> sa.Select:
        if self.staff is not None:
            stmt = visible_tickets(stmt, self.staff)
        if self.site_ids is not None:
            stmt = stmt.where(Ticket.site_id.in_(self.site_ids) if self.site_ids else sa.false())
        if self.department_id is not None:
            stmt = stmt.where(Ticket.department_id == self.department_id)
        return stmt

    @property
    def key(self) -> str:
        """The same tickets, the same key (the trend cache's)."""
        parts = []
        if self.staff is not None:
            ids = staff_site_ids(self.staff)
            parts.append("all" if ids is None else ".".join(str(i) for i in sorted(ids)))
            if self.staff.role == Role.ENGINEER:
                parts.append(f"e{self.staff.id}")
        parts.append("*" if self.site_ids is None else ".".join(str(i) for i in sorted(self.site_ids)))
        if self.department_id is not None:
            parts.append(f"d{self.department_id}")
        return ":".join(parts)


# --------------------------------------------------------------------------- periods
def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


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
        first = _add_months(date(self.year, self.month, 1), months)
        return Month(first.year, first.month)

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def bounds(self) -> tuple[datetime, datetime]:
        period = self.period()
        return period.start, period.end

    def period(self, months: int = 1) -> Period:
        return months_period(self.year, self.month, months)


@dataclass(frozen=True)
class Period:
    """[start, end) in naive UTC, with the local months it covers for labels."""

    start: datetime
    end: datetime
    first: date  # first local day
    months: int

    @property
    def label(self) -> str:
        last_month = (self.first.month - 1 + self.months - 1) % 12 + 1
        if self.months == 1:
            return f"{self.first.year}年{self.first.month}月"
        return f"{self.first.year}年{self.first.month}-{last_month}月"

    def __str__(self) -> str:
        return f"{self.first.year:04d}-{self.first.month:02d}"


def months_period(year: int, month: int, months: int = 1) -> Period:
    first = date(year, month, 1)
    return Period(day_start(first), day_start(_add_months(first, months)), first, months)


def month_period(year: int, month: int) -> Period:
    return months_period(year, month, 1)


def quarter_periods(year: int, month: int) -> tuple[Period, Period]:
    """The quarter of ``month`` up to and including it, and the same months of the quarter
    before (so November is compared as Oct–Nov against Jul–Aug: like with like)."""
    quarter_first = date(year, (month - 1) // 3 * 3 + 1, 1)
    months = month - quarter_first.month + 1
    previous_first = _add_months(quarter_first, -3)
    return (months_period(quarter_first.year, quarter_first.month, months),
            months_period(previous_first.year, previous_first.month, months))


# --------------------------------------------------------------------------- definitions
def overdue(now: datetime) -> sa.ColumnElement[bool]:
    """超时, one definition for every figure here (and the queue's 超时 counter, for what is
    still open): the ticket has a due time and was finished (completed, or closed without
    completion) after it, or is still unfinished past it at `now`."""
    finished = sa.func.coalesce(Ticket.completed_at, Ticket.closed_at, sa.literal(now, sa.DateTime))
    return sa.and_(Ticket.due_at.is_not(None), finished > Ticket.due_at)


def seconds_between(session: so.Session, later, earlier) -> sa.ColumnElement[float]:
    if session.get_bind().dialect.name == "postgresql":
        return sa.extract("epoch", later - earlier)
    return (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400.0


def in_period(period: Period) -> list[sa.ColumnElement[bool]]:
    return [Ticket.created_at >= period.start, Ticket.created_at < period.end]


def labels(session: so.Session) -> dict[str, dict[str, str]]:
    """Chinese names for each dimension's keys."""
    from nlp import taxonomy  # the categories are the classifier's data

    codes = {c.code: f"{c.code} {c.name}" for c in session.scalars(sa.select(ComplaintCode))}
    departments = {str(d.id): d.name for d in session.scalars(sa.select(Department))}
    departments[UNASSIGNED] = "未分派"
    return {"category": dict(taxonomy.CATEGORIES), "code": codes, "department": departments,
            "channel": {k.value: v for k, v in CHANNEL_LABELS.items()},
            "status": {k.value: v for k, v in STATUS_LABELS.items()}}


# --------------------------------------------------------------------------- the figures
@dataclass
class Figures:
    """One period's figures for one scope."""

    period: Period
    total: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {d: {} for d in DIMENSIONS})
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    avg_response_minutes: Optional[float] = None
    avg_completion_hours: Optional[float] = None
    dispatched: int = 0
    overdue: int = 0
    overdue_rate: Optional[float] = None
    satisfaction: dict[str, Any] = field(default_factory=dict)
    arrivals: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.period.label

    def rows(self, dimension: str) -> list[tuple[str, str, int]]:
        """(key, Chinese label, count), largest first."""
        names = self.labels.get(dimension, {})
        items = sorted(self.counts[dimension].items(), key=lambda kv: (-kv[1], kv[0]))
        return [(k, names.get(k, k), n) for k, n in items]

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain JSON (the API, the report's headline row)."""
        return {"month": str(self.period), "label": self.label, "total": self.total,
                "avg_response_minutes": self.avg_response_minutes,
                "avg_completion_hours": self.avg_completion_hours, "dispatched": self.dispatched,
                "overdue": self.overdue, "overdue_rate": self.overdue_rate,
                "satisfaction": self.satisfaction, "arrivals": self.arrivals,
                **{f"by_{d}": dict(self.counts[d]) for d in DIMENSIONS}}


def _value(v) -> str:
    if v is None:
        return UNASSIGNED
    return v.value if hasattr(v, "value") else str(v)


def figures(session: so.Session, scope: Scope, period: Period, now: Optional[datetime] = None,
            names: Optional[dict[str, dict[str, str]]] = None) -> Figures:
    """The period's counts per dimension, average first response and completion, dispatched
    and overdue (at `now`) in one grouped query; then arrivals and satisfaction. ``names``:
    `labels` already read (several scopes at once)."""
    t, now = Ticket, now or utcnow()
    response = sa.case((t.first_response_at.is_not(None), seconds_between(session, t.first_response_at, t.created_at)))
    completion = sa.case((t.completed_at.is_not(None), seconds_between(session, t.completed_at, t.created_at)))
    dispatched = sa.case((sa.exists().where(DispatchOrder.ticket_id == t.id), 1), else_=0)
    keys = (t.category, t.code, t.department_id, t.channel, t.status)
    stmt = scope.narrow(sa.select(
        *keys, sa.func.count(), sa.func.sum(response), sa.func.count(response), sa.func.sum(completion),
        sa.func.count(completion), sa.func.sum(dispatched), sa.func.sum(sa.case((overdue(now), 1), else_=0)),
    )).where(*in_period(period)).group_by(*keys)
    out = Figures(period=period, labels=names if names is not None else labels(session))
    resp_sum = resp_n = comp_sum = comp_n = 0.0
    for category, code, dept, channel, status, n, rs, rn, cs, cn, sent, late in session.execute(stmt):
        out.total += n
        for dim, key in zip(DIMENSIONS, (category, code, dept, channel, status), strict=True):
            k = _value(key)
            out.counts[dim][k] = out.counts[dim].get(k, 0) + n
        resp_sum, resp_n = resp_sum + float(rs or 0), resp_n + rn
        comp_sum, comp_n = comp_sum + float(cs or 0), comp_n + cn
        out.dispatched += int(sent or 0)
        out.overdue += int(late or 0)
    out.avg_response_minutes = round(resp_sum / resp_n / 60, 1) if resp_n else None
    out.avg_completion_hours = round(comp_sum / comp_n / 3600, 1) if comp_n else None
    out.overdue_rate = round(out.overdue / out.total, 3) if out.total else None
    selected = scope.narrow(sa.select(t.id)).where(*in_period(period))
    out.arrivals = arrival_times(session, selected)
    out.satisfaction = satisfaction(session, selected)
    return out


def ticket_list(session: so.Session, scope: Scope, period: Period, now: Optional[datetime] = None,
                limit: int = 500) -> list[tuple[Ticket, bool]]:
    """The period's tickets in `scope`, oldest first, each with whether it is overdue (the
    same `overdue` as the figures): the list a department's share prints."""
    stmt = scope.narrow(sa.select(Ticket, overdue(now or utcnow()))).where(*in_period(period))
    return [(t, bool(late)) for t, late in session.execute(stmt.order_by(Ticket.created_at, Ticket.id).limit(limit))]


def arrival_times(session: so.Session, tickets: sa.Select,
                  urgent_minutes: float = URGENT_ARRIVAL_MINUTES) -> dict[str, Any]:
    """平均到场时间, for the tickets `tickets` selects (a SELECT of Ticket.id): from
    registration to the first arrival on any of the ticket's dispatch orders, averaged
    over the tickets reached (minutes); and, of the urgent tickets dispatched, how many
    were reached within `urgent_minutes`. One query."""
    first = (sa.select(DispatchOrder.ticket_id.label("ticket_id"),
                       sa.func.min(DispatchOrder.arrived_at).label("arrived_at"))
             .where(DispatchOrder.ticket_id.in_(tickets)).group_by(DispatchOrder.ticket_id).subquery())
    wait = seconds_between(session, first.c.arrived_at, Ticket.created_at)
    in_time = wait <= urgent_minutes * 60 + 0.5  # julianday arithmetic is exact to about a millisecond
    average, reached, urgent, urgent_in_time = session.execute(
        sa.select(sa.func.avg(wait), sa.func.count(first.c.arrived_at),
                  sa.func.count(sa.case((Ticket.urgent.is_(True), Ticket.id))),
                  sa.func.count(sa.case((sa.and_(Ticket.urgent.is_(True), in_time), Ticket.id))))
        .join(first, first.c.ticket_id == Ticket.id)
    ).one()
    return {
        "avg_arrival_minutes": round(float(average) / 60, 1) if average is not None else None,
        "arrived": reached,
        "urgent_dispatched": urgent,
        "urgent_arrived_in_time": urgent_in_time,
        "urgent_in_time_rate": round(urgent_in_time / urgent, 3) if urgent else None,
    }


def satisfaction(session: so.Session, tickets: sa.Select) -> dict[str, Any]:
    """The surveys of the tickets `tickets` selects: how many were sent and answered, the
    average score, the share satisfied (4–5) and how many gave each score. One query."""
    rows = session.execute(sa.select(Survey.score, sa.func.count(Survey.id))
                           .where(Survey.ticket_id.in_(tickets)).group_by(Survey.score)).all()
    by_score = {score: n for score, n in rows if score is not None}
    surveys = sum(n for _, n in rows)
    answered = sum(by_score.values())
    score_sum = sum(score * n for score, n in by_score.items())
    satisfied = sum(n for score, n in by_score.items() if score >= SATISFIED_SCORE)
    return {
        "surveys": surveys,
        "answered": answered,
        "response_rate": round(answered / surveys, 3) if surveys else None,
        "avg_score": round(score_sum / answered, 2) if answered else None,
        "satisfied_rate": round(satisfied / answered, 3) if answered else None,
        "by_score": {s: by_score.get(s, 0) for s in range(1, 6)},
    }


def change(current: float | None, previous: float | None) -> Optional[float]:
    if current is None or previous in (None, 0):
        return None
    return round((current - previous) / previous, 3)


def monthly_report(session: so.Session, scope: Scope, year: int, month: int,
                   now: Optional[datetime] = None) -> dict[str, Any]:
    """Everything the monthly report shows: the month's figures, and this quarter so far
    against the same months of the quarter before (totals, times, satisfaction, categories)."""
    now = now or utcnow()
    this = figures(session, scope, month_period(year, month), now)
    current, previous = (figures(session, scope, p, now) for p in quarter_periods(year, month))
    categories = sorted(set(current.counts["category"]) | set(previous.counts["category"]),
                        key=lambda k: (-current.counts["category"].get(k, 0), k))
    return {"month": this, "quarter": {
        "current": current, "previous": previous, "total_change": change(current.total, previous.total),
        "by_category": [{"key": k, "current": current.counts["category"].get(k, 0),
                         "previous": previous.counts["category"].get(k, 0),
                         "change": change(current.counts["category"].get(k, 0), previous.counts["category"].get(k, 0))}
                        for k in categories]}}
