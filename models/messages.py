"""Every WeChat message in and out, and the dialog state of each conversation."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.people import Tenant


class Message(Base):
    """Inbound messages are unique on (site, openid, dedupe key): a WeChat retry hits the
    key and gets the stored reply instead of a second ticket, across processes."""

    __tablename__ = "messages"
    __table_args__ = (
        sa.UniqueConstraint("site_id", "openid", "dedupe_key", name="uq_messages_dedupe"),
        sa.Index("ix_messages_ticket", "ticket_id"),
        sa.Index("ix_messages_sender_time", "site_id", "openid", "direction", "created_at"),
    )
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    openid: so.Mapped[str] = so.mapped_column(sa.String(64))
    direction: so.Mapped[str] = so.mapped_column(sa.String(3))  # in / out
    dedupe_key: so.Mapped[Optional[str]] = so.mapped_column(sa.String(120))  # inbound only
    msg_type: so.Mapped[str] = so.mapped_column(sa.String(20))
    content: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    media_id: so.Mapped[Optional[str]] = so.mapped_column(sa.String(128))
    media_path: so.Mapped[Optional[str]] = so.mapped_column(sa.String(255))  # downloaded copy
    reply: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)  # the passive reply we gave
    ticket_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="SET NULL"))
    tenant_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tenants.id"))
    channel: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))  # out: passive/custom/template
    delivery: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))  # out: sent/failed/…
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    data: so.Mapped[dict] = so.mapped_column(default=dict)

    ticket: so.Mapped[Optional[Ticket]] = so.relationship()  # noqa: F821


# When the tenant last wrote (it opens WeChat's 48 h customer-service window): the newest
# inbound message, which every message already stores, rather than an UPDATE of the
# tenant on each one. Deferred: the webhook's sender query and the jobs that need it ask.
# The newest first, not max(): both databases then read one entry of the index, however
# many messages the tenant has sent.
Tenant.last_inbound_at = so.column_property(
    sa.select(Message.created_at)
    .where(Message.site_id == Tenant.site_id, Message.openid == Tenant.openid, Message.direction == "in")
    .order_by(Message.created_at.desc()).limit(1)
    .correlate_except(Message).scalar_subquery(),
    deferred=True,
)


class Conversation(Base):
    """Where the dialog with one tenant stands (awaiting name, phone, quote answer …).
    Kept in the database with an expiry so any web process can pick it up."""

    __tablename__ = "conversations"
    __table_args__ = (sa.UniqueConstraint("site_id", "openid"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    openid: so.Mapped[str] = so.mapped_column(sa.String(64))
    state: so.Mapped[str] = so.mapped_column(sa.String(30), default="idle")
    data: so.Mapped[dict] = so.mapped_column(default=dict)
    expires_at: so.Mapped[Optional[datetime]] = so.mapped_column(index=True)
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, onupdate=utcnow)

    def note_time(self, key: str, at: datetime) -> None:
        """When something was said (a praise thanked, a score given, a place shared): what the
        tenant says next may go on from it, for a while (said_within)."""
        self.data = {**(self.data or {}), key: at.isoformat()}

    def said_within(self, key: str, now: datetime, within: timedelta) -> bool:
        at = (self.data or {}).get(key)
        return at is not None and now - datetime.fromisoformat(at) <= within
