"""Everything that happens to a ticket after registration (seed §二 §五 §六): dispatch,
quotes, delays, completion, receipt, payment at the desk, close and reopen."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import (
    ClassificationCorrection,
    ComplaintCode,
    Department,
    DispatchOrder,
    Role,
    Staff,
    Survey,
    Ticket,
    TicketFile,
)
from nlp import taxonomy
from workflow import callbacks, machine
from workflow.errors import ValidationError
from workflow.machine import Action
from workflow.register import response_deadline

SURVEY_HOURS = 24  # seed §七(2): questionnaires are collected within 24 hours
URGENT_VISIT_HOURS = 24  # seed §七(5)
LEAK_CODE = "ENG-LEAK"  # seed §七(6): visit after the first rainy day


def _text(value: Optional[str], field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message, field=field)
    return value


def _money(value, field: str, *, positive: bool = False) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else "0")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError("金额格式不正确", field=field) from None
    if amount < 0 or amount > Decimal("99999999") or (positive and amount == 0):
        raise ValidationError("金额须大于0" if positive else "金额不能为负数", field=field)
    return amount


def _tenant_notice(event: str, **extra) -> tuple[str, dict]:
    return ("notify_tenant", {"event": event, **extra})


def _tell_owner(ticket: Ticket, actor: Optional[Staff], event: str) -> tuple[tuple[str, dict], ...]:
    """首问负责 (seed §六(3)): whoever the ticket went to, its first receiver follows it, so
    they hear when someone else completes or closes it."""
    owner = ticket.owner  # the relationship: an owner set in this transaction has no FK yet
    if owner is None or owner is actor:
        return ()
    return (("notify_staff", {"event": event, "staff_id": owner.id, "by": machine.actor_label(actor)}),)


def reclassify(
    session: so.Session, ticket: Ticket, actor: Staff, *, code: str, intent: Optional[str] = None,
    urgent: Optional[bool] = None, emotion: Optional[str] = None,
) -> Ticket:
    """Staff correct the labels; the correction is kept as a labelled example for nlp."""
    action = machine.check("reclassify", ticket, actor)
    code_row = session.get(ComplaintCode, code)
    if code_row is None:
        raise ValidationError(f"未知的投诉代码：{code}", field="code")
    if intent is not None and intent not in taxonomy.INTENTS:
        raise ValidationError(f"未知的诉求类型：{intent}", field="intent")
    if emotion is not None and emotion not in taxonomy.EMOTIONS:
        raise ValidationError(f"未知的情绪：{emotion}", field="emotion")
    before = {"code": ticket.code, "intent": ticket.intent, "urgent": ticket.urgent, "emotion": ticket.emotion}
    session.add(ClassificationCorrection(
        ticket_id=ticket.id, text=ticket.content, code=code_row.code, category=code_row.category,
        intent=intent, urgent=urgent, emotion=emotion, predicted_code=ticket.code, staff_id=actor.id,
    ))
    ticket.code, ticket.category = code_row.code, code_row.category
    ticket.department_id = code_row.department_id
    ticket.triage = None  # a person has said what it is
    ticket.intent = intent or ticket.intent
    ticket.emotion = emotion or ticket.emotion
    if urgent is not None and urgent != ticket.urgent:
        ticket.urgent = urgent
        ticket.due_at = response_deadline(code_row, urgent, ticket.created_at)
    machine.apply(session, ticket, action, actor, data={"before": before, "code": code})
    return ticket


def name_the_emergency(session: so.Session, ticket: Ticket, *, code: str, note: str) -> Ticket:
    """A call for help opened with no fault named (快来人), then the tenant said what it is
    (电梯卡住了): the ticket takes that code and goes to its department at once. It stays
    on the desk's triage list: no person has looked at it yet."""
    code_row = session.get(ComplaintCode, code)
    if code_row is None or code_row.code == ticket.code:
        return ticket
    ticket.code, ticket.category = code_row.code, code_row.category
    department = session.get(Department, code_row.department_id) if code_row.department_id else None
    if department is not None:
        dispatch(session, ticket, None, department=department, note=note)
    return ticket


def turn_urgent(session: so.Session, ticket: Ticket, *, words: str) -> Ticket:
    """An ordinary report the tenant says has turned dangerous (卫生间漏水, then 水漫到店里了):
    urgent from now, and sent at once with the urgent deadline, to whoever has it already
    or to its department, the tenant's words in the dispatch. For a ticket not yet started
    (a job under way is not taken from the person at it: the caller opens its own)."""
    ticket.urgent = True
    order = ticket.active_dispatch
    due_at = response_deadline(session.get(ComplaintCode, ticket.code), True, machine.now())
    dispatch(session, ticket, None, department=order.department if order else None,
             assignee=order.assignee if order else None, due_at=due_at, note=f"租户补充，转为紧急：{words}")
    return ticket


