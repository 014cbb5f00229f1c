"""What staff receive: dispatch orders, upset tenants, reopened and overdue tickets,
escalations, overdue visits, phone messages. Staff with a WeChat openid get the message,
with a link to the ticket's page when it is about one; every notice about a ticket is
named on its timeline, with who could not be reached."""
from __future__ import annotations

from typing import Optional

import sqlalchemy as sa

from jobs import outbound
from jobs.notify import Outcome, fields, short, when
from jobs.runtime import JobContext
from jobs.wechat_client import RetryableWeChatError, WeChatAPIError
from models import Department, FollowUp, Outbox, Role, Site, Staff, Tenant, Ticket, VisitPlanItem, staff_sites
from models.localtime import for_people
from workflow import system_events
from workflow.phrasebook import phrase


def _site_staff(ctx: JobContext, site_id: int):
    return (sa.select(Staff).join(staff_sites, staff_sites.c.staff_id == Staff.id)
            .where(staff_sites.c.site_id == site_id, Staff.active.is_(True)).order_by(Staff.id))


def supervisors(ctx: JobContext, site_id: int) -> list[Staff]:
    return list(ctx.session.scalars(_site_staff(ctx, site_id).where(Staff.role == Role.SUPERVISOR)))


def desk_staff(ctx: JobContext, site_id: int) -> list[Staff]:
    """The site's dispatching desk (客服); without one, its supervisors."""
    return (list(ctx.session.scalars(_site_staff(ctx, site_id).where(Staff.role == Role.DESK)))
            or supervisors(ctx, site_id))


def _department_staff(ctx: JobContext, site_id: int, department_id: int) -> list[Staff]:
    return list(ctx.session.scalars(_site_staff(ctx, site_id).where(Staff.department_id == department_id)))


def _owner(ctx: JobContext, ticket: Ticket) -> list[Staff]:
    """首问负责人; a ticket nobody has touched yet goes to whoever holds its dispatch order,
    then the department, then the supervisors."""
    if ticket.owner is not None and ticket.owner.active:
        return [ticket.owner]
    order = ticket.active_dispatch
    if order is not None and order.assignee is not None and order.assignee.active:
        return [order.assignee]
    department_id = order.department_id if order is not None else ticket.department_id
    staff = _department_staff(ctx, ticket.site_id, department_id) if department_id else []
    return staff or supervisors(ctx, ticket.site_id)


def staff_recipients(ctx: JobContext, row: Outbox, ticket: Optional[Ticket]) -> list[Staff]:
    payload = row.payload or {}
    site_id = ticket.site_id if ticket is not None else payload.get("site_id")
    if payload.get("staff_id"):
        staff = ctx.session.get(Staff, payload["staff_id"])
        return [staff] if staff is not None and staff.active else []
    if payload.get("to") == "supervisors":
        return supervisors(ctx, site_id)
    if payload.get("to") == "desk":
        return desk_staff(ctx, site_id)
    if payload.get("department_id"):
        return _department_staff(ctx, site_id, payload["department_id"])
    if payload.get("to") == "owner" and ticket is not None:
        return _owner(ctx, ticket)
    return supervisors(ctx, site_id) if site_id else []


DISPATCH_NOTE_MAX = 80  # the dispatch's note and the report in one notice


