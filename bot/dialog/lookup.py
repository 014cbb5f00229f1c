"""What the dialog reads: the sender (tenant, unit, where the dialog stands) in one query
while Redis checks the nonce, and the tenant's open tickets. Changes when the schema or
the query plan does (tests/bot/test_webhook.py counts the statements)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import OPEN_STATUSES, Conversation, Status, Tenant, Ticket
from models.reference_cache import SiteValues
from workflow import machine

DIALOG_TTL = timedelta(minutes=10)  # how long we wait for name/phone/unit before registering anyway
JOIN_WINDOW = timedelta(minutes=30)  # follow-up messages about the same problem join its ticket

TENANT = sa.select(Tenant).where(Tenant.site_id == sa.bindparam("site_id"), Tenant.openid == sa.bindparam("openid"))
CONVERSATION = sa.select(Conversation).where(Conversation.site_id == sa.bindparam("site_id"),
                                             Conversation.openid == sa.bindparam("openid"))


@dataclass(frozen=True)
class Lookup:
    """What one query tells about the sender at `at`: the tenant (None for one we have
    never heard from), where the dialog stands (None: nothing kept) and whether the tenant
    has an open ticket younger than JOIN_WINDOW."""
    at: datetime
    tenant: Optional[Tenant] = None
    conv: Optional[Conversation] = None
    recent_open_ticket: bool = False


# Built once with bound parameters: constructing it (joins, eager option, EXISTS) cost
# more than running it, and SQLAlchemy caches only the compiled form.
SENDER = (
    sa.select(Tenant, Conversation, sa.exists().where(
        Ticket.tenant_id == Tenant.id, Ticket.status != Status.CLOSED, Ticket.created_at >= sa.bindparam("since")))
    .outerjoin(Tenant.unit).options(so.contains_eager(Tenant.unit), so.undefer(Tenant.last_inbound_at))
    .outerjoin(Conversation, sa.and_(Conversation.site_id == Tenant.site_id, Conversation.openid == Tenant.openid))
    .where(Tenant.site_id == sa.bindparam("site_id"), Tenant.openid == sa.bindparam("openid"))
)


def look_up(session: so.Session, site: SiteValues, openid: str) -> Lookup:
    """Read only (the webhook runs it while Redis checks the nonce): the tenant with its
    unit, where the dialog stands and whether there is anything to join, in one query."""
    now = machine.now()
    row = session.execute(SENDER, {"site_id": site.id, "openid": openid, "since": now - JOIN_WINDOW}).first()
    if row is None:
        return Lookup(now)
    tenant, conv, recent = row
    return Lookup(now, tenant, conv, bool(recent))


def tenant_and_conversation(session, site, openid, lookup: Lookup) -> tuple[Tenant, Conversation, bool]:
    """The tenant (created on first contact), where the dialog stands, and whether there is
    anything to join, from `lookup` for a tenant we know. A tenant with no stored
    conversation gets an unsaved idle one."""
    if lookup.tenant is not None:
        tenant, conv, recent_open_ticket = lookup.tenant, lookup.conv, lookup.recent_open_ticket
    else:
        params = {"site_id": site.id, "openid": openid}
        tenant = insert_once(session, Tenant(site_id=site.id, openid=openid, subscribed=True), TENANT, params)
        conv, recent_open_ticket = session.scalar(CONVERSATION, params), False
    if conv is None:
        conv = Conversation(site_id=site.id, openid=openid, state="idle", data={})
    return tenant, conv, bool(recent_open_ticket)


def insert_once(session, row, query, params):
    """Insert, or take the row a concurrent request inserted first."""
    try:
        with session.begin_nested():
            session.add(row)
        return row
    except sa.exc.IntegrityError:
        return session.scalar(query, params)


def open_tickets(session: so.Session, tenant: Tenant, *statuses) -> list[Ticket]:
    """The tenant's tickets in `statuses` (default: the open ones), newest first."""
    return list(session.scalars(
        sa.select(Ticket).where(Ticket.tenant_id == tenant.id, Ticket.status.in_(statuses or OPEN_STATUSES))
        .order_by(Ticket.created_at.desc())
    ))


def newest_open_since(session: so.Session, tenant: Tenant, since: datetime) -> Optional[Ticket]:
    """The tenant's newest open ticket if it was registered at or after `since` (any older
    open one is older still): one row, not the tenant's whole list."""
    return session.scalars(
        sa.select(Ticket).where(Ticket.tenant_id == tenant.id, Ticket.status.in_(OPEN_STATUSES),
                                Ticket.created_at >= since)
        .order_by(Ticket.created_at.desc()).limit(1)).first()


def joinable(session: so.Session, tenant: Tenant, codes: tuple[str, ...], now: datetime, triage: str) -> Optional[Ticket]:
    """The tenant's newest unclosed ticket younger than JOIN_WINDOW flagged for `triage`,
    else of one of `codes`: one query either way."""
    return session.scalars(
        sa.select(Ticket).where(Ticket.tenant_id == tenant.id, sa.or_(Ticket.code.in_(codes), Ticket.triage == triage),
                                Ticket.status != Status.CLOSED, Ticket.created_at >= now - JOIN_WINDOW)
        .order_by(sa.case((Ticket.triage == triage, 0), else_=1), Ticket.created_at.desc()).limit(1)).first()
