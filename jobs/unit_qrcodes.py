"""Making the units' WeChat parametric QR codes (scene = the unit's code) through the WeChat
API, for the console's printable page (workflow.unit_codes). A site's units are done in
batches, each job queueing the next, so a large site stays within the job's timeout."""
from __future__ import annotations

import sqlalchemy as sa

from jobs import outbound
from jobs.notify import Outcome
from jobs.runtime import JobContext
from jobs.wechat_client import WeChatAPIError
from models import Outbox, Site, Unit
from workflow.unit_codes import QR_JOB

BATCH = 100
UNAUTHORIZED = 48001  # the account may not make parametric codes (not a verified service account)


def make_unit_qrcodes(ctx: JobContext, row: Outbox) -> Outcome:
    site = ctx.session.get(Site, (row.payload or {}).get("site_id"))
    if site is None:
        return Outcome("skipped", "服务中心已不存在")
    lacking = sa.select(Unit).where(Unit.site_id == site.id, Unit.wechat_qr_url.is_(None))
    units = ctx.session.scalars(lacking.order_by(Unit.code).limit(BATCH + 1)).all()
    if not units:
        return Outcome("done", "所有单元都已有微信二维码")
    client = outbound.client_for(ctx, site)
    made = 0
    try:
        for unit in units[:BATCH]:
            unit.wechat_qr_url = _create(client, unit.code)
            made += 1
    except WeChatAPIError as exc:
        ctx.session.commit()  # the codes made so far are kept (a permanent code's url does not change)
        if exc.errcode == UNAUTHORIZED:
            raise outbound.Undeliverable("该公众号无权生成带参数二维码（须为已认证的服务号），打印页改用签名链接") from None
        raise
    finally:
        client.close()
    if len(units) > BATCH:
        ctx.session.add(Outbox(kind=QR_JOB, payload={"site_id": site.id}))
    return Outcome("done", f"已生成 {made} 个单元的微信二维码")


def _create(client, code: str) -> str:
    result = client.call("qrcode/create", lambda api: api.qrcode.create(
        {"action_name": "QR_LIMIT_STR_SCENE", "action_info": {"scene": {"scene_str": code}}}))
    url = result.get("url") if isinstance(result, dict) else None
    if not url:
        raise WeChatAPIError(None, "微信未返回二维码内容")
    return url
