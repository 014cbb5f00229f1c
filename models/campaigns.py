"""Reaching out to tenants beyond tickets (seed §七(1)(2)): questionnaires sent through
WeChat, monthly visit plans, and the monthly report files kept for the console."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.people import Site, Staff, Tenant
from models.tickets import FollowUp


class Campaign(Base):
    """A questionnaire: composed as a draft, sent (open for answers), then closed."""

    __tablename__ = "campaigns"
    __table_args__ = (sa.Index("ix_campaigns_status_closes", "status", "closes_at"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    title: so.Mapped[str] = so.mapped_column(sa.String(80))
    intro: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    status: so.Mapped[str] = so.mapped_column(sa.String(10), default="draft")  # draft / open / closed
    audience: so.Mapped[dict] = so.mapped_column(default=dict)  # the filter it was sent with
    created_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    sent_at: so.Mapped[Optional[datetime]]
    closes_at: so.Mapped[Optional[datetime]]
    closed_at: so.Mapped[Optional[datetime]]

    site: so.Mapped[Site] = so.relationship()
    created_by: so.Mapped[Optional[Staff]] = so.relationship()
    questions: so.Mapped[list[CampaignQuestion]] = so.relationship(
        back_populates="campaign", order_by="CampaignQuestion.position", cascade="all, delete-orphan"
    )


class CampaignQuestion(Base):
    __tablename__ = "campaign_questions"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    campaign_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    position: so.Mapped[int] = so.mapped_column(default=0)
    text: so.Mapped[str] = so.mapped_column(sa.String(200))
    kind: so.Mapped[str] = so.mapped_column(sa.String(10))  # choice / text
    options: so.Mapped[list] = so.mapped_column(default=list)  # choice: the labels offered
    required: so.Mapped[bool] = so.mapped_column(default=True)

    campaign: so.Mapped[Campaign] = so.relationship(back_populates="questions")


class CampaignRecipient(Base):
    """One tenant a questionnaire went to; the link in the message names this row."""

    __tablename__ = "campaign_recipients"
    __table_args__ = (sa.UniqueConstraint("campaign_id", "tenant_id"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    campaign_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"))
    tenant_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tenants.id"))
    sent_at: so.Mapped[Optional[datetime]]
    delivery: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))  # sent / failed / skipped
    answered_at: so.Mapped[Optional[datetime]]

    campaign: so.Mapped[Campaign] = so.relationship()
    tenant: so.Mapped[Tenant] = so.relationship()


class CampaignAnswer(Base):
    __tablename__ = "campaign_answers"
    __table_args__ = (sa.UniqueConstraint("recipient_id", "question_id"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    recipient_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("campaign_recipients.id", ondelete="CASCADE"))
    question_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("campaign_questions.id", ondelete="CASCADE"), index=True
    )
    choice: so.Mapped[Optional[str]] = so.mapped_column(sa.String(100))
    text: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)


class VisitPlan(Base):
    """走访计划: which tenants a site's staff visit this month. Each visit is a FollowUp of
    kind "periodic", recorded like a return visit."""

    __tablename__ = "visit_plans"
    __table_args__ = (sa.UniqueConstraint("site_id", "month"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    month: so.Mapped[date]  # the first day of the month
    note: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    created_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    site: so.Mapped[Site] = so.relationship()
    items: so.Mapped[list[VisitPlanItem]] = so.relationship(
        back_populates="plan", order_by="VisitPlanItem.id", cascade="all, delete-orphan"
    )


class VisitPlanItem(Base):
    __tablename__ = "visit_plan_items"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    plan_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("visit_plans.id", ondelete="CASCADE"), index=True)
    follow_up_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("follow_ups.id", ondelete="CASCADE"), unique=True)
    tenant_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tenants.id"))
    assignee_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    purpose: so.Mapped[Optional[str]] = so.mapped_column(sa.String(200))  # why an occasional visit is made

    plan: so.Mapped[VisitPlan] = so.relationship(back_populates="items")
    follow_up: so.Mapped[FollowUp] = so.relationship()
    tenant: so.Mapped[Tenant] = so.relationship()
    assignee: so.Mapped[Optional[Staff]] = so.relationship()


class MonthlyReport(Base):
    """The monthly statistics workbook (seed §六(5)); the file lives under
    INSTANCE_PATH/reports/, ``path`` relative to that directory."""

    __tablename__ = "monthly_reports"
    __table_args__ = (sa.UniqueConstraint("site_id", "month"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    month: so.Mapped[date]  # the first day of the month reported
    path: so.Mapped[str] = so.mapped_column(sa.String(255))
    summary: so.Mapped[dict] = so.mapped_column(default=dict)  # headline figures for the list page
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    # The supervisor's written summary of the month (归纳总结现阶段存在的问题并汇报给上级主管)
    problems: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    causes: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    measures: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    summary_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    summary_at: so.Mapped[Optional[datetime]]

    site: so.Mapped[Site] = so.relationship()
    summary_by: so.Mapped[Optional[Staff]] = so.relationship()