def dispatch(
    session: so.Session, ticket: Ticket, actor: Optional[Staff], *,
    department: Optional[Department] = None, assignee: Optional[Staff] = None,
    due_at: Optional[datetime] = None, note: Optional[str] = None,
) -> DispatchOrder:
    """开出派遣单 to the code's department (or another); a second dispatch reassigns."""
    action = machine.check("dispatch", ticket, actor)
    department = department or (session.get(Department, ticket.department_id) if ticket.department_id else None)
    if department is None:
        raise ValidationError("请选择派单部门", field="department")
    if assignee is not None and assignee.department_id != department.id:
        raise ValidationError("执行人不属于所选部门", field="assignee")
    if assignee is not None and not assignee.active:
        raise ValidationError("执行人账号已停用", field="assignee")
    if assignee is not None and assignee.role != Role.ADMIN and ticket.site_id not in {s.id for s in assignee.sites}:
        # they could not open the ticket they would be notified of
        raise ValidationError("执行人不属于本工单的服务中心", field="assignee")
    now = machine.now()
    if due_at is None:
        code_row = session.get(ComplaintCode, ticket.code)
        due_at = ticket.due_at if ticket.due_at and ticket.due_at > now else response_deadline(code_row, ticket.urgent, now)
    elif due_at <= now:
        raise ValidationError("完成时限须晚于现在", field="due_at")
    previous = ticket.active_dispatch
    if previous is not None:
        previous.status = "cancelled"
    order = DispatchOrder(
        ticket=ticket, department=department, assignee=assignee, issued_by_id=actor.id if actor else None,
        issued_at=now, due_at=due_at, status="active",
    )
    session.add(order)
    if actor is not None:
        ticket.triage = None  # a person has sent it on
    ticket.department_id = department.id
    ticket.due_at = due_at
    machine.apply(
        session, ticket, action, actor, note=note,
        data={"department": department.name, "assignee": assignee.display_name if assignee else None,
              "due_at": due_at.isoformat(), "reassigned": previous is not None},
        effects=(
            _tenant_notice("dispatched", due_at=due_at.isoformat(), urgent=ticket.urgent),
            ("notify_staff", {"event": "dispatched", "department_id": department.id,
                              "staff_id": assignee.id if assignee else None, "note": note}),
        ),
    )
    return order


def start(session: so.Session, ticket: Ticket, actor: Staff, note: Optional[str] = None) -> Ticket:
    action = machine.check("start", ticket, actor)
    now = machine.now()
    ticket.active_dispatch.started_at = now
    ticket.first_response_at = ticket.first_response_at or now
    machine.apply(session, ticket, action, actor, note=note)
    return ticket


def quote(session: so.Session, ticket: Ticket, actor: Staff, *, amount, description: str) -> Ticket:
    """Paid repair: the price is agreed BEFORE work starts (seed §五(2))."""
    action = machine.check("quote", ticket, actor)
    amount = _money(amount, "amount", positive=True)
    description = _text(description, "description", "请填写维修内容")
    ticket.quote_amount, ticket.quote_description, ticket.quote_accepted = amount, description, None
    machine.apply(
        session, ticket, action, actor, note=f"{description} {amount}元",
        data={"amount": str(amount), "description": description},
        effects=(_tenant_notice("quote", amount=str(amount), description=description),),
    )
    return ticket


def answer_quote(session: so.Session, ticket: Ticket, actor: Optional[Staff], *, accepted: bool) -> Ticket:
    """The tenant's answer to a quote, from chat (actor None) or told to the desk."""
    action = machine.check("accept_quote" if accepted else "decline_quote", ticket, actor)
    ticket.quote_accepted = accepted
    effects = () if accepted else (("notify_staff", {"event": "quote_declined", "to": "owner"}),)
    machine.apply(session, ticket, action, actor, by=None if actor else "租户", effects=effects,
                  data={"amount": str(ticket.quote_amount)})
    return ticket


