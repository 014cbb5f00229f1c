"""Delivering a notice (通知) to one tenant: a WeChat customer-service message inside the
48-hour window, the notice template outside it (jobs.outbound), at most once: a recipient
already sent to is not sent to again, whatever runs twice."""
from __future__ import annotations

from jobs import outbound
from jobs.notify import Outcome
from jobs.runtime import JobContext
from models import NoticeRecipient, Outbox
from models.localtime import for_people
from workflow import machine
from workflow.phrasebook import phrase


def send_notice(ctx: JobContext, row: Outbox) -> Outcome:
    recipient = ctx.session.get(NoticeRecipient, (row.payload or {}).get("recipient_id"))
    if recipient is None:
        return Outcome("skipped", "通知已不存在")
    if recipient.delivery == "sent":
        return Outcome("done", "已发送")
    tenant, notice = recipient.tenant, recipient.notice
    if not tenant.openid or not tenant.subscribed:
        recipient.delivery, recipient.error = "unreachable", "未关注服务号"
        return Outcome("skipped", "租户未关注服务号")
    site = notice.site
    text = phrase("notice_text", site, title=notice.title, body=notice.body)
    if not outbound.sent_to(ctx.session, row, [tenant.openid]):  # an earlier attempt may have got through
        fields = outbound.template_fields(phrase("notice_heading", site), notice.title, phrase("notice_state", site),
                                          for_people(machine.now()), notice.body)
        result = outbound.deliver_to(ctx, row, site, tenant.openid, text, fields, window=outbound.in_window(tenant),
                                     tenant_id=tenant.id, notice_id=notice.id)
        recipient.channel = result.channel
    recipient.delivery, recipient.error, recipient.sent_at = "sent", None, machine.now()
    return Outcome("done", "已发送")


def notice_failed(ctx: JobContext, row: Outbox, error: str) -> None:
    """The last attempt failed: listed on the notice's page with WeChat's reason."""
    recipient = ctx.session.get(NoticeRecipient, (row.payload or {}).get("recipient_id"))
    if recipient is not None and recipient.delivery != "sent":
        recipient.delivery, recipient.error = "failed", error[:500]
