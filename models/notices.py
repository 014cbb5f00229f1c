"""Notices to tenants (通知: 停水停电 and other announcements): what was sent to whom, and
how each delivery ended."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.people import Site, Staff, Tenant

AUDIENCES = {"site": "全部租户", "building": "楼栋", "floor": "楼层", "units": "指定单元"}
DELIVERIES = {"pending": "发送中", "sent": "已送达", "failed": "发送失败", "unreachable": "未关注服务号"}


class Notice(Base):
    __tablename__ = "notices"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    title: so.Mapped[str] = so.mapped_column(sa.String(40))
    body: so.Mapped[str] = so.mapped_column(sa.Text)
    audience: so.Mapped[str] = so.mapped_column(sa.String(10))  # AUDIENCES
    target: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)  # the building, the floor, the units
    # The compose form's one-time key: posting the same form again finds this notice
    # instead of sending a second one.
    form_key: so.Mapped[str] = so.mapped_column(sa.String(40), unique=True)
    created_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    site: so.Mapped[Site] = so.relationship()
    created_by: so.Mapped[Optional[Staff]] = so.relationship()


class NoticeRecipient(Base):
    """One tenant a notice is for: at most once per tenant (the unique key)."""

    __tablename__ = "notice_recipients"
    __table_args__ = (sa.UniqueConstraint("notice_id", "tenant_id"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    notice_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    tenant_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tenants.id"))
    delivery: so.Mapped[str] = so.mapped_column(sa.String(12), default="pending")  # DELIVERIES
    channel: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))  # custom / template
    error: so.Mapped[Optional[str]] = so.mapped_column(sa.String(500))
    sent_at: so.Mapped[Optional[datetime]]

    notice: so.Mapped[Notice] = so.relationship()
    tenant: so.Mapped[Tenant] = so.relationship()
