"""Notices to tenants (通知: 停水停电, other announcements): a supervisor writes one for a site,
a building, a floor or a list of units; the worker sends it by WeChat to each tenant once
(a customer-service message inside the 48-hour window, the notice template outside it).
Tenants the account cannot reach (only in the centre's records, or no longer following) are
listed for a phone call. Functions add to the session and never commit."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Notice, NoticeRecipient, Outbox, Role, Site, Staff, Tenant, Unit
from models.notices import AUDIENCES, DELIVERIES
from workflow import machine
from workflow.errors import PermissionDenied, ValidationError

SEND_NOTICE = "send_notice"  # the outbox kind the worker delivers
MAX_TITLE = 40
MAX_BODY = 500
SENDERS = (Role.SUPERVISOR, Role.ADMIN)
_CODES = re.compile(r"[\s,，、;；]+")


def _unit_filter(session: so.Session, site: Site, audience: str, target: str) -> Optional[sa.ColumnElement]:
    """Which units the audience means (None: the whole site)."""
    if audience == "site":
        return None
    if not target:
        raise ValidationError({"building": "请选择楼栋", "floor": "请选择楼层", "units": "请填写物业编号"}[audience],
                              field=audience)
    if audience == "building":
        return Unit.building == target
    if audience == "floor":
        return Unit.floor == target
    codes = _CODES.split(target)
    unknown = Unit.unknown_codes(session, site.id, codes)
    if unknown:
        raise ValidationError(f"没有这些单元：{'、'.join(unknown[:20])}", field="units")
    return Unit.matching(codes)


def audience_tenants(session: so.Session, site: Site, audience: str, target: str = "") -> list[Tenant]:
    """The tenants a notice for `audience` (AUDIENCES) and `target` reaches, each once."""
    if audience not in AUDIENCES:
        raise ValidationError("请选择通知范围", field="audience")
    units = _unit_filter(session, site, audience, (target or "").strip())
    stmt = sa.select(Tenant).where(Tenant.site_id == site.id)
    if units is not None:
        stmt = stmt.join(Unit, Unit.id == Tenant.unit_id).where(units)
    return session.scalars(stmt.order_by(Tenant.id)).all()


def _reachable(tenant: Tenant) -> Optional[str]:
    """None when WeChat reaches the tenant, else why not."""
    if not tenant.openid:
        return "仅有业户档案，未关注服务号"
    if not tenant.subscribed:
        return "已取消关注服务号"
    return None


def send_notice(session: so.Session, site: Site, actor: Staff, *, title: str, body: str, audience: str,
                target: str = "", form_key: str) -> tuple[Notice, bool]:
    """Record the notice and queue one delivery per reachable tenant (after the caller
    commits). The same `form_key` again (the form posted twice) gives the notice already
    sent and sends nothing: (notice, False)."""
    if actor is None or not actor.active or actor.role not in SENDERS:
        raise PermissionDenied("只有主管或管理员可以发送通知")
    if not actor.can_see_site(site.id):
        raise PermissionDenied("无权向其他服务中心的租户发送通知")
    form_key = (form_key or "").strip()[:40]
    if not form_key:
        raise ValidationError("表单已失效，请刷新页面后重新填写", field="title")
    sent = session.scalar(sa.select(Notice).where(Notice.form_key == form_key))
    if sent is not None:
        return sent, False
    title, body = (title or "").strip(), (body or "").strip()
    if not title or len(title) > MAX_TITLE:
        raise ValidationError(f"请填写通知标题（不超过{MAX_TITLE}字）", field="title")
    if not body or len(body) > MAX_BODY:
        raise ValidationError(f"请填写通知内容（不超过{MAX_BODY}字）", field="body")
    target = (target or "").strip()[:2000] if audience != "site" else ""
    tenants = audience_tenants(session, site, audience, target)
    if not tenants:
        raise ValidationError("该范围内没有租户", field=audience if audience != "site" else "audience")
    notice = Notice(site_id=site.id, title=title, body=body, audience=audience, target=target or None,
                    form_key=form_key, created_by_id=actor.id, created_at=machine.now())
    session.add(notice)
    recipients = [NoticeRecipient(notice=notice, tenant_id=t.id, delivery="unreachable" if _reachable(t) else "pending",
                                  error=_reachable(t)) for t in tenants]
    session.add_all(recipients)
    session.flush()
    for recipient in recipients:
        if recipient.delivery == "pending":
            session.add(Outbox(kind=SEND_NOTICE, payload={"recipient_id": recipient.id, "site_id": site.id}))
    return notice, True


def delivery_counts(session: so.Session, notice_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Per notice: how many recipients, and how many of each delivery state."""
    counts: dict[int, dict[str, int]] = {}
    for notice_id, delivery, n in session.execute(
            sa.select(NoticeRecipient.notice_id, NoticeRecipient.delivery, sa.func.count())
            .where(NoticeRecipient.notice_id.in_(list(notice_ids)))
            .group_by(NoticeRecipient.notice_id, NoticeRecipient.delivery)):
        entry = counts.setdefault(notice_id, {state: 0 for state in (*DELIVERIES, "total")})
        entry[delivery] = n
        entry["total"] += n
    return counts


def audience_choices(session: so.Session, site: Site) -> dict[str, list[str]]:
    """The buildings and floors the site's units name, for the compose form."""
    def distinct(column):
        return session.scalars(sa.select(column).where(Unit.site_id == site.id, column.is_not(None))
                               .distinct().order_by(column)).all()

    return {"building": distinct(Unit.building), "floor": distinct(Unit.floor)}


# A tenant asking about an outage the centre announced (周六停水吗, 今天停电吗, 什么时候来水):
# the supply the question names, and the words a notice about it uses
_SUPPLIES = {
    "water": (re.compile(r"停水|断水|没水|供水|来水|水压"), re.compile(r"停水|断水|供水")),
    "power": (re.compile(r"停电|断电|没电|供电|来电"), re.compile(r"停电|断电|供电")),
    "gas": (re.compile(r"停气|燃气|煤气|天然气"), re.compile(r"停气|燃气|煤气|天然气")),
    "lift": (re.compile(r"电梯"), re.compile(r"电梯")),
}
NOTICE_ANSWERS_FOR = timedelta(days=14)


def notice_about(session: so.Session, tenant_id: int, text: str, now: datetime) -> Optional[Notice]:
    """The newest notice sent to the tenant within NOTICE_ANSWERS_FOR about the supply the
    text asks of (停水, 停电, 燃气, 电梯), if any."""
    wanted = [told for asked, told in _SUPPLIES.values() if asked.search(text or "")]
    if not wanted:
        return None
    sent = session.scalars(
        sa.select(Notice).join(NoticeRecipient, NoticeRecipient.notice_id == Notice.id)
        .where(NoticeRecipient.tenant_id == tenant_id, Notice.created_at >= now - NOTICE_ANSWERS_FOR)
        .order_by(Notice.created_at.desc()).limit(10))
    return next((n for n in sent if any(told.search(n.title + n.body) for told in wanted)), None)
