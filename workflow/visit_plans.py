"""走访 (seed §七(1) 根据工作需要，定期或不定期地走访客户): a month's plan (``create_visit_plan``)
lists the tenants to visit by the month's end, chosen by id or, as the console does, by site,
building, floor or units (``plan_regular_visits``); an occasional visit to one tenant has its
own date and purpose (``plan_occasional_visit``). Each visit is a FollowUp (kind "periodic"
or "occasional") recorded with ``workflow.followups.record_visit`` like a return visit; its
plan item says who visits and why.

Functions add to the session and never commit: the caller owns the transaction."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import FollowUp, Site, Staff, Tenant, Unit, VisitPlan, VisitPlanItem
from models.localtime import day_end, day_start, today
from workflow.campaigns import ORGANISERS, check_organiser
from workflow.errors import ValidationError
from workflow.notices import audience_tenants

REGULAR, OCCASIONAL = "periodic", "occasional"
VISIT_PLAN_KINDS = {REGULAR: "定期走访", OCCASIONAL: "不定期走访"}
MAX_PURPOSE = 200


def check_visitor(assignee: Optional[Staff], site_id: int) -> None:
    """Who visits records the result on the console's 走访 page: the desk, a supervisor or an admin."""
    if assignee is None:
        return
    if not assignee.active or assignee.role not in ORGANISERS or not assignee.can_see_site(site_id):
        raise ValidationError("走访人员须为本服务中心的客服、主管或管理员", field="assignee")


def _first_of_month(year: int, month: int) -> date:
    return date(year, month, 1)


def _take_month_plan(session: so.Session, site: Site, first: date, actor: Staff, note: str) -> VisitPlan:
    """The site's plan for the month, made if need be, and held for this transaction: the
    plan form posted twice at once must not plan the same visits twice."""
    def existing() -> Optional[VisitPlan]:
        return session.scalar(sa.select(VisitPlan).where(VisitPlan.site_id == site.id, VisitPlan.month == first))

    plan = existing()
    if plan is None:
        try:
            with session.begin_nested():
                plan = VisitPlan(site=site, month=first, created_by_id=actor.id, note=(note or "").strip() or None)
                session.add(plan)
            return plan
        except sa.exc.IntegrityError:  # the other post made it in between
            plan = existing()
    # Taken with an update, then read again: the other post's visits are seen, or wait.
    session.execute(sa.update(VisitPlan).where(VisitPlan.id == plan.id).values(note=VisitPlan.note))
    session.refresh(plan, ["items"])
    return plan


def create_visit_plan(session: so.Session, site: Site, actor: Staff, *, year: int, month: int,
                      tenant_ids: Sequence[int], assignee: Optional[Staff] = None, note: str = "") -> VisitPlan:
    """The month's visits: one FollowUp (kind "periodic") per tenant, due at the end of the
    month. Adding tenants to an existing plan adds their visits only."""
    check_organiser(actor, site.id)
    check_visitor(assignee, site.id)
    if not tenant_ids:
        raise ValidationError("请选择要走访的租户", field="tenants")
    first = _first_of_month(year, month)
    tenants = session.scalars(sa.select(Tenant).where(Tenant.site_id == site.id,
                                                      Tenant.id.in_(list(tenant_ids)))).all()
    if len(tenants) != len(set(tenant_ids)):
        raise ValidationError("所选租户不属于本服务中心", field="tenants")
    plan = _take_month_plan(session, site, first, actor, note)
    planned = {item.tenant_id for item in plan.items}
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    due_at = day_start(next_month)
    for tenant in tenants:
        if tenant.id in planned:
            continue
        visit = FollowUp(site_id=site.id, tenant_id=tenant.id, kind=REGULAR, due_at=due_at)
        session.add(visit)
        plan.items.append(VisitPlanItem(follow_up=visit, tenant_id=tenant.id,
                                        assignee_id=assignee.id if assignee else None))
    session.flush()
    return plan


def visit_plan(session: so.Session, site: Site, year: int, month: int) -> Optional[VisitPlan]:
    return session.scalar(sa.select(VisitPlan).where(VisitPlan.site_id == site.id,
                                                     VisitPlan.month == _first_of_month(year, month)))


def visit_plan_progress(session: so.Session, plan: VisitPlan) -> dict[str, int]:
    planned, done = session.execute(
        sa.select(sa.func.count(FollowUp.id), sa.func.count(FollowUp.done_at))
        .join(VisitPlanItem, VisitPlanItem.follow_up_id == FollowUp.id).where(VisitPlanItem.plan_id == plan.id)
    ).one()
    return {"planned": planned, "done": done}


