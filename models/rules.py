"""The classification's data: complaint codes, staff-edited keyword rules and the
corrections staff make (kept as labelled examples for nlp)."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.people import Department


class ComplaintCode(Base):
    __tablename__ = "complaint_codes"
    code: so.Mapped[str] = so.mapped_column(sa.String(20), primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(40))
    category: so.Mapped[str] = so.mapped_column(sa.String(10))
    department_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("departments.id"))
    response_hours: so.Mapped[float]
    active: so.Mapped[bool] = so.mapped_column(default=True)

    department: so.Mapped[Optional[Department]] = so.relationship()


class KeywordRule(Base):
    """A staff-edited rule; overrides and extends nlp's shipped rules at run time."""

    __tablename__ = "keyword_rules"
    __table_args__ = (sa.UniqueConstraint("kind", "keyword", "target"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(10))  # code / intent / urgent / emotion
    keyword: so.Mapped[str] = so.mapped_column(sa.String(40))
    target: so.Mapped[str] = so.mapped_column(sa.String(20))
    weight: so.Mapped[float] = so.mapped_column(default=1.0)
    active: so.Mapped[bool] = so.mapped_column(default=True)
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))


class ClassificationCorrection(Base):
    """A ticket reclassified by staff: the text with the labels staff chose. NULL in
    intent/urgent/emotion means that label was not corrected."""

    __tablename__ = "classification_corrections"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ticket_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="SET NULL"))
    text: so.Mapped[str] = so.mapped_column(sa.Text)
    intent: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    category: so.Mapped[str] = so.mapped_column(sa.String(10))
    code: so.Mapped[str] = so.mapped_column(sa.String(20))
    urgent: so.Mapped[Optional[bool]]
    emotion: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))
    predicted_code: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))
    staff_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