def delay(session: so.Session, ticket: Ticket, actor: Staff, *, reason: str, new_eta: datetime) -> Ticket:
    """Cannot be solved in time: tell the tenant why and when (seed §二注意(7))."""
    action = machine.check("delay", ticket, actor)
    reason = _text(reason, "reason", "请填写延期原因")
    if new_eta is None or new_eta <= machine.now():
        raise ValidationError("预计完成时间须晚于现在", field="new_eta")
    ticket.due_at = new_eta
    callbacks.after_notice(session, ticket, "explain_delay", machine.now())
    if ticket.active_dispatch is not None:
        ticket.active_dispatch.due_at = new_eta
        ticket.active_dispatch.overdue_at = None
        ticket.active_dispatch.escalation_level = 0
    machine.apply(
        session, ticket, action, actor, note=reason, data={"new_eta": new_eta.isoformat()},
        effects=(_tenant_notice("delay", reason=reason, new_eta=new_eta.isoformat()),),
    )
    return ticket


def complete(
    session: so.Session, ticket: Ticket, actor: Staff, *, amount=0, work_done: str,
    site_cleaned: bool,
) -> Ticket:
    """Work done: the amount goes on the dispatch order and the receipt (seed §五(3)(4))."""
    action = machine.check("complete", ticket, actor)
    amount = _money(amount, "amount")
    work_done = _text(work_done, "work_done", "请填写处理情况")
    if amount > 0:
        if not ticket.quote_accepted:
            raise ValidationError("有偿维修须在开工前经租户确认报价，不可事后告知价格", field="amount")
        if amount > ticket.quote_amount:
            raise ValidationError(f"金额超过租户确认的报价（{ticket.quote_amount}元）", field="amount")
    if not site_cleaned:
        raise ValidationError("请清理现场，做到工完料清后再完工", field="site_cleaned")
    now = machine.now()
    order = ticket.active_dispatch
    order.completed_at, order.amount, order.work_done, order.status = now, amount, work_done, "done"
    ticket.final_amount, ticket.site_cleaned, ticket.completed_at = amount, True, now
    ticket.first_response_at = ticket.first_response_at or now
    if ticket.urgent:
        callbacks.arm(session, ticket, "urgent_24h", now + timedelta(hours=URGENT_VISIT_HOURS))
    if ticket.code == LEAK_CODE:
        callbacks.arm(session, ticket, "after_rain", None)
    machine.apply(
        session, ticket, action, actor, note=work_done, data={"amount": str(amount), "site_cleaned": True},
        effects=(_tenant_notice("completed", amount=str(amount)), *_tell_owner(ticket, actor, "owner_completed")),
    )
    return ticket


def check_receipt_open(ticket: Ticket, actor: Optional[Staff]) -> Action:
    """The 回执 may be confirmed now, by this actor, and has not been yet."""
    action = machine.check("confirm_receipt", ticket, actor)
    if ticket.receipt_confirmed:
        raise ValidationError("回执已确认", field="receipt")
    return action


def confirm_receipt(session: so.Session, ticket: Ticket, actor: Optional[Staff], *,
                    signature: Optional[TicketFile] = None) -> Ticket:
    """The tenant confirms the work and the amount: by WeChat (actor None), told to staff,
    or signed on the engineer's screen (`signature`, see workflow.fieldwork). The ticket
    keeps who (the tenant's name), when and how."""
    action = check_receipt_open(ticket, actor)
    method = "signature" if signature is not None else "staff" if actor is not None else "wechat"
    who = signature.signer if signature is not None else (
        ticket.complainant or (ticket.tenant.name if ticket.tenant else None) or "租户")
    ticket.receipt_confirmed = True
    ticket.receipt_confirmed_at, ticket.receipt_confirmed_by, ticket.receipt_method = machine.now(), who[:40], method
    if ticket.dispatch_orders:
        ticket.dispatch_orders[-1].receipt_confirmed = True
    data = {"receipt": method, "signer": who}
    if signature is not None:
        data["file_id"] = signature.id
    machine.apply(session, ticket, action, actor, by=None if actor else "租户", data=data)
    return ticket


def record_payment(session: so.Session, ticket: Ticket, actor: Staff, *, amount) -> Ticket:
    """Payment at the service centre, recorded by desk staff only (seed §五(5))."""
    action = machine.check("record_payment", ticket, actor)
    amount = _money(amount, "amount", positive=True)
    if not ticket.is_paid_repair:
        raise ValidationError("该工单为无偿维修，无需收费", field="amount")
    if ticket.paid_at is not None:
        raise ValidationError("该工单已收费", field="amount")
    if amount != ticket.final_amount:
        raise ValidationError(f"收费金额须与派遣单金额一致（{ticket.final_amount}元）", field="amount")
    ticket.paid_at, ticket.paid_recorded_by_id = machine.now(), actor.id
    machine.apply(session, ticket, action, actor, data={"amount": str(amount)})
    return ticket


