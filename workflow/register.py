"""Registration (seed §六(1)): a ticket from any channel, numbered, classified, with its
deadline from the complaint code."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so
from sqlalchemy.dialects import postgresql, sqlite

from models import Channel, ComplaintCode, Site, Staff, Tenant, Ticket, TicketCounter, Unit, localtime
from models.reference_cache import CodeValues, SiteValues, code_values
from nlp import Classification, taxonomy
from workflow import machine
from workflow.errors import ValidationError

BOT_LABEL = "微信服务号"
SYSTEM_LABEL = "系统"


def _counter_upsert(insert) -> sa.Insert:
    counters = TicketCounter.__table__  # the table: a Core upsert, not the ORM's bulk insert
    return insert(counters).values(site_id=sa.bindparam("for_site"), day=sa.bindparam("for_day"), last=1) \
        .on_conflict_do_update(index_elements=[counters.c.site_id, counters.c.day],
                               set_={"last": counters.c.last + 1}) \
        .returning(counters.c.last)


# Built once: constructing this statement cost more than running it (the compiled form is
# cached by SQLAlchemy either way). Both dialects with ON CONFLICT … RETURNING.
_COUNTER_UPSERT = {"postgresql": _counter_upsert(postgresql.insert), "sqlite": _counter_upsert(sqlite.insert)}


def next_number(session: so.Session, site: Site | SiteValues, day=None) -> str:
    """LH-20261126-0007 (the local day of registration): an atomic upsert, so two processes
    never get the same number."""
    day = day or localtime.today()
    upsert = _COUNTER_UPSERT[session.get_bind().dialect.name]
    seq = session.execute(upsert, {"for_site": site.id, "for_day": day}).scalar_one()
    return f"{site.ticket_prefix}-{day:%Y%m%d}-{seq:04d}"


def _code(session: so.Session, code: str) -> Optional[CodeValues]:
    return code_values(session, code)


def response_deadline(code: ComplaintCode | CodeValues, urgent: bool, start: datetime) -> datetime:
    hours = taxonomy.URGENT_RESPONSE_HOURS if urgent else code.response_hours
    return start + timedelta(hours=hours)


def find_unit(session: so.Session, site: Site | SiteValues, unit_code: Optional[str]) -> Optional[Unit]:
    return Unit.find(session, site.id, unit_code)


def reachable_note(*, phone: Optional[str], unit_code: Optional[str], wechat: Optional[str],
                   reason: Optional[str]) -> Optional[str]:
    """Staff registration needs a way back to the complainant (seed §六(1) records 物业编号
    and 联系电话; a result is told to them, §二注意(8)): a phone, a unit or a WeChat id, or
    a stated reason why there is none. Returns the line for the timeline, if any."""
    if wechat:
        return f"微信号：{wechat}"
    if phone or unit_code:
        return None
    if reason:
        return f"未留联系方式：{reason}"
    raise ValidationError("请至少填写联系电话、物业编号或微信号之一；都没有时请填写未留联系方式的原因", field="phone")


def register(
    session: so.Session,
    site: Site | SiteValues,
    *,
    content: str,
    channel: Channel,
    actor: Optional[Staff] = None,
    tenant: Optional[Tenant] = None,
    unit_code: Optional[str] = None,
    phone: Optional[str] = None,
    complainant: Optional[str] = None,
    receiver: Optional[str] = None,
    recorder: Optional[str] = None,
    code: Optional[str] = None,
    intent: Optional[str] = None,
    urgent: Optional[bool] = None,
    emotion: Optional[str] = None,
    forwarded_by_company: bool = False,
    leadership_instruction: bool = False,
    created_at: Optional[datetime] = None,
    classification: Optional[Classification] = None,
) -> Ticket:
    """Register a complaint or repair. Labels not given are taken from the classifier (or
    the `classification` the caller already made); labels given (a clerk's choice) win."""
    from workflow.classification import classify

    content = (content or "").strip()
    if not content:
        raise ValidationError("请填写投诉/报修内容", field="content")
    code_row = _code(session, code) if code is not None else None
    if code is not None and code_row is None:
        raise ValidationError(f"未知的投诉代码：{code}", field="code")
    result = classification or classify(session, content)
    code_row = code_row or _code(session, result.code) or _code(session, "OTHER")
    urgent = result.urgent if urgent is None else urgent
    emotion = emotion or result.emotion
    created_at = created_at or machine.now()
    if tenant is not None:
        unit_code = unit_code or (tenant.unit.code if tenant.unit else None)
        phone = phone or tenant.phone
        complainant = complainant or tenant.name
    if tenant is not None and tenant.unit is not None and tenant.unit.code == unit_code:
        unit = tenant.unit
    else:
        unit = find_unit(session, site, unit_code)
    default_label = BOT_LABEL if actor is None else actor.display_name
    ticket = Ticket(
        site_id=site.id,
        created_at=created_at,
        # Stored rows, referred to by id as the site and the department are: the workflow
        # reads tenant_id (surveys, callbacks, replies), and the flush has no relationship
        # to sort for them. ticket.unit and ticket.tenant load once the ticket is stored.
        unit_id=unit.id if unit else None,
        tenant_id=tenant.id if tenant else None,
        unit_code=unit.code if unit else (unit_code or None),
        phone=phone,
        code=code_row.code,
        category=code_row.category,
        content=content,
        complainant=complainant,
        receiver=receiver or default_label,
        recorder=recorder or (SYSTEM_LABEL if actor is None else actor.display_name),
        channel=channel,
        intent=intent or result.intent,
        urgent=urgent,
        emotion=emotion,
        confidence=result.confidence,
        evidence=list(result.evidence),
        department_id=code_row.department_id,
        due_at=response_deadline(code_row, urgent, created_at),
        forwarded_by_company=forwarded_by_company,
        leadership_instruction=leadership_instruction,
        supervisor_flag=emotion == "upset" or leadership_instruction,
    )
    action = machine.check("register", ticket, actor)
    ticket.number = next_number(session, site, localtime.local_date(created_at))
    session.add(ticket)
    effects = []
    if ticket.supervisor_flag:
        effects.append(("notify_staff", {"event": "upset" if emotion == "upset" else "leadership", "to": "supervisors"}))
    # No timeline event: the ticket row holds all a 登记 event would (Ticket.history).
    machine.apply(session, ticket, action, actor, effects=tuple(effects))
    return ticket
