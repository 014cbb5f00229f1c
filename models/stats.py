"""Statistics for the monthly report (seed §六(5)): counts per category, code, department
and channel, response, arrival and completion times, overdue rate, satisfaction, and
quarter-over-quarter comparison. Every figure is one aggregate query (GROUP BY in the
database); no ticket is loaded into Python.

The console's statistics page (``admin.stats_queries``) computes the same figures in one
grouped query of its own, with the same definitions (``overdue`` is shared; quarters are
compared like with like in both): a supervisor must read one 超时率 for a month, whichever
of the two they open. tests/jobs/test_reports.py checks that they agree.

``site_ids`` is a list of site ids, a subquery of them, or None for every site. Periods are
local months (TIMEZONE, models.localtime)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Optional, Union

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import utcnow
from models.localtime import day_start
from models.people import Department
from models.rules import ComplaintCode
from models.tickets import CHANNEL_LABELS, DispatchOrder, Survey, Ticket

SiteFilter = Optional[Union[Sequence[int], sa.Select]]
SATISFIED_SCORE = 4  # 4 and 5 count as satisfied
# The urgent promise (维修人员将在30分钟内到场): nlp.taxonomy's urgent_response_hours, which
# models/ does not import; tests/jobs/test_reports.py checks that the two agree.
URGENT_ARRIVAL_MINUTES = 30


def overdue(now: datetime) -> sa.ColumnElement[bool]:
    """超时, one definition for the console's statistics and the monthly report (and the
    queue's 超时 counter, for what is still open): the ticket has a due time and was
    finished (completed, or closed without completion) after it, or is still unfinished
    past it at `now`."""
    finished = sa.func.coalesce(Ticket.completed_at, Ticket.closed_at, sa.literal(now, sa.DateTime))
    return sa.and_(Ticket.due_at.is_not(None), finished > Ticket.due_at)


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


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


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


def _tickets_in(period: Period, site_ids: SiteFilter) -> list[sa.ColumnElement[bool]]:
    conditions = [Ticket.created_at >= period.start, Ticket.created_at < period.end]
    if site_ids is not None:
        conditions.append(Ticket.site_id.in_(site_ids))
    return conditions


def _seconds_between(session: so.Session, later, earlier) -> sa.ColumnElement[float]:
    if session.get_bind().dialect.name == "postgresql":
        return sa.extract("epoch", later - earlier)
    return (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400.0


def _ranked(rows) -> list[dict[str, Any]]:
    out = [{"key": key if key is not None else "", "label": label or (key or "未分派"), "count": count}
           for key, label, count in rows]
    return sorted(out, key=lambda r: (-r["count"], str(r["key"])))


def by_category(session: so.Session, period: Period, site_ids: SiteFilter = None) -> list[dict[str, Any]]:
    rows = session.execute(sa.select(Ticket.category, Ticket.category, sa.func.count(Ticket.id))
                           .where(*_tickets_in(period, site_ids)).group_by(Ticket.category)).all()
    return _ranked(rows)


def by_code(session: so.Session, period: Period, site_ids: SiteFilter = None) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(Ticket.code, ComplaintCode.name, sa.func.count(Ticket.id))
        .join(ComplaintCode, ComplaintCode.code == Ticket.code)
        .where(*_tickets_in(period, site_ids)).group_by(Ticket.code, ComplaintCode.name)
    ).all()
    return _ranked(rows)


def by_department(session: so.Session, period: Period, site_ids: SiteFilter = None) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(Ticket.department_id, Department.name, sa.func.count(Ticket.id))
        .outerjoin(Department, Department.id == Ticket.department_id)
        .where(*_tickets_in(period, site_ids)).group_by(Ticket.department_id, Department.name)
    ).all()
    return _ranked(rows)


def by_channel(session: so.Session, period: Period, site_ids: SiteFilter = None) -> list[dict[str, Any]]:
    rows = session.execute(sa.select(Ticket.channel, sa.func.count(Ticket.id))
                           .where(*_tickets_in(period, site_ids)).group_by(Ticket.channel)).all()
    return _ranked((c.value, CHANNEL_LABELS[c], n) for c, n in rows)


def timings(session: so.Session, period: Period, site_ids: SiteFilter = None,
            now: Optional[datetime] = None) -> dict[str, Any]:
    """How many tickets the period has, their average first response (minutes) and
    completion (hours), how many were dispatched, and how many of them all are overdue
    (see `overdue`) at `now`: one query."""
    conditions = _tickets_in(period, site_ids)
    response = _seconds_between(session, Ticket.first_response_at, Ticket.created_at)
    completion = _seconds_between(session, Ticket.completed_at, Ticket.created_at)
    has_order = sa.exists().where(DispatchOrder.ticket_id == Ticket.id)
    tickets, avg_response, avg_completion, dispatched, late = session.execute(
        sa.select(sa.func.count(Ticket.id),
                  sa.func.avg(sa.case((Ticket.first_response_at.is_not(None), response))),
                  sa.func.avg(sa.case((Ticket.completed_at.is_not(None), completion))),
                  sa.func.count(sa.case((has_order, Ticket.id))),
                  sa.func.count(sa.case((overdue(now or utcnow()), Ticket.id))))
        .where(*conditions)
    ).one()
    return {
        "total": tickets,
        "avg_response_minutes": round(float(avg_response) / 60, 1) if avg_response is not None else None,
        "avg_completion_hours": round(float(avg_completion) / 3600, 1) if avg_completion is not None else None,
        "dispatched": dispatched,
        "overdue": late,
        "overdue_rate": round(late / tickets, 3) if tickets else None,
    }


def arrival_times(session: so.Session, tickets: sa.Select,
                  urgent_minutes: float = URGENT_ARRIVAL_MINUTES) -> dict[str, Any]:
    """平均到场时间, for the tickets `tickets` selects (a SELECT of Ticket.id): from
    registration to the first arrival on any of the ticket's dispatch orders, averaged
    over the tickets reached (minutes); and, of the urgent tickets dispatched, how many
    were reached within `urgent_minutes`. One query."""
    first = (sa.select(DispatchOrder.ticket_id.label("ticket_id"),
                       sa.func.min(DispatchOrder.arrived_at).label("arrived_at"))
             .where(DispatchOrder.ticket_id.in_(tickets)).group_by(DispatchOrder.ticket_id).subquery())
    wait = _seconds_between(session, first.c.arrived_at, Ticket.created_at)
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


def satisfaction(session: so.Session, period: Period, site_ids: SiteFilter = None) -> dict[str, Any]:
    """The surveys of the period's tickets (like every figure here, by when the ticket was
    registered): how many were answered, the average score, the share satisfied (4–5) and
    how many gave each score."""
    rows = session.execute(
        sa.select(Survey.score, sa.func.count(Survey.id)).join(Ticket, Ticket.id == Survey.ticket_id)
        .where(*_tickets_in(period, site_ids)).group_by(Survey.score)
    ).all()
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


def summary(session: so.Session, period: Period, site_ids: SiteFilter = None,
            now: Optional[datetime] = None) -> dict[str, Any]:
    return {"label": period.label, **timings(session, period, site_ids, now),
            "satisfaction": satisfaction(session, period, site_ids)}


def _change(current: float | None, previous: float | None) -> Optional[float]:
    if current is None or previous in (None, 0):
        return None
    return round((current - previous) / previous, 3)


def quarter_comparison(session: so.Session, year: int, month: int, site_ids: SiteFilter = None,
                       now: Optional[datetime] = None) -> dict[str, Any]:
    """This quarter so far against the same months of the last quarter: totals, times,
    satisfaction, and counts per category with the change."""
    current, previous = quarter_periods(year, month)
    now_summary, then_summary = summary(session, current, site_ids, now), summary(session, previous, site_ids, now)
    now_cats = {r["key"]: r["count"] for r in by_category(session, current, site_ids)}
    then_cats = {r["key"]: r["count"] for r in by_category(session, previous, site_ids)}
    categories = [{"key": key, "current": now_cats.get(key, 0), "previous": then_cats.get(key, 0),
                   "change": _change(now_cats.get(key, 0), then_cats.get(key, 0))}
                  for key in sorted(set(now_cats) | set(then_cats), key=lambda k: -now_cats.get(k, 0))]
    return {
        "current": now_summary,
        "previous": then_summary,
        "total_change": _change(now_summary["total"], then_summary["total"]),
        "by_category": categories,
    }


def monthly_stats(session: so.Session, year: int, month: int, site_ids: SiteFilter = None,
                  now: Optional[datetime] = None) -> dict[str, Any]:
    """Everything the monthly report shows for one month, overdue counted at `now`."""
    period = month_period(year, month)
    now = now or utcnow()
    return {
        "month": f"{year:04d}-{month:02d}",
        **summary(session, period, site_ids, now),
        "arrivals": arrival_times(session, sa.select(Ticket.id).where(*_tickets_in(period, site_ids))),
        "by_category": by_category(session, period, site_ids),
        "by_code": by_code(session, period, site_ids),
        "by_department": by_department(session, period, site_ids),
        "by_channel": by_channel(session, period, site_ids),
        "quarter": quarter_comparison(session, year, month, site_ids, now),
    }
