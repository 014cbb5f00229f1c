"""The work queue in SQL: filters, search, keyset pages (fast at any depth on the default
sorts), a capped count, and the counters at the top of the queue."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Role, Site, Staff, Status, Ticket
from models.queries import ACTIVE, FilterError, TicketFilters, site_ids, ticket_query, visible_tickets

PAGE_SIZE = 30
COUNT_CAP = 1000  # counting every match of a broad filter costs more than it tells
MAX_OFFSET_PAGE = 100  # the deadline sort pages by offset; deeper pages need a filter
SHORT_QUERY_DAYS = 60  # 1–2 character searches cannot use the trigram index: a recent window
SORTS = {"new": "最新登记", "old": "最早登记", "due": "时限最近"}


def _cursor(raw: Optional[str], name: str) -> Optional[tuple[datetime, int]]:
    if not raw:
        return None
    stamp, _, ident = raw.partition("_")
    try:
        return datetime.fromisoformat(stamp), int(ident)
    except ValueError:
        raise FilterError(name, "分页参数不正确") from None


def cursor_of(t: Ticket) -> str:
    return f"{t.created_at.isoformat()}_{t.id}"


@dataclass
class QueueFilters(TicketFilters):
    """The queue's filters (the API's, see models.queries.TicketFilters) and its paging."""
    sort: str = "new"
    page: int = 1
    before: Optional[tuple[datetime, int]] = None
    after: Optional[tuple[datetime, int]] = None

    @classmethod
    def from_args(cls, args) -> QueueFilters:
        common = TicketFilters.from_args(args, q_max=60)
        sort = args.get("sort") or "new"
        if sort not in SORTS:
            raise FilterError("sort", "未知的排序方式")
        page = args.get("page") or "1"
        if not page.isdigit() or not 1 <= int(page) <= MAX_OFFSET_PAGE:
            raise FilterError("page", f"页码须在1到{MAX_OFFSET_PAGE}之间，请用筛选条件缩小范围")
        return cls(**{f.name: getattr(common, f.name) for f in fields(TicketFilters)}, sort=sort, page=int(page),
                   before=_cursor(args.get("before"), "before"), after=_cursor(args.get("after"), "after"))

    def args(self, **changes) -> dict:
        """Query-string values for a link that keeps these filters (and changes some)."""
        f = replace(self, **changes)
        out = {"status": f.status, "code": f.code, "category": f.category, "department": f.department,
               "channel": f.channel, "site": f.site, "urgent": "1" if f.urgent else None,
               "upset": "1" if f.upset else None, "overdue": "1" if f.overdue else None,
               "mine": "1" if f.mine else None,
               "since": f.since.isoformat() if f.since else None, "until": f.until.isoformat() if f.until else None,
               "q": f.q, "sort": None if f.sort == "new" else f.sort, "page": f.page if f.page > 1 else None}
        return {k: v for k, v in out.items() if v not in (None, "")}

    @property
    def short_search(self) -> bool:
        return bool(self.q) and len(self.q) < 3


def filtered(session: so.Session, staff: Staff, f: QueueFilters, now: datetime, trigram: bool = True) -> sa.Select:
    """The queue's tickets: a site the staff member does not work for is refused (the API
    simply finds nothing there), and a 1–2 character search, which the trigram index cannot
    serve, looks at recent days only."""
    if f.site:
        site_id = session.scalar(sa.select(Site.id).where(Site.slug == f.site))
        if site_id is None or not staff.can_see_site(site_id):
            raise FilterError("site", "无权查看该服务中心")
    recent = (now - timedelta(days=SHORT_QUERY_DAYS)).date() if f.short_search else None
    return ticket_query(staff, f, now=now, searched_since=recent, trigram=trigram)


@dataclass
class QueuePage:
    items: list[Ticket]
    total: Optional[int]  # None: not counted (a short search would scan the window twice)
    capped: bool
    next_args: Optional[dict] = None
    prev_args: Optional[dict] = None
    first_args: Optional[dict] = None
    notes: list[str] = field(default_factory=list)


def _count(session: so.Session, stmt: sa.Select) -> tuple[int, bool]:
    sub = stmt.with_only_columns(Ticket.id).order_by(None).limit(COUNT_CAP + 1).subquery()
    n = session.scalar(sa.select(sa.func.count()).select_from(sub))
    return min(n, COUNT_CAP), n > COUNT_CAP


def page(session: so.Session, staff: Staff, f: QueueFilters, now: datetime, size: Optional[int] = None) -> QueuePage:
    size = size or PAGE_SIZE
    stmt = filtered(session, staff, f, now)
    total, capped = _count(session, stmt) if not f.short_search else (None, False)
    if f.q and capped and f.sort != "due":
        stmt = filtered(session, staff, f, now, trigram=False)
    notes = [f"关键词少于3个字时只搜索最近{SHORT_QUERY_DAYS}天的工单，且不统计总数"] if f.short_search else []
    if f.sort == "due":
        rows = session.scalars(stmt.order_by(Ticket.due_at.asc().nulls_last(), Ticket.id)
                               .limit(size + 1).offset((f.page - 1) * size)).all()
        more = len(rows) > size and f.page < MAX_OFFSET_PAGE
        return QueuePage(rows[:size], total, capped, notes=notes,
                         next_args=f.args(page=f.page + 1) if more else None,
                         prev_args=f.args(page=f.page - 1) if f.page > 1 else None)
    newest_first = f.sort == "new"
    key = sa.tuple_(Ticket.created_at, Ticket.id)
    forward = (Ticket.created_at.desc(), Ticket.id.desc()) if newest_first else (Ticket.created_at, Ticket.id)
    backward = (Ticket.created_at, Ticket.id) if newest_first else (Ticket.created_at.desc(), Ticket.id.desc())
    base = f.args(before=None, after=None)
    if f.after:  # going back towards the first page: read the other way, then flip
        cond = key > f.after if newest_first else key < f.after
        rows = session.scalars(stmt.where(cond).order_by(*backward).limit(size + 1)).all()
        has_prev = len(rows) > size
        rows = list(reversed(rows[:size]))
        has_next = True
    else:
        if f.before:
            stmt = stmt.where(key < f.before if newest_first else key > f.before)
        rows = session.scalars(stmt.order_by(*forward).limit(size + 1)).all()
        has_next = len(rows) > size
        rows = rows[:size]
        has_prev = f.before is not None
    result = QueuePage(rows, total, capped, notes=notes)
    if rows and has_next:
        result.next_args = {**base, "before": cursor_of(rows[-1])}
    if rows and has_prev:
        result.prev_args = {**base, "after": cursor_of(rows[0])}
        result.first_args = base
    return result


def counters(session: so.Session, staff: Staff, now: datetime) -> dict[str, int]:
    def count(*conds) -> int:
        stmt = visible_tickets(sa.select(sa.func.count(Ticket.id)), staff).where(*conds)
        return session.scalar(stmt)

    out = {
        "new": count(Ticket.status == Status.NEW),
        "overdue": count(Ticket.status.in_(ACTIVE), Ticket.due_at < now),
        "quoted": count(Ticket.status == Status.QUOTED),
        "visits": 0,
    }
    if staff.role != Role.ENGINEER:
        from workflow.followups import due_visits

        visits = due_visits(session, site_ids(staff), now).subquery()
        out["visits"] = session.scalar(sa.select(sa.func.count()).select_from(visits))
    return out
