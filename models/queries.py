"""Read-side query helpers shared by the API and the console: filters and visibility, done
in SQL (the statistics are models.stats)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa

from models.base import utcnow
from models.localtime import day_end, day_start
from models.people import Role, Site, Staff
from models.tickets import OPEN_STATUSES, Channel, DispatchOrder, Status, Ticket


class FilterError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# Work not yet done: only these can be overdue.
ACTIVE = (Status.NEW, Status.DISPATCHED, Status.IN_PROGRESS, Status.QUOTED, Status.REOPENED)
OPEN = "open"  # the status filter's "every ticket not closed"


def _day(args, name: str) -> Optional[date]:
    raw = args.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise FilterError(name, f"{name} 须为 YYYY-MM-DD 格式的日期") from None


def _flag(args, name: str) -> bool:
    return args.get(name) in ("1", "on", "true")


@dataclass
class TicketFilters:
    """What a list of tickets is narrowed by: the console's queue and the API read the same
    query-string names into this and build their SQL with `ticket_query`."""
    status: Optional[str] = None  # a Status value, or OPEN
    code: Optional[str] = None
    category: Optional[str] = None
    department: Optional[int] = None
    channel: Optional[str] = None
    site: Optional[str] = None  # slug
    urgent: bool = False
    upset: bool = False
    overdue: bool = False
    mine: bool = False  # 我的工单: the tickets this staff member owns (首问负责, seed §六(3))
    since: Optional[date] = None
    until: Optional[date] = None  # inclusive
    q: Optional[str] = None

    @classmethod
    def from_args(cls, args, *, q_max: int = 100) -> TicketFilters:
        status, channel = args.get("status") or None, args.get("channel") or None
        if status and status != OPEN and status not in {s.value for s in Status}:
            raise FilterError("status", f"未知的状态：{status}")
        if channel and channel not in {c.value for c in Channel}:
            raise FilterError("channel", f"未知的渠道：{channel}")
        department = args.get("department") or None
        if department and not department.isdigit():
            raise FilterError("department", "未知的部门")
        f = cls(status=status, code=args.get("code") or None, category=args.get("category") or None,
                department=int(department) if department else None, channel=channel, site=args.get("site") or None,
                urgent=_flag(args, "urgent"), upset=_flag(args, "upset"), overdue=_flag(args, "overdue"),
                mine=_flag(args, "mine"), since=_day(args, "since"), until=_day(args, "until"),
                q=(args.get("q") or "").strip()[:q_max] or None)
        if f.since and f.until and f.since > f.until:
            raise FilterError("until", "结束日期不能早于开始日期")
        return f


def search_text():
    """One expression over number, unit, phone and content, so one trigram index serves the
    search box on PostgreSQL (the index, migration 0003, is built on exactly this expression)."""
    sep = sa.literal_column("' '")
    empty = sa.literal_column("''")
    return (Ticket.number + sep + sa.func.coalesce(Ticket.unit_code, empty) + sep
            + sa.func.coalesce(Ticket.phone, empty) + sep + Ticket.content)


def ticket_query(staff: Staff, f: TicketFilters, *, now: Optional[datetime] = None,
                 searched_since: Optional[date] = None, trigram: bool = True) -> sa.Select:
    """The tickets `staff` may see, narrowed by `f`. `searched_since` bounds a search the
    index cannot serve to recent days; trigram=False words the search so that the trigram
    index is not used (for a term with many matches, walking the newest tickets first finds
    a page at once, while the index would fetch and sort every match)."""
    stmt = visible_tickets(sa.select(Ticket), staff)
    if f.site:
        stmt = stmt.where(Ticket.site_id == sa.select(Site.id).where(Site.slug == f.site).scalar_subquery())
    if f.status == OPEN:  # a list, not "!= closed", so the (site, status, created) index serves it
        stmt = stmt.where(Ticket.status.in_(OPEN_STATUSES))
    elif f.status:
        stmt = stmt.where(Ticket.status == Status(f.status))
    for column, value in ((Ticket.code, f.code), (Ticket.category, f.category),
                          (Ticket.department_id, f.department)):
        if value:
            stmt = stmt.where(column == value)
    if f.channel:
        stmt = stmt.where(Ticket.channel == Channel(f.channel))
    if f.urgent:
        stmt = stmt.where(Ticket.urgent.is_(True))
    if f.upset:
        stmt = stmt.where(Ticket.emotion == "upset")
    if f.overdue:
        stmt = stmt.where(Ticket.status.in_(ACTIVE), Ticket.due_at < (now or utcnow()))
    if f.mine:
        stmt = stmt.where(Ticket.owner_id == staff.id)
    since = max(f.since, searched_since) if f.since and searched_since else f.since or searched_since
    if since:
        stmt = stmt.where(Ticket.created_at >= day_start(since))
    if f.until:
        stmt = stmt.where(Ticket.created_at < day_end(f.until))
    if f.q:
        text = search_text() if trigram else search_text() + sa.literal_column("''")
        stmt = stmt.where(text.ilike(like_pattern(f.q), escape="\\"))
    return stmt


def site_ids(staff: Staff) -> Optional[list[int]]:
    """The ids of the sites a staff member works for; None: every site (admins)."""
    if staff.role == Role.ADMIN:
        return None
    return [s.id for s in staff.sites]


def visible_tickets(stmt: sa.Select, staff: Staff) -> sa.Select:
    """`stmt` narrowed to the tickets `staff` may see: every ticket for admins, their sites'
    for everyone else, and of those, for engineers, the ones of their department or with a
    dispatch order to it or to them. The console's lists and the API narrow with this and
    check a single ticket with `may_see_ticket`, so the two always agree."""
    ids = site_ids(staff)
    if ids is not None:
        stmt = stmt.where(Ticket.site_id.in_(ids) if ids else sa.false())
    if staff.role == Role.ENGINEER:
        dept = staff.department_id
        orders = sa.exists().where(DispatchOrder.ticket_id == Ticket.id, sa.or_(
            DispatchOrder.assignee_id == staff.id, DispatchOrder.department_id == dept if dept else sa.false()))
        stmt = stmt.where(sa.or_(Ticket.department_id == dept if dept else sa.false(), orders))
    return stmt


def may_see_ticket(staff: Staff, ticket: Ticket) -> bool:
    """`visible_tickets` for one ticket already loaded."""
    if not staff.can_see_site(ticket.site_id):
        return False
    if staff.role != Role.ENGINEER:
        return True
    dept = staff.department_id
    if dept is not None and ticket.department_id == dept:
        return True
    return any(o.assignee_id == staff.id or (dept is not None and o.department_id == dept)
               for o in ticket.dispatch_orders)


def like_pattern(q: str) -> str:
    """`q` anywhere, its LIKE wildcards taken literally (with escape="\\")."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def visible_ticket(session, staff: Staff, ticket_id: int) -> Optional[Ticket]:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or not may_see_ticket(staff, ticket):
        return None
    return ticket


def mask_phone(phone: Optional[str]) -> Optional[str]:
    if not phone or len(phone) < 7:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
