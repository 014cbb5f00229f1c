"""Sending one WeChat message for a job and recording it: the site's credentials, the
48-hour customer-service window, the template fallback, and a models.Message row for
every message that went out (or finally failed)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from jobs.runtime import JobContext
from jobs.wechat_client import OutboundWeChatClient, SendResult, make_client, send_template, send_text
from models import Message, Outbox, Site, Tenant
from workflow import machine

CUSTOMER_SERVICE_WINDOW = timedelta(hours=48)
HTTP_TIMEOUT = 5.0


class Undeliverable(Exception):
    """Nothing to retry: no credentials, no recipient, a message that cannot be built."""


def credentials(ctx: JobContext, site: Optional[Site]) -> tuple[str, str]:
    """The site's own Official Account, else the deployment's WECHAT_APPID/SECRET."""
    creds = site.wechat_credentials(ctx.config) if site else Site.wechat_credentials(Site(), ctx.config)
    appid, secret = creds.appid, creds.secret
    if not appid or not secret:
        raise Undeliverable("未配置微信公众号 AppID/AppSecret")
    return appid, secret


def client_for(ctx: JobContext, site: Optional[Site]) -> OutboundWeChatClient:
    appid, secret = credentials(ctx, site)
    return make_client(appid, secret, ctx.app.redis, api_base=ctx.config.get("WECHAT_API_BASE"),
                       timeout=HTTP_TIMEOUT)


def notice_template(ctx: JobContext, site: Optional[Site]) -> Optional[str]:
    settings = (site.settings or {}) if site else {}
    return settings.get("wechat_template_notice") or ctx.config.get("WECHAT_TEMPLATE_NOTICE")


def in_window(tenant: Optional[Tenant], now: Optional[datetime] = None) -> bool:
    """Whether the tenant wrote within the last 48 hours (customer-service messages allowed)."""
    if tenant is None or tenant.last_inbound_at is None:
        return False
    return (now or machine.now()) - tenant.last_inbound_at < CUSTOMER_SERVICE_WINDOW


def template_fields(title: str, subject: str, state: str, at: str, text: str) -> dict[str, str]:
    """The notice template's fields: first / keyword1 (what: a ticket number or a title) /
    keyword2 (its state) / keyword3 (when) / remark (the full message). The template
    configured as WECHAT_TEMPLATE_NOTICE must have these fields."""
    return {"first": title, "keyword1": subject, "keyword2": state, "keyword3": at, "remark": text}


def send(ctx: JobContext, site: Optional[Site], openid: str, text: str, fields: Mapping[str, str], *,
         window: bool, url: Optional[str] = None) -> SendResult:
    """A customer-service text inside the window (falling back to the template on
    45015/45047); the template outside it. Without a template, the text is tried anyway
    (our record of the window may be stale) and WeChat decides."""
    template = notice_template(ctx, site)
    client = client_for(ctx, site)
    try:
        if window or not template:
            if url and url not in text:
                text = f"{text}\n{url}"
            return send_text(client, openid, text, template_id=template,
                             template_data=dict(fields) if template else None, url=url)
        return send_template(client, openid, template, fields, url=url)
    finally:
        client.close()


# What staff read in place of a link only the tenant may open (a survey, a questionnaire):
# a stored link would let whoever did the job answer the tenant's survey.
PRIVATE_LINK = "〔链接仅发送给租户〕"


def without_link(text: str, link: Optional[str]) -> str:
    return text.replace(link, PRIVATE_LINK) if link else text


def deliver_to(ctx: JobContext, row: Outbox, site: Site, openid: str, text: str, fields: Mapping[str, str], *,
               window: bool, url: Optional[str] = None, ticket_id: Optional[int] = None,
               tenant_id: Optional[int] = None, private_link: Optional[str] = None, **data: Any) -> SendResult:
    """``send`` and record the Message. A failure carries what was attempted
    (``exc.attempted``) so the final failure can be recorded as a failed Message. A
    `private_link` goes to the tenant only: the record has a placeholder in its place."""
    try:
        result = send(ctx, site, openid, text, fields, window=window, url=url)
    except Exception as exc:
        exc.attempted = {"site_id": site.id, "openid": openid, "text": without_link(text, private_link),
                         "ticket_id": ticket_id, "tenant_id": tenant_id, **data}
        raise
    record(ctx.session, row, site_id=site.id, openid=openid, text=without_link(text, private_link), result=result,
           ticket_id=ticket_id, tenant_id=tenant_id, **data)
    return result


def sent_to(session: so.Session, row: Outbox, openids: list[str]) -> set[str]:
    """Which of ``openids`` this outbox row already reached (an earlier attempt that got
    through to some of several recipients): they are not sent to again."""
    if not openids:
        return set()
    messages = session.scalars(sa.select(Message).where(
        Message.direction == "out", Message.delivery == "sent", Message.openid.in_(openids),
        Message.created_at >= row.created_at,
    )).all()
    return {m.openid for m in messages if (m.data or {}).get("outbox_id") == row.id}


def record(session: so.Session, row: Optional[Outbox], *, site_id: int, openid: str, text: str,
           result: Optional[SendResult] = None, error: Optional[str] = None, ticket_id: Optional[int] = None,
           tenant_id: Optional[int] = None, **data: Any) -> Message:
    """The outbound message on record: delivery "sent" with its channel, or "failed"."""
    message = Message(
        site_id=site_id, openid=openid, direction="out", msg_type="template" if result and
        result.channel == "template" else "text", content=text, ticket_id=ticket_id, tenant_id=tenant_id,
        channel=result.channel if result else None, delivery="sent" if result else "failed",
        data={k: v for k, v in {"outbox_id": row.id if row else None, "msgid": result.msgid if result else None,
                                "custom_errcode": result.custom_errcode if result else None, "error": error,
                                **data}.items() if v is not None},
    )
    session.add(message)
    return message
