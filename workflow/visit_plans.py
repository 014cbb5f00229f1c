"""走访 (seed §七(1) 根据工作需要，定期或不定期地走访客户) as the console plans it: a month's
regular visits to a site, a building or some units (``plan_regular_visits``, on top of
``workflow.campaigns.create_visit_plan``), and an occasional visit to one tenant with its
own date and purpose (``plan_occasional_visit``). Each visit is a FollowUp recorded with
``workflow.followups.record_visit``; its plan item says who visits and why.

Functions add to the session and never commit: the caller owns the transaction."""
from __future__ import annotations

from datetime import date
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import FollowUp, Site, Staff, Tenant, Unit, VisitPlan, VisitPlanItem
from models.localtime import day_end, today
from workflow.campaigns import ORGANISERS, check_organiser, check_visitor, create_visit_plan
from workflow.errors import ValidationError
from workflow.notices import audience_tenants

REGULAR, OCCASIONAL = "periodic", "occasional"
VISIT_PLAN_KINDS = {REGULAR: "定期走访", OCCASIONAL: "不定期走访"}
MAX_PURPOSE = 200


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
