"""Answers to everyday questions (问答, seed §四(2)): what staff wrote, and every question the
bot met, answered or handed to a person (the most frequent unanswered ones are what to add)."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.tickets import Ticket


class FaqEntry(Base):
    __tablename__ = "faq_entries"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    question: so.Mapped[str] = so.mapped_column(sa.String(100))  # how staff name it
    phrasings: so.Mapped[list] = so.mapped_column(default=list)  # how tenants ask it
    answer: so.Mapped[str] = so.mapped_column(sa.Text)
    active: so.Mapped[bool] = so.mapped_column(default=True)
    created_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, onupdate=utcnow)


class AskedQuestion(Base):
    """A question a tenant asked the bot: answered from `entry`, or (entry None) handed to a
    person as `ticket`."""

    __tablename__ = "asked_questions"
    __table_args__ = (sa.Index("ix_asked_questions_site_created", "site_id", "created_at"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    tenant_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tenants.id"))
    text: so.Mapped[str] = so.mapped_column(sa.String(500))
    entry_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("faq_entries.id", ondelete="SET NULL"),
                                                         index=True)
    score: so.Mapped[float] = so.mapped_column(default=0.0)  # the best match's, answered or not
    ticket_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="SET NULL"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    entry: so.Mapped[Optional[FaqEntry]] = so.relationship()
    ticket: so.Mapped[Optional[Ticket]] = so.relationship()
