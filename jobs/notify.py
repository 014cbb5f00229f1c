"""What tenants receive: notices (dispatch, delay, quote, completion, close), the
satisfaction survey, staff replies and questionnaire invitations. Each handler reads its
outbox row, sends through jobs.outbound and records the result; it raises to have the
delivery retried (see jobs.outbox). Staff notices are in jobs.staff_notify."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Optional

from jobs import outbound
from jobs.runtime import JobContext
from models import (
    CampaignRecipient,
    Department,
    Outbox,
    Site,
    Survey,
    Tenant,
    Ticket,
)
from models.localtime import for_people
from workflow import machine, system_events
from workflow.handling import SURVEY_HOURS
from workflow.phrasebook import phrase, urgent_eta
from workflow.survey_links import questionnaire_url, survey_url


@dataclass
class Outcome:
    status: str  # done / skipped
    note: str = ""


TENANT_PHRASES = {
    "dispatched": "notify_dispatched", "delay": "notify_delay", "quote": "notify_quote",
    "completed": "notify_completed", "closed": "notify_closed", "not_our_business": "notify_not_ours",
}


def when(ctx: JobContext, iso: Optional[str]) -> str:
    return for_people(datetime.fromisoformat(iso)) if iso else ""


def _money(value) -> str:
    try:
        return f"{Decimal(str(value)):.2f}"
    except (InvalidOperation, ValueError):
        return str(value)


def tenant_text(ctx: JobContext, ticket: Ticket, payload: dict) -> str:
    event = payload.get("event")
    key = TENANT_PHRASES.get(event)
    if key is None:
        raise outbound.Undeliverable(f"未知的租户通知类型：{event}")
    site = ticket.site
    values = {"number": ticket.number}
    if event == "dispatched":
        department = ctx.session.get(Department, ticket.department_id) if ticket.department_id else None
        values["department"] = department.name if department else "相关部门"
        values["eta"] = (urgent_eta(site, department.name if department else None) if payload.get("urgent")
                         else phrase("eta_due", site, due=when(ctx, payload.get("due_at"))))
    elif event == "delay":
        values.update(reason=payload.get("reason", ""), new_eta=when(ctx, payload.get("new_eta")))
    elif event == "quote":
        values.update(description=payload.get("description", ""), amount=_money(payload.get("amount")))
    elif event == "completed":
        amount = Decimal(str(payload.get("amount") or "0"))
        values["amount_text"] = (phrase("amount_due_text", site, amount=_money(amount)) if amount > 0
                                 else phrase("amount_free_text", site))
    elif event == "closed":
        values["result"] = payload.get("result", "")
    elif event == "not_our_business":
        values["explanation"] = payload.get("explanation", "")
    return phrase(key, site, **values)


def fields(ctx: JobContext, site: Site, subject: str, state: str, text: str) -> dict[str, str]:
    return outbound.template_fields(phrase("notice_title", site), subject, state,
                                    for_people(machine.now()), text)


def _to_tenant(ctx: JobContext, row: Outbox, ticket: Ticket, tenant: Optional[Tenant], text: str, *,
               url: Optional[str] = None, subject: Optional[str] = None, state: Optional[str] = None,
               private_link: Optional[str] = None) -> Outcome:
    """One message to the ticket's tenant, unless they cannot be reached by WeChat (then a
    timeline note tells staff to call). A `private_link` never reaches what staff read."""
    if tenant is None or not tenant.openid or not tenant.subscribed:
        reason = "租户未关注服务号" if tenant is not None and tenant.openid else "该工单没有租户的微信"
        shown = outbound.without_link(text, private_link)
        system_events.record(ctx.session, ticket, "notify_skipped", f"{reason}，未能微信通知：{shown}（请电话告知）",
                     kind=row.kind, outbox_id=row.id)
        return Outcome("skipped", reason)
    if outbound.sent_to(ctx.session, row, [tenant.openid]):
        return Outcome("done", "已发送")
    template = fields(ctx, ticket.site, subject or ticket.number, state or ticket.status.label, text)
    result = outbound.deliver_to(ctx, row, ticket.site, tenant.openid, text, template,
                                 window=outbound.in_window(tenant), url=url, ticket_id=ticket.id,
                                 tenant_id=tenant.id, private_link=private_link)
    return Outcome("done", f"已通过{'客服消息' if result.channel == 'custom' else '模板消息'}发送")


def notify_tenant(ctx: JobContext, row: Outbox) -> Outcome:
    ticket = _ticket(row)
    return _to_tenant(ctx, row, ticket, ticket.tenant, tenant_text(ctx, ticket, row.payload or {}))


def reply_tenant(ctx: JobContext, row: Outbox) -> Outcome:
    ticket = _ticket(row)
    payload = row.payload or {}
    tenant = ctx.session.get(Tenant, payload.get("tenant_id")) if payload.get("tenant_id") else ticket.tenant
    text = (payload.get("text") or "").strip()
    if not text:
        raise outbound.Undeliverable("回复内容为空")
    return _to_tenant(ctx, row, ticket, tenant, text)


def send_survey(ctx: JobContext, row: Outbox) -> Outcome:
    survey = ctx.session.get(Survey, (row.payload or {}).get("survey_id"))
    if survey is None:
        return Outcome("skipped", "调查已不存在")
    now = machine.now()
    if survey.answered_at is not None or survey.expired_at is not None or survey.expires_at <= now:
        return Outcome("skipped", "调查已评价或已过期")
    ticket = survey.ticket
    tenant = ctx.session.get(Tenant, survey.tenant_id) if survey.tenant_id else ticket.tenant
    link = survey_url(survey.id)
    text = phrase("survey_ask", ticket.site, number=ticket.number, link=link)
    outcome = _to_tenant(ctx, row, ticket, tenant, text, url=link, state=phrase("survey_state", ticket.site),
                         private_link=link)
    if outcome.status == "done" and survey.sent_at is None:
        survey.sent_at = now
        # 24 hours to answer from when it reached the tenant, not from when it was queued.
        survey.expires_at = max(survey.expires_at, now + timedelta(hours=SURVEY_HOURS))
    return outcome


def send_questionnaire(ctx: JobContext, row: Outbox) -> Outcome:
    recipient = ctx.session.get(CampaignRecipient, (row.payload or {}).get("recipient_id"))
    if recipient is None:
        return Outcome("skipped", "问卷已不存在")
    campaign = recipient.campaign
    if campaign.status != "open" or recipient.answered_at is not None:
        recipient.delivery = recipient.delivery or "skipped"
        return Outcome("skipped", "问卷已结束")
    tenant = recipient.tenant
    if not tenant.openid or not tenant.subscribed:
        recipient.delivery = "skipped"
        return Outcome("skipped", "租户未关注服务号")
    if outbound.sent_to(ctx.session, row, [tenant.openid]):
        return Outcome("done", "已发送")
    site = campaign.site
    link = questionnaire_url(recipient.id)
    text = phrase("questionnaire_invite", site, title=campaign.title, link=link,
                  closes=for_people(campaign.closes_at))
    template = fields(ctx, site, campaign.title, phrase("questionnaire_state", site), text)
    outbound.deliver_to(ctx, row, site, tenant.openid, text, template, window=outbound.in_window(tenant), url=link,
                        tenant_id=tenant.id, campaign_id=campaign.id, private_link=link)
    recipient.sent_at, recipient.delivery = machine.now(), "sent"
    return Outcome("done", "已发送")


def questionnaire_failed(ctx: JobContext, row: Outbox, error: str) -> None:
    recipient = ctx.session.get(CampaignRecipient, (row.payload or {}).get("recipient_id"))
    if recipient is not None:
        recipient.delivery = "failed"


def short(text: Optional[str], limit: int = 40) -> str:
    text = (text or "").replace("\n", " ").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ticket(row: Outbox) -> Ticket:
    if row.ticket is None:
        raise outbound.Undeliverable("通知所属的工单已不存在")
    return row.ticket