def staff_text(ctx: JobContext, row: Outbox, ticket: Optional[Ticket], site: Site) -> str:
    payload = row.payload or {}
    event = payload.get("event", "")
    values = {k: v for k, v in payload.items() if isinstance(v, str | int)}
    if ticket is not None:
        order = ticket.active_dispatch
        department = ctx.session.get(Department, ticket.department_id) if ticket.department_id else None
        values.update(number=ticket.number, content=short(ticket.content), unit=ticket.unit_code or "未登记铺位",
                      department=department.name if department else "—",
                      due=for_people(order.due_at if order else ticket.due_at))
    if event == "dispatched" and ticket is not None and payload.get("note"):
        # what the dispatcher added (租户补充，转为紧急：水漫到店里了) is what the worker must read first
        values["content"] = short(f"{payload['note']}；{ticket.content}", DISPATCH_NOTE_MAX)
    if event == "phone_message":
        values["at"] = when(ctx, payload.get("at"))
        values["contact"] = "，".join(x for x in (payload.get("phone"), payload.get("unit")) if x) or "未留电话"
    if event == "visit_overdue":
        visit = ctx.session.get(FollowUp, payload.get("follow_up_id"))
        values["due"] = for_people(visit.due_at) if visit and visit.due_at else ""
        if visit is not None and visit.ticket is None:
            item = ctx.session.scalar(sa.select(VisitPlanItem).where(VisitPlanItem.follow_up_id == visit.id))
            tenant = item.tenant if item else ctx.session.get(Tenant, visit.tenant_id)
            values["tenant"] = (tenant.name or tenant.phone or "租户") if tenant else "租户"
            event = "visit_overdue_periodic"
    key = f"staff_{event}"
    try:
        return phrase(key, site, **values)
    except KeyError:
        return phrase("staff_generic", site, **values)


# The console's ticket page (admin.ticket); jobs/ does not import admin/. Opened signed
# out, it asks for sign-in and comes back here (the login page's `next`).
TICKET_PAGE = "/admin/tickets/{ticket_id}"


def ticket_link(ctx: JobContext, ticket: Ticket) -> str:
    return ctx.config["PUBLIC_BASE_URL"].rstrip("/") + TICKET_PAGE.format(ticket_id=ticket.id)


def notify_staff(ctx: JobContext, row: Outbox) -> Outcome:
    """Each recipient with a WeChat openid gets the message; the others, and everyone when
    the notice is about a ticket, are named on the ticket's timeline."""
    ticket = row.ticket
    payload = row.payload or {}
    site = ticket.site if ticket is not None else ctx.session.get(Site, payload.get("site_id"))
    if site is None:
        raise outbound.Undeliverable("通知没有所属服务中心")
    recipients = staff_recipients(ctx, row, ticket)
    text = staff_text(ctx, row, ticket, site)
    reachable = [s for s in recipients if s.openid]
    done = outbound.sent_to(ctx.session, row, [s.openid for s in reachable])
    sent, failed, retry_error = [], [], None
    template = fields(ctx, site, ticket.number if ticket else phrase("staff_notice_subject", site),
                     ticket.status.label if ticket else phrase("staff_notice_state", site), text)
    link = ticket_link(ctx, ticket) if ticket is not None else payload.get("link")  # e.g. a monthly report
    for staff in reachable:
        if staff.openid in done:
            sent.append(staff)
            continue
        try:
            result = outbound.send(ctx, site, staff.openid, text, template, window=False, url=link)
        except RetryableWeChatError as exc:
            retry_error = exc
            continue
        except (WeChatAPIError, outbound.Undeliverable) as exc:
            failed.append((staff, str(exc)))
            outbound.record(ctx.session, row, site_id=site.id, openid=staff.openid, text=text,
                            error=str(exc), staff_id=staff.id, about_ticket=ticket.id if ticket else None)
            continue
        outbound.record(ctx.session, row, site_id=site.id, openid=staff.openid, text=text, result=result,
                        staff_id=staff.id, about_ticket=ticket.id if ticket else None)
        sent.append(staff)
    if retry_error is not None:
        ctx.session.commit()  # keep who already got it; the retry sends to the rest only
        raise retry_error
    unreachable = [s for s in recipients if not s.openid]
    if failed and not sent and not unreachable:
        raise outbound.Undeliverable("；".join(f"{s.display_name}：{e}" for s, e in failed))
    if ticket is not None:
        system_events.staff_notified(ctx.session, ticket, text, sent=sent, unreachable=unreachable, failed=failed,
                                event=payload.get("event", ""), outbox_id=row.id)
    if not recipients:
        return Outcome("skipped", "没有可通知的工作人员")
    if not sent:
        return Outcome("skipped", "未能通过微信送达，已记录在工单时间线")
    return Outcome("done", f"已通知 {len(sent)} 人")
