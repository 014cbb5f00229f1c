"""One handler per action the ticket page offers: read the form, call workflow/. Workflow
checks state and role and raises (changing nothing) when refused."""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy.orm as so
from flask import current_app, request

import workflow
from admin import forms
from models import Department, Staff, Ticket
from workflow.errors import ValidationError
from workflow.fees import quote_from_schedule
from workflow.letters import record_reply
from workflow.media import MAX_UPLOAD_BYTES
from workflow.replies import reply_tenant


def _department(session: so.Session) -> Department | None:
    dept_id = forms.int_value("department", "派单部门")
    if dept_id is None:
        return None
    dept = session.get(Department, dept_id)
    if dept is None:
        raise ValidationError("未知的部门", field="department")
    return dept


def _assignee(session: so.Session) -> Staff | None:
    staff_id = forms.int_value("assignee", "执行人")
    if staff_id is None:
        return None
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise ValidationError("未知的执行人", field="assignee")
    return staff


def _reclassify(s, t, me):
    code = forms.text("code", 20)
    if not code:
        raise ValidationError("请选择投诉代码", field="code")
    return workflow.reclassify(s, t, me, code=code, intent=forms.optional_text("intent", 16),
                               urgent=forms.tristate("urgent"), emotion=forms.optional_text("emotion", 8))


def _dispatch(s, t, me):
    return workflow.dispatch(s, t, me, department=_department(s), assignee=_assignee(s),
                             due_at=forms.local_datetime("due_at", "完成时限", required=False),
                             note=forms.optional_text("note", 500))


def _quote(s, t, me):
    quantities = {int(name[4:]): value for name, value in request.form.items()
                  if name.startswith("qty_") and name[4:].isdigit()}
    return quote_from_schedule(s, t, me, quantities=quantities, description=forms.text("description", 60),
                               amount=forms.text("amount", 20))


def _delay(s, t, me):
    return workflow.delay(s, t, me, reason=forms.text("reason", 500),
                          new_eta=forms.local_datetime("new_eta", "预计完成时间"))


def _complete(s, t, me):
    return workflow.complete(s, t, me, amount=forms.text("amount", 20) or "0", work_done=forms.text("work_done"),
                             site_cleaned=forms.checkbox("site_cleaned"))


def _photo(s, t, me):
    return workflow.add_photo(s, t, me, stage=forms.text("stage", 10), content=forms.upload("photo", MAX_UPLOAD_BYTES),
                              media_root=current_app.config["INSTANCE_PATH"])


def _payment(s, t, me):
    return workflow.record_payment(s, t, me, amount=forms.text("amount", 20))


def _close(s, t, me):
    return workflow.close(s, t, me, result=forms.text("result"), report=forms.optional_text("report", 5000))


def _contact(s, t, me):
    return workflow.update_contact(s, t, me, complainant=forms.optional_text("complainant", 40),
                                   phone=forms.optional_text("phone", 20), unit_code=forms.optional_text("unit_code", 40))


def _letter_reply(s, t, me):
    return record_reply(s, t, me, text=forms.text("text", 5000), method=forms.optional_text("method", 20))


HANDLERS: dict[str, tuple[str, Callable]] = {
    "reclassify": ("已重新分类，修改已记录为分类纠正样本", _reclassify),
    "dispatch": ("已派单", _dispatch),
    "start": ("已开始处理", lambda s, t, me: workflow.start(s, t, me, note=forms.optional_text("note", 500))),
    "arrive": ("已登记到场", lambda s, t, me: workflow.arrive(s, t, me)),
    "photo": ("照片已保存", _photo),
    "quote": ("已报价，等待租户确认", _quote),
    "accept_quote": ("已记录：租户确认报价", lambda s, t, me: workflow.answer_quote(s, t, me, accepted=True)),
    "decline_quote": ("已记录：租户不同意报价", lambda s, t, me: workflow.answer_quote(s, t, me, accepted=False)),
    "delay": ("已延期，并通知租户原因和预计完成时间", _delay),
    "complete": ("已完工", _complete),
    "confirm_receipt": ("已确认回执", lambda s, t, me: workflow.confirm_receipt(s, t, me)),
    "record_payment": ("已记录收费", _payment),
    "close": ("已结案", _close),
    "close_not_ours": ("已按非物业事务结案", lambda s, t, me: workflow.close_not_ours(
        s, t, me, explanation=forms.text("explanation"))),
    "escalate": ("已上报主管，主管将收到通知", lambda s, t, me: workflow.escalate(s, t, me, reason=forms.text("reason", 500))),
    "reopen": ("已重开", lambda s, t, me: workflow.reopen(s, t, me, reason=forms.text("reason"))),
    "note": ("已添加备注", lambda s, t, me: workflow.add_note(s, t, me, forms.text("note"))),
    "update_contact": ("已更新联系信息", _contact),
    "letter_reply": ("已登记书面回复", _letter_reply),
    "reply_tenant": ("回复已提交，将通过微信发送", lambda s, t, me: reply_tenant(s, t, me, forms.text("text"))),
}


def run(session: so.Session, name: str, ticket: Ticket, staff: Staff) -> str:
    message, handler = HANDLERS[name]
    handler(session, ticket, staff)
    return message
