"""Timeline entries the system writes on a ticket (the worker's sweeps and notices): notices
that could not be delivered, who among the staff was told, deadlines missed and escalated,
surveys expired. None of them changes the ticket's status; their labels are what the
console shows for them."""
from __future__ import annotations

from typing import Any

import sqlalchemy.orm as so

from models import Staff, Ticket, TicketEvent
from workflow import machine

ACTOR_LABEL = "系统"

# action → what staff read (for the console's EVENT_LABELS)
LABELS = {
    "notify_failed": "通知发送失败",
    "notify_skipped": "未能微信通知",
    "staff_notified": "已通知工作人员",
    "overdue": "派遣单超时",
    "escalated": "超时上报主管",
    "undispatched": "待派单提醒",
    "undispatched_escalated": "待派单上报主管",
    "visit_overdue": "回访逾期",
    "survey_expired": "满意度调查过期",
    "media_failed": "图片下载失败",
}


def record(session: so.Session, ticket: Ticket, action: str, note: str, **data: Any) -> TicketEvent:
    return machine.record_event(session, ticket, action, by=ACTOR_LABEL, note=note,
                                data={k: v for k, v in data.items() if v is not None})


def staff_notified(session: so.Session, ticket: Ticket, text: str, *, sent: list[Staff],
                   unreachable: list[Staff], failed: list[tuple[Staff, str]], **data: Any) -> TicketEvent:
    parts = []
    if sent:
        parts.append("已微信通知" + "、".join(s.display_name for s in sent))
    if unreachable:
        parts.append("、".join(s.display_name for s in unreachable) + "未绑定微信（请另行告知）")
    if failed:
        parts.append("发送失败：" + "；".join(f"{s.display_name}（{error}）" for s, error in failed))
    if not parts:
        parts.append("没有可通知的工作人员")
    return record(session, ticket, "staff_notified", f"{'；'.join(parts)}。内容：{text}",
               sent=[s.id for s in sent], unreachable=[s.id for s in unreachable],
               failed=[s.id for s, _ in failed], **data)
