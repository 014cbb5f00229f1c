"""Staff writing to people from the console: a WeChat reply to the tenant of a ticket, and
a phone message taken for an absent colleague (seed §一(5)). Both are Outbox rows that
jobs/ delivers after commit."""
from __future__ import annotations

from typing import Optional

import sqlalchemy.orm as so

from models import Outbox, Site, Staff, Ticket
from workflow import machine
from workflow.errors import PermissionDenied, ValidationError

MAX_REPLY = 600  # WeChat customer-service text stays well under its 2,048-byte limit


def reply_tenant(session: so.Session, ticket: Ticket, actor: Staff, text: str) -> None:
    """Send `text` to the ticket's tenant by WeChat (delivered by jobs/ as a custom message)."""
    action = machine.check("reply_tenant", ticket, actor)
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写回复内容", field="text")
    if len(text) > MAX_REPLY:
        raise ValidationError(f"回复内容不能超过{MAX_REPLY}字", field="text")
    if ticket.tenant is None or not ticket.tenant.openid:
        raise ValidationError("该工单的租户未绑定微信，无法通过微信回复，请电话联系", field="text")
    machine.apply(session, ticket, action, actor, note=text, data={"tenant_id": ticket.tenant_id},
                  effects=(("reply_tenant", {"text": text, "tenant_id": ticket.tenant_id}),))


def relay_phone_message(
    session: so.Session, site: Site, actor: Staff, *, recipient: Optional[Staff], caller: str,
    phone: Optional[str], text: str, unit_code: Optional[str] = None,
) -> Outbox:
    """Record a caller's message for a colleague who is not there and tell them."""
    if not actor.can_see_site(site.id):
        raise PermissionDenied("无权为其他服务中心登记留言")
    if recipient is None or not recipient.active:
        raise ValidationError("请选择要转告的同事", field="recipient")
    if not recipient.can_see_site(site.id):
        raise ValidationError("该同事不在本服务中心", field="recipient")
    caller = (caller or "").strip()[:40]
    if not caller:
        raise ValidationError("请填写来电人", field="caller")
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写留言内容", field="text")
    row = Outbox(kind="notify_staff", payload={
        "event": "phone_message", "staff_id": recipient.id, "site_id": site.id, "caller": caller,
        "phone": (phone or "").strip()[:20] or None, "unit": (unit_code or "").strip()[:40] or None,
        "text": text[:1000], "recorded_by": actor.display_name, "recorded_by_id": actor.id,
        "at": machine.now().isoformat(),
    })
    session.add(row)
    return row
