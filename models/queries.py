"""Read-side query helpers shared by the API and the console: filters and visibility, done
in SQL (the statistics are models.stats)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

import sqlalchemy as sa

from models.localtime import day_end, day_start
from models.people import Role, Site, Staff
from models.tickets import Channel, DispatchOrder, Status, Ticket


class FilterError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class TicketFilters:
    status: Optional[str] = None
    code: Optional[str] = None
    category: Optional[str] = None
    site: Optional[str] = None  # slug
    channel: Optional[str] = None
    since: Optional[date] = None
    until: Optional[date] = None  # inclusive
    q: Optional[str] = None

    @classmethod
    def from_args(cls, args) -> TicketFilters:
        def day(name):
            raw = args.get(name)
            if not raw:
                return None
            try:
                return date.fromisoformat(raw)
            except ValueError:
                raise FilterError(name, f"{name} 须为 YYYY-MM-DD 格式的日期") from None

        status, channel = args.get("status") or None, args.get("channel") or None
        if status and status not in {s.value for s in Status}:
            raise FilterError("status", f"未知的状态：{status}")
        if channel and channel not in {c.value for c in Channel}:
            raise FilterError("channel", f"未知的渠道：{channel}")
        q = (args.get("q") or "").strip()[:100] or None
        return cls(status=status, code=args.get("code") or None, category=args.get("category") or None,
                   site=args.get("site") or None, channel=channel, since=day("since"), until=day("until"), q=q)


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


def ticket_query(staff: Staff, f: TicketFilters) -> sa.Select:
    stmt = visible_tickets(sa.select(Ticket), staff)
    if f.site:
        stmt = stmt.join(Site, Site.id == Ticket.site_id).where(Site.slug == f.site)
    if f.status:
        stmt = stmt.where(Ticket.status == Status(f.status))
    if f.code:
        stmt = stmt.where(Ticket.code == f.code)
    if f.category:
        stmt = stmt.where(Ticket.category == f.category)
    if f.channel:
        stmt = stmt.where(Ticket.channel == Channel(f.channel))
    if f.since:
        stmt = stmt.where(Ticket.created_at >= day_start(f.since))
    if f.until:
        stmt = stmt.where(Ticket.created_at < day_end(f.until))
    if f.q:
        like = like_pattern(f.q)
        stmt = stmt.where(sa.or_(
            Ticket.content.ilike(like, escape="\\"), Ticket.number.ilike(like, escape="\\"),
            Ticket.unit_code.ilike(like, escape="\\"), Ticket.phone.ilike(like, escape="\\"),
        ))
    return stmt


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