def close(session: so.Session, ticket: Ticket, actor: Staff, *, result: str, report: Optional[str] = None) -> Ticket:
    """Result registered and archived (seed §六(4)); a satisfaction survey follows."""
    action = machine.check("close", ticket, actor)
    result = _text(result, "result", "请填写处理结果")
    if ticket.forwarded_by_company or ticket.leadership_instruction:
        report = _text(report, "report", "公司转发或领导批示的投诉须填写书面处理结果报告")
    if ticket.is_paid_repair and not ticket.receipt_confirmed:
        # Seed §五(3): the amount on the 回执 is confirmed by the tenant before anything else.
        raise ValidationError("有偿维修须经租户确认回执（微信确认、现场签名或工作人员登记）后才能结案", field="result")
    if ticket.is_paid_repair and ticket.paid_at is None:
        raise ValidationError("有偿维修尚未在服务中心收费，不能结案", field="result")
    now = machine.now()
    ticket.result, ticket.result_report, ticket.close_reason, ticket.closed_at = result, report, "resolved", now
    effects = [_tenant_notice("closed", result=result)]
    if ticket.tenant_id is not None and session.scalar(sa.select(Survey.id).where(Survey.ticket_id == ticket.id)) is None:
        survey = Survey(ticket=ticket, tenant_id=ticket.tenant_id, expires_at=now + timedelta(hours=SURVEY_HOURS))
        session.add(survey)
        session.flush()
        effects.append(("send_survey", {"survey_id": survey.id}))
    if report:
        effects.append(("notify_staff", {"event": "result_report", "to": "supervisors"}))
    effects.extend(_tell_owner(ticket, actor, "owner_closed"))
    callbacks.after_close(session, ticket, now)
    machine.apply(session, ticket, action, actor, note=result, effects=tuple(effects))
    return ticket


def close_not_ours(session: so.Session, ticket: Ticket, actor: Staff, *, explanation: str) -> Ticket:
    """Not the property manager's business: explain to the tenant and close (seed §三(2))."""
    action = machine.check("close_not_ours", ticket, actor)
    explanation = _text(explanation, "explanation", "请填写向租户的解释")
    if ticket.active_dispatch is not None:
        ticket.active_dispatch.status = "cancelled"
    ticket.result, ticket.close_reason, ticket.closed_at = explanation, "not_our_business", machine.now()
    callbacks.after_notice(session, ticket, "explain_not_ours", ticket.closed_at)
    machine.apply(session, ticket, action, actor, note=explanation,
                  effects=(_tenant_notice("not_our_business", explanation=explanation),))
    return ticket


def reopen(session: so.Session, ticket: Ticket, actor: Optional[Staff], *, reason: str) -> Ticket:
    """Back to work (a low survey score, or the tenant came back). The first receiver stays
    responsible (首问负责, seed §六(3)) and is told; the supervisors are told and the ticket
    flagged for them."""
    action = machine.check("reopen", ticket, actor)
    reason = _text(reason, "reason", "请填写重开原因")
    ticket.closed_at, ticket.close_reason = None, None
    ticket.supervisor_flag = True
    owner = ticket.owner
    effects = [("notify_staff", {"event": "reopened", "to": "supervisors",
                                 "owner": owner.display_name if owner is not None else "（无）"})]
    if owner is not None and owner is not actor:
        effects.append(("notify_staff", {"event": "reopened_owner", "staff_id": owner.id, "reason": reason}))
    machine.apply(session, ticket, action, actor, note=reason, effects=tuple(effects))
    return ticket


def add_note(session: so.Session, ticket: Ticket, actor: Optional[Staff], text: str) -> None:
    action = machine.check("note", ticket, actor)
    machine.apply(session, ticket, action, actor, note=_text(text, "note", "请填写备注内容"))


def update_contact(
    session: so.Session, ticket: Ticket, actor: Optional[Staff], *, complainant: Optional[str] = None,
    phone: Optional[str] = None, unit_code: Optional[str] = None,
) -> Ticket:
    """Fill in who and where after registration (the bot asks after an urgent report)."""
    from workflow.register import find_unit

    action = machine.check("update_contact", ticket, actor)
    changed = {}
    if complainant:
        ticket.complainant = changed["complainant"] = complainant.strip()[:40]
    if phone:
        ticket.phone = changed["phone"] = phone.strip()[:20]
    if unit_code:
        unit = find_unit(session, ticket.site, unit_code)
        ticket.unit = unit
        ticket.unit_code = changed["unit"] = unit.code if unit else unit_code.strip()[:40]
    if changed:
        machine.apply(session, ticket, action, actor, by=None if actor else "租户", data=changed)
    return ticket
