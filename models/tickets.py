"""The ticket aggregate: the registration record (seed §六(1)), its timeline, dispatch
orders, return visits and the satisfaction survey."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models.base import Base, utcnow
from models.people import Department, Site, Staff, Tenant, Unit


class Status(enum.StrEnum):
    NEW = "new"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    QUOTED = "quoted"
    COMPLETED = "completed"
    CLOSED = "closed"
    REOPENED = "reopened"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.NEW: "待派单",
    Status.DISPATCHED: "已派单",
    Status.IN_PROGRESS: "处理中",
    Status.QUOTED: "待确认报价",
    Status.COMPLETED: "已完工",
    Status.CLOSED: "已结案",
    Status.REOPENED: "已重开",
}
OPEN_STATUSES = tuple(s for s in Status if s != Status.CLOSED)


class Channel(enum.StrEnum):
    WECHAT = "wechat"
    PHONE = "phone"
    VISIT = "visit"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {Channel.WECHAT: "微信", Channel.PHONE: "电话", Channel.VISIT: "来访", Channel.LETTER: "信函"}

MONEY = sa.Numeric(10, 2)
SEARCH_INDEX = "ix_tickets_search_trgm"
SEARCH_EXPRESSION = "number || ' ' || coalesce(unit_code, '') || ' ' || coalesce(phone, '') || ' ' || content"
DATABASE_ONLY_INDEXES = frozenset({SEARCH_INDEX})  # not declared on the models; migrations own them


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        sa.Index("ix_tickets_site_status_created", "site_id", "status", "created_at"),
        # statistics read category counts per month from the index alone
        sa.Index("ix_tickets_site_created_category", "site_id", "created_at", "category"),
        # newest-first pages across several sites (and, for admins, all of them)
        sa.Index("ix_tickets_created_id", "created_at", "id"),
        # the overdue counter: only unfinished work, which stays small (enums are stored by name)
        sa.Index("ix_tickets_unfinished_due", "site_id", "due_at",
                 postgresql_where=sa.text("status NOT IN ('COMPLETED', 'CLOSED')"),
                 sqlite_where=sa.text("status NOT IN ('COMPLETED', 'CLOSED')")),
        # the desk calls the bot promised and the minute sweep has not made yet: a handful
        sa.Index("ix_tickets_desk_call_due", "id", postgresql_where=sa.text("desk_call_due"),
                 sqlite_where=sa.text("desk_call_due")),
        # PostgreSQL only, made by migration 0003: a pg_trgm GIN index on SEARCH_EXPRESSION
        # for the console's search box (see models.queries.search_text).
    )
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    number: so.Mapped[str] = so.mapped_column(sa.String(32), unique=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    # Registration (接访投诉事件登记表)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    unit_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("units.id"))
    unit_code: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))  # 物业编号 as told
    phone: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))
    code: so.Mapped[str] = so.mapped_column(sa.ForeignKey("complaint_codes.code"), index=True)
    category: so.Mapped[str] = so.mapped_column(sa.String(10), index=True)
    content: so.Mapped[str] = so.mapped_column(sa.Text)
    complainant: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))
    tenant_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tenants.id"), index=True)
    receiver: so.Mapped[str] = so.mapped_column(sa.String(40))  # 接待人员
    recorder: so.Mapped[str] = so.mapped_column(sa.String(40))  # 记录人员
    channel: so.Mapped[Channel] = so.mapped_column(sa.Enum(Channel, native_enum=False, length=10))
    # Classification
    intent: so.Mapped[str] = so.mapped_column(sa.String(16))
    urgent: so.Mapped[bool] = so.mapped_column(default=False)
    emotion: so.Mapped[str] = so.mapped_column(sa.String(8), default="calm")
    confidence: so.Mapped[Optional[float]]
    evidence: so.Mapped[list] = so.mapped_column(default=list)
    # Handling
    status: so.Mapped[Status] = so.mapped_column(
        sa.Enum(Status, native_enum=False, length=16), default=Status.NEW
    )
    owner_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))  # 首问负责人
    department_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("departments.id"))
    due_at: so.Mapped[Optional[datetime]]
    first_response_at: so.Mapped[Optional[datetime]]
    completed_at: so.Mapped[Optional[datetime]]
    closed_at: so.Mapped[Optional[datetime]]
    close_reason: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))  # resolved/not_our_business
    result: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    result_report: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)  # written report for letters
    supervisor_flag: so.Mapped[bool] = so.mapped_column(default=False)
    # Why the bot put it on the desk's 待分诊 list (bot.dialog TRIAGE_*); cleared when staff
    # reclassify or dispatch it
    triage: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))
    # 待派单 alerts (workflow/deadlines.py): 1 the desk told, 2 the supervisors told
    dispatch_alert_level: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    # 「我马上联系有关人员」 said, the desk not told yet (workflow.promises.call_desks tells it)
    desk_call_due: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())
    # Letters (§三)
    forwarded_by_company: so.Mapped[bool] = so.mapped_column(default=False)
    leadership_instruction: so.Mapped[bool] = so.mapped_column(default=False)
    # Paid repairs (§五)
    quote_amount: so.Mapped[Optional[Decimal]] = so.mapped_column(MONEY)
    quote_description: so.Mapped[Optional[str]] = so.mapped_column(sa.String(200))
    quote_accepted: so.Mapped[Optional[bool]]
    final_amount: so.Mapped[Optional[Decimal]] = so.mapped_column(MONEY)
    receipt_confirmed: so.Mapped[bool] = so.mapped_column(default=False)
    # The 回执: who confirmed (the tenant's name), when, and how (RECEIPT_METHODS)
    receipt_confirmed_at: so.Mapped[Optional[datetime]]
    receipt_confirmed_by: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))
    receipt_method: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))
    site_cleaned: so.Mapped[bool] = so.mapped_column(default=False)
    paid_at: so.Mapped[Optional[datetime]]
    paid_recorded_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    satisfaction: so.Mapped[Optional[int]]
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, onupdate=utcnow)

    site: so.Mapped[Site] = so.relationship()
    unit: so.Mapped[Optional[Unit]] = so.relationship()
    tenant: so.Mapped[Optional[Tenant]] = so.relationship()
    owner: so.Mapped[Optional[Staff]] = so.relationship(foreign_keys=[owner_id])
    department: so.Mapped[Optional[Department]] = so.relationship()
    events: so.Mapped[list[TicketEvent]] = so.relationship(
        back_populates="ticket", order_by="TicketEvent.id", cascade="all, delete-orphan"
    )
    dispatch_orders: so.Mapped[list[DispatchOrder]] = so.relationship(
        back_populates="ticket", order_by="DispatchOrder.id", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED

    @property
    def is_paid_repair(self) -> bool:
        return bool(self.final_amount and self.final_amount > 0)

    @property
    def active_dispatch(self) -> Optional[DispatchOrder]:
        return next((d for d in reversed(self.dispatch_orders) if d.status == "active"), None)

    @property
    def history(self) -> list[TicketEvent | Registration]:
        """The timeline, registration first. Registration writes no event: the ticket's own
        columns are the record (tickets registered before that kept a 'register' event)."""
        events = list(self.events)
        if events and events[0].action == "register":
            return events
        return [Registration.of(self), *events]

    def __repr__(self) -> str:
        return f"<Ticket {self.number} {self.status.value}>"


class TicketCounter(Base):
    """Daily sequence per site for human-readable numbers (LH-20261126-0007); bumped
    with an atomic upsert so concurrent processes never share a number."""

    __tablename__ = "ticket_counters"
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), primary_key=True)
    day: so.Mapped[date] = so.mapped_column(primary_key=True)
    last: so.Mapped[int] = so.mapped_column(default=0)


class TicketEvent(Base):
    """The timeline: every change of a ticket, who did it, from and to which status."""

    __tablename__ = "ticket_events"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ticket_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    actor_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    actor_label: so.Mapped[str] = so.mapped_column(sa.String(40))
    action: so.Mapped[str] = so.mapped_column(sa.String(30))
    from_status: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    to_status: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    note: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    data: so.Mapped[dict] = so.mapped_column(default=dict)

    ticket: so.Mapped[Ticket] = so.relationship(back_populates="events")
    actor: so.Mapped[Optional[Staff]] = so.relationship()


@dataclass(frozen=True)
class Registration:
    """The timeline's first line, read from the ticket row: when, by whom (the bot for a
    WeChat report, the recording clerk for the others) and the labels it was registered
    with (before any 重新分类, whose event keeps them)."""
    at: datetime
    actor_label: str
    to_status: str
    data: dict = field(default_factory=dict)
    action: str = "register"
    actor_id: Optional[int] = None
    from_status: Optional[str] = None
    note: Optional[str] = None

    @classmethod
    def of(cls, ticket: Ticket) -> Registration:
        first_change = next((e for e in ticket.events if e.action == "reclassify"), None)
        labels = dict((first_change.data or {}).get("before") or {}) if first_change is not None else {
            "code": ticket.code, "urgent": ticket.urgent, "emotion": ticket.emotion}
        by = ticket.receiver if ticket.channel == Channel.WECHAT else ticket.recorder
        return cls(at=ticket.created_at, actor_label=by, to_status=Status.NEW.value,
                   data={"code": labels.get("code"), "urgent": labels.get("urgent"),
                         "emotion": labels.get("emotion"), "channel": ticket.channel.value})


class DispatchOrder(Base):
    """派遣单: the order to a department, with its deadline, the amount and the 回执."""

    __tablename__ = "dispatch_orders"
    __table_args__ = (sa.Index("ix_dispatch_status_due", "status", "due_at"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ticket_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    department_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("departments.id"))
    assignee_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    issued_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    issued_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    due_at: so.Mapped[datetime]
    started_at: so.Mapped[Optional[datetime]]
    arrived_at: so.Mapped[Optional[datetime]]  # 到场: someone reached the unit
    arrived_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    completed_at: so.Mapped[Optional[datetime]]
    amount: so.Mapped[Optional[Decimal]] = so.mapped_column(MONEY)
    work_done: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    receipt_confirmed: so.Mapped[bool] = so.mapped_column(default=False)
    overdue_at: so.Mapped[Optional[datetime]]
    escalation_level: so.Mapped[int] = so.mapped_column(default=0)  # 1 owner told, 2 supervisor
    status: so.Mapped[str] = so.mapped_column(sa.String(12), default="active")  # active/done/cancelled

    ticket: so.Mapped[Ticket] = so.relationship(back_populates="dispatch_orders")
    department: so.Mapped[Department] = so.relationship()
    assignee: so.Mapped[Optional[Staff]] = so.relationship(foreign_keys=[assignee_id])
    arrived_by: so.Mapped[Optional[Staff]] = so.relationship(foreign_keys=[arrived_by_id])


class TicketFile(Base):
    """A file staff add to a ticket in the field: a photo before or after the work, or the
    tenant's signature on the 回执. Kept under INSTANCE_PATH like the tenant's photos
    (`path` is relative to it) and served only to staff who may see the ticket."""

    __tablename__ = "ticket_files"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ticket_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    dispatch_order_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("dispatch_orders.id"))
    kind: so.Mapped[str] = so.mapped_column(sa.String(10))  # FILE_KINDS
    path: so.Mapped[str] = so.mapped_column(sa.String(255))
    mimetype: so.Mapped[str] = so.mapped_column(sa.String(40))
    size: so.Mapped[int]
    staff_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))  # who took or held it
    signer: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))  # the name written by a signature
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    ticket: so.Mapped[Ticket] = so.relationship()
    dispatch_order: so.Mapped[Optional[DispatchOrder]] = so.relationship()
    staff: so.Mapped[Optional[Staff]] = so.relationship()


FILE_KINDS = {"before": "维修前照片", "after": "维修后照片", "signature": "回执签名"}
RECEIPT_METHODS = {"signature": "现场签名", "wechat": "微信确认", "staff": "工作人员登记"}


class FollowUp(Base):
    """回访: a task for staff (call or visit) with a result recorded (seed §七(5)(6))."""

    __tablename__ = "follow_ups"
    __table_args__ = (sa.UniqueConstraint("ticket_id", "kind"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    ticket_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tickets.id", ondelete="CASCADE"))
    tenant_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tenants.id"))
    kind: so.Mapped[str] = so.mapped_column(sa.String(20))  # urgent_24h / after_rain / periodic
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    due_at: so.Mapped[Optional[datetime]]  # None: waiting for the first rainy day
    done_at: so.Mapped[Optional[datetime]]
    done_by_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("staff.id"))
    method: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))  # phone / visit
    result: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    alerted_at: so.Mapped[Optional[datetime]]

    ticket: so.Mapped[Optional[Ticket]] = so.relationship()


class Survey(Base):
    """Satisfaction survey after close (seed §二注意(8), §七(2)): one per ticket."""

    __tablename__ = "surveys"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ticket_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("tickets.id", ondelete="CASCADE"), unique=True
    )
    tenant_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("tenants.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    sent_at: so.Mapped[Optional[datetime]]
    expires_at: so.Mapped[datetime]
    answered_at: so.Mapped[Optional[datetime]]
    expired_at: so.Mapped[Optional[datetime]]  # marked by jobs/ when 24 h pass unanswered
    score: so.Mapped[Optional[int]]
    comment: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    answer_channel: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))  # chat / page

    ticket: so.Mapped[Ticket] = so.relationship()


class RainDay(Base):
    __tablename__ = "rain_days"
    __table_args__ = (sa.UniqueConstraint("site_id", "day"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"))
    day: so.Mapped[date]
    source: so.Mapped[str] = so.mapped_column(sa.String(20))  # weather / staff
    recorded_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
