"""Side effects recorded in the same transaction as the change that causes them, and
pushed to RQ after commit; a sweep pushes whatever is still pending."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow


class Outbox(Base):
    __tablename__ = "outbox"
    __table_args__ = (sa.Index("ix_outbox_status_available", "status", "available_at"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(40))  # notify_tenant, send_survey, …
    ticket_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="CASCADE"))
    payload: so.Mapped[dict] = so.mapped_column(default=dict)
    status: so.Mapped[str] = so.mapped_column(sa.String(10), default="pending")  # pending/queued/done/failed
    attempts: so.Mapped[int] = so.mapped_column(default=0)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    available_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    queued_at: so.Mapped[Optional[datetime]]
    done_at: so.Mapped[Optional[datetime]]
    last_error: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)

    ticket: so.Mapped[Optional[Ticket]] = so.relationship()  # noqa: F821
