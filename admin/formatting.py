"""What templates need to show values the way staff read them: local times, masked phones,
money, durations and Chinese labels. Injected into every console template."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Optional

from flask import get_flashed_messages
from flask_login import current_user

from admin import bp
from models import Role, localtime
from models.queries import mask_phone
from models.tickets import CHANNEL_LABELS, FILE_KINDS, RECEIPT_METHODS, STATUS_LABELS
from nlp import taxonomy
from workflow import letters, system_events
from workflow.callbacks import CALL_KINDS

EVENT_LABELS = {
    "register": "登记", "reclassify": "重新分类", "dispatch": "派单", "start": "开始处理", "quote": "报价",
    "accept_quote": "租户确认报价", "decline_quote": "租户不同意报价", "delay": "延期", "complete": "完工",
    "confirm_receipt": "确认回执", "record_payment": "前台收费", "close": "结案", "close_not_ours": "非物业事务结案",
    "reopen": "重开", "note": "备注", "update_contact": "补充信息", "followup": "回访", "reply_tenant": "回复租户",
    "arrive": "到场", "photo": "现场照片", "escalate": "上报主管", "letter_reply": "书面回复",
    **system_events.LABELS,  # what the worker wrote: notices, sweeps' alerts and escalations
}
VISIT_KINDS = {"urgent_24h": "急修24小时回访", "after_rain": "第一个雨天后回访", "periodic": "定期走访",
               "occasional": "不定期走访", **CALL_KINDS}
CLOSE_REASONS = {"resolved": "已处理", "not_our_business": "非物业事务"}
# The admin's set-up pages, reached from one menu entry (设置) and a sub-navigation.
SETUP_ENDPOINTS = frozenset({"admin.sites", "admin.site_edit", "admin.departments", "admin.staff_list",
                             "admin.staff_edit", "admin.site_settings", "admin.unit_import",
                             "admin.unit_qr", "admin.fees"})


DETAIL_LABELS = {
    "code": "代码", "urgent": "急修", "emotion": "情绪", "channel": "渠道", "department": "部门", "assignee": "执行人",
    "due_at": "时限", "new_eta": "预计完成", "reassigned": "改派", "amount": "金额", "description": "内容",
    "site_cleaned": "工完料清", "complainant": "投诉人", "phone": "电话", "unit": "铺位", "method": "方式",
    "kind": "类型", "score": "评分", "delivery": "发送", "minutes": "距报修", "stage": "照片", "receipt": "方式",
    "signer": "确认人", "sent_by": "回复方式",
}
DELIVERY = {"sent": "已发送", "failed": "发送失败", "pending": "待发送"}


def event_details(data: dict) -> list[tuple[str, str]]:
    """An event's data as (label, value) pairs staff can read; internal keys are left out."""
    out = []
    for key, value in (data or {}).items():
        if key not in DETAIL_LABELS or value in (None, "", False) and key != "urgent":
            continue
        if key in ("due_at", "new_eta") and isinstance(value, str):
            try:
                value = fmt_time(datetime.fromisoformat(value))
            except ValueError:
                pass
        elif key == "urgent":
            value = "是" if value else "否"
        elif key in ("reassigned", "site_cleaned"):
            value = "是"
        elif key == "emotion":
            value = taxonomy.EMOTIONS.get(value, value)
        elif key == "channel":
            value = {c.value: label for c, label in CHANNEL_LABELS.items()}.get(value, value)
        elif key == "amount":
            value = f"{value} 元"
        elif key == "kind":
            value = VISIT_KINDS.get(value, value)
        elif key == "method":
            value = {"phone": "电话", "visit": "上门"}.get(value, value)
        elif key == "delivery":
            value = DELIVERY.get(value, value)
        elif key == "minutes":
            value = duration(value)
        elif key == "stage":
            value = FILE_KINDS.get(value, value)
        elif key == "sent_by":
            value = letters.REPLY_METHODS.get(value, value)
        elif key == "receipt":
            value = RECEIPT_METHODS.get(value, value)
        out.append((DETAIL_LABELS[key], str(value)))
    return out


def to_local(value: Optional[datetime]) -> Optional[datetime]:
    return None if value is None else localtime.to_local(value)


def fmt_time(value: Optional[datetime], with_year: bool = True) -> str:
    local = to_local(value)
    if local is None:
        return "—"
    return local.strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


def fmt_input_time(value: Optional[datetime]) -> str:
    """The value of an <input type=datetime-local>."""
    local = to_local(value)
    return local.strftime("%Y-%m-%dT%H:%M") if local else ""


def money(value) -> str:
    if value is None:
        return "—"
    return f"{Decimal(value):.2f}"


def hours(value: Optional[float]) -> str:
    if value is None:
        return "—"
    if value < 1:
        return f"{value * 60:.0f}分钟"
    return f"{value:.1f}小时"


def duration(minutes: int) -> str:
    """A stretch of time as staff say it: 25分钟, 2小时5分钟, 1天3小时."""
    minutes = abs(int(minutes))
    days, rest = divmod(minutes, 24 * 60)
    hours_, mins = divmod(rest, 60)
    if days:
        return f"{days}天{hours_}小时" if hours_ else f"{days}天"
    if hours_:
        return f"{hours_}小时{mins}分钟" if mins else f"{hours_}小时"
    return f"{mins}分钟"


def time_left(minutes: int) -> str:
    return f"还剩{duration(minutes)}" if minutes >= 0 else f"已超时{duration(minutes)}"


def tel_href(phone: Optional[str]) -> str:
    """tel: with the digits (and a leading +) only: what the phone dials."""
    phone = (phone or "").strip()
    return "tel:" + ("+" if phone.startswith("+") else "") + "".join(c for c in phone if c.isdigit())


def code_label(code: Optional[str]) -> str:
    if not code:
        return "—"
    return f"{code} {taxonomy.CODES[code]['name']}" if code in taxonomy.CODES else code


@bp.context_processor
def helpers() -> dict:
    staff = current_user.staff if current_user.is_authenticated else None
    return {
        "me": staff, "Role": Role, "fmt_time": fmt_time, "fmt_input_time": fmt_input_time, "money": money,
        "hours": hours, "mask": mask_phone, "code_label": code_label, "STATUS_LABELS": STATUS_LABELS,
        "CHANNEL_LABELS": CHANNEL_LABELS, "CATEGORIES": taxonomy.CATEGORIES, "INTENTS": taxonomy.INTENTS,
        "EMOTIONS": taxonomy.EMOTIONS, "EVENT_LABELS": EVENT_LABELS, "VISIT_KINDS": VISIT_KINDS,
        "CLOSE_REASONS": CLOSE_REASONS, "SETUP_ENDPOINTS": SETUP_ENDPOINTS, "event_details": event_details,
        "FILE_KINDS": FILE_KINDS, "RECEIPT_METHODS": RECEIPT_METHODS, "duration": duration, "time_left": time_left,
        "tel_href": tel_href, "flashes": lambda: get_flashed_messages(with_categories=True),
    }


# Letters' reply deadline (seed §三), global so that imported macros (the queue's flags) see it.
bp.add_app_template_global(letters.reply_due, "letter_reply_due")
bp.add_app_template_global(letters.reports_upwards)
bp.add_app_template_global(letters.written_reply, "letter_reply")
bp.add_app_template_global(letters.reply_overdue, "letter_reply_overdue")
bp.add_app_template_global(letters.REPLY_METHODS, "LETTER_REPLY_METHODS")
