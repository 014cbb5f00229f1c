"""Read-side query helpers shared by the API and the console: filters, visibility and
monthly aggregates, all done in SQL."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Optional

import sqlalchemy as sa

from models.people import Role, Site, Staff, staff_sites
from models.tickets import Channel, Status, Ticket

LOCAL_TZ = "Asia/Shanghai"


def local_midnight_utc(day: date, tz_name: str = LOCAL_TZ) -> datetime:
    """Staff think in local days; the database stores naive UTC."""
    from zoneinfo import ZoneInfo

    local = datetime.combine(day, time.min, tzinfo=ZoneInfo(tz_name))
    return local.astimezone(UTC).replace(tzinfo=None)


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


def visible_site_ids(staff: Staff) -> Optional[sa.Select]:
    """None for admins (every site), else a subquery of the staff member's sites."""
    if staff.role == Role.ADMIN:
        return None
    return sa.select(staff_sites.c.site_id).where(staff_sites.c.staff_id == staff.id)


def ticket_query(staff: Staff, f: TicketFilters) -> sa.Select:
    stmt = sa.select(Ticket)
    sites = visible_site_ids(staff)
    if sites is not None:
        stmt = stmt.where(Ticket.site_id.in_(sites))
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
        stmt = stmt.where(Ticket.created_at >= local_midnight_utc(f.since))
    if f.until:
        stmt = stmt.where(Ticket.created_at < local_midnight_utc(f.until + timedelta(days=1)))
    if f.q:
        like = "%" + f.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(sa.or_(
            Ticket.content.ilike(like, escape="\\"), Ticket.number.ilike(like, escape="\\"),
            Ticket.unit_code.ilike(like, escape="\\"), Ticket.phone.ilike(like, escape="\\"),
        ))
    return stmt


def visible_ticket(session, staff: Staff, ticket_id: int) -> Optional[Ticket]:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or not staff.can_see_site(ticket.site_id):
        return None
    return ticket


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = local_midnight_utc(date(year, month, 1))
    end = local_midnight_utc(date(year + (month == 12), month % 12 + 1, 1))
    return start, end


def monthly_counts(session, staff: Staff, year: int, month: int, site_slug: Optional[str] = None) -> dict:
    start, end = month_bounds(year, month)
    base = ticket_query(staff, TicketFilters(site=site_slug)).where(
        Ticket.created_at >= start, Ticket.created_at < end
    ).subquery()
    out = {"month": f"{year:04d}-{month:02d}"}
    out["total"] = session.scalar(sa.select(sa.func.count()).select_from(base))
    for name in ("category", "code", "channel", "status"):
        col = base.c[name]
        rows = session.execute(sa.select(col, sa.func.count()).group_by(col).order_by(col)).all()
        out[f"by_{name}"] = {(k.value if hasattr(k, "value") else k): n for k, n in rows}
    return out


def mask_phone(phone: Optional[str]) -> Optional[str]:
    if not phone or len(phone) < 7:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