def visitors(session: so.Session, site: Site) -> list[Staff]:
    """The staff who may be sent on a visit to the site's tenants."""
    staff = session.scalars(sa.select(Staff).where(Staff.active.is_(True), Staff.role.in_(ORGANISERS))
                            .options(so.selectinload(Staff.sites)).order_by(Staff.id)).all()
    return [s for s in staff if s.can_see_site(site.id)]


def plan_regular_visits(session: so.Session, site: Site, actor: Staff, *, year: int, month: int, audience: str,
                        target: str = "", assignee: Optional[Staff] = None, note: str = "") -> tuple[VisitPlan, int]:
    """The month's regular visits to the tenants of a site, building, floor or units
    (``workflow.notices`` AUDIENCES), due by the end of the month. Returns the plan and how
    many visits were added (tenants already planned this month are not planned twice)."""
    check_organiser(actor, site.id)
    if date(year, month, 1) < today().replace(day=1):
        raise ValidationError("不能为已过去的月份制定走访计划", field="month")
    tenants = audience_tenants(session, site, audience, target)
    if not tenants:
        raise ValidationError("该范围内没有租户", field=audience if audience != "site" else "audience")
    existing = session.scalar(sa.select(VisitPlan).where(VisitPlan.site_id == site.id,
                                                         VisitPlan.month == date(year, month, 1)))
    before = len(existing.items) if existing is not None else 0
    plan = create_visit_plan(session, site, actor, year=year, month=month, tenant_ids=[t.id for t in tenants],
                             assignee=assignee, note=note)
    return plan, len(plan.items) - before


def unit_tenant(session: so.Session, site: Site, unit_code: str, name: str = "") -> Tenant:
    """The tenant of a unit, by name when the unit has several (fields ``unit``, ``name``)."""
    unit_code, name = (unit_code or "").strip(), (name or "").strip()
    if not unit_code:
        raise ValidationError("请填写物业编号", field="unit")
    unit = Unit.find(session, site.id, unit_code)
    if unit is None:
        raise ValidationError(f"没有这个单元：{unit_code}", field="unit")
    tenants = session.scalars(sa.select(Tenant).where(Tenant.site_id == site.id, Tenant.unit_id == unit.id)
                              .order_by(Tenant.id)).all()
    if not tenants:
        raise ValidationError(f"单元{unit.code}没有租户档案，请先在业户档案中登记", field="unit")
    if name:
        named = [t for t in tenants if t.name == name]
        if not named:
            raise ValidationError(f"单元{unit.code}没有名为{name}的租户", field="name")
        return named[0]
    if len(tenants) > 1:
        raise ValidationError(f"单元{unit.code}有多位租户，请填写租户姓名", field="name")
    return tenants[0]


def plan_occasional_visit(session: so.Session, site: Site, actor: Staff, *, tenant: Tenant, due_on: Optional[date],
                          purpose: str, assignee: Optional[Staff] = None) -> VisitPlanItem:
    """One visit outside the monthly round, due by the end of ``due_on`` (a local date),
    listed in that month's plan."""
    check_organiser(actor, site.id)
    check_visitor(assignee, site.id)
    if tenant.site_id != site.id:
        raise ValidationError("该租户不属于本服务中心", field="unit")
    if due_on is None:
        raise ValidationError("请填写应走访日期", field="due_on")
    if due_on < today():
        raise ValidationError("应走访日期不能早于今天", field="due_on")
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError("请填写走访事由", field="purpose")
    if len(purpose) > MAX_PURPOSE:
        raise ValidationError(f"走访事由不能超过{MAX_PURPOSE}字", field="purpose")
    first = due_on.replace(day=1)
    plan = session.scalar(sa.select(VisitPlan).where(VisitPlan.site_id == site.id, VisitPlan.month == first))
    if plan is None:
        plan = VisitPlan(site=site, month=first, created_by_id=actor.id)
        session.add(plan)
    visit = FollowUp(site_id=site.id, tenant_id=tenant.id, kind=OCCASIONAL, due_at=day_end(due_on))
    session.add(visit)
    item = VisitPlanItem(follow_up=visit, tenant_id=tenant.id, assignee_id=assignee.id if assignee else None,
                         purpose=purpose)
    plan.items.append(item)
    session.flush()
    return item


def reassign_visit(session: so.Session, item: VisitPlanItem, actor: Staff, assignee: Optional[Staff]) -> None:
    """Another member of staff makes a visit not yet made (None: nobody named)."""
    check_organiser(actor, item.plan.site_id)
    check_visitor(assignee, item.plan.site_id)
    if item.follow_up.done_at is not None:
        raise ValidationError("该走访已记录结果，不能改派", field="assignee")
    item.assignee_id = assignee.id if assignee else None
