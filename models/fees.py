"""The fee schedule (收费标准, seed §五(2)): what a paid repair may cost, per site, and the
lines of a quote built from it."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.tickets import MONEY


class FeeItem(Base):
    """One priced item: 更换水龙头, per 个, 60.00 元; `codes` are the complaint codes it applies
    to (empty: every code)."""

    __tablename__ = "fee_items"
    __table_args__ = (sa.UniqueConstraint("site_id", "name"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(60))
    unit: so.Mapped[str] = so.mapped_column(sa.String(10))  # 计价单位: 个, 次, 米 …
    price: so.Mapped[Decimal] = so.mapped_column(MONEY)
    codes: so.Mapped[list] = so.mapped_column(default=list)
    active: so.Mapped[bool] = so.mapped_column(default=True)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, onupdate=utcnow)

    def applies_to(self, code: str) -> bool:
        return not self.codes or code in self.codes


class QuoteLine(Base):
    """A line of the ticket's current quote: a fee item at its price then (names and prices
    are copied, so a later change of the schedule does not rewrite a quote), or the free line
    (no fee item) for what the schedule does not list."""

    __tablename__ = "quote_lines"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ticket_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    fee_item_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("fee_items.id", ondelete="SET NULL"))
    name: so.Mapped[str] = so.mapped_column(sa.String(60))
    unit: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))
    price: so.Mapped[Decimal] = so.mapped_column(MONEY)
    quantity: so.Mapped[Decimal] = so.mapped_column(sa.Numeric(8, 2))
    amount: so.Mapped[Decimal] = so.mapped_column(MONEY)
