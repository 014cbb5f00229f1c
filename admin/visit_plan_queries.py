"""What the 走访 page reads: the month asked for, the posted dates and staff, and the month's
visits in the order they are to be made."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from admin import forms
from models import Site, Staff, Tenant, VisitPlan, VisitPlanItem, db, utcnow
from models.localtime import local_date, today
from workflow.errors import ValidationError

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(raw: Optional[str]) -> Optional[tuple[int, int]]:
    match = _MONTH.match((raw or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 2000 <= year <= 2100 and 1 <= month <= 12 else None


def month_or_this(raw: Optional[str]) -> tuple[int, int]:
    this = today()
    return parse_month(raw) or (this.year, this.month)


def shift(year: int, month: int, by: int) -> str:
    index = year * 12 + month - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def posted_month() -> tuple[int, int]:
    parsed = parse_month(forms.text("month", 10))
    if parsed is None:
        raise ValidationError("请选择月份", field="month")
    return parsed


def posted_date(name: str, label: str) -> Optional[date]:
    raw = forms.text(name, 10)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(f"{label}格式不正确", field=name) from None


def posted_assignee(choices: list[Staff]) -> Optional[Staff]:
    staff_id = forms.int_value("assignee", "走访人员")
    if staff_id is None:
        return None
    for staff in choices:
        if staff.id == staff_id:
            return staff
    raise ValidationError("走访人员须为本服务中心的客服、主管或管理员", field="assignee")


def due_day(item: VisitPlanItem) -> date:
    """The last local day of a visit (due_at is the start of the day after)."""
    return local_date(item.follow_up.due_at - timedelta(seconds=1))


def month_plan(site: Site, year: int, month: int) -> Optional[VisitPlan]:
    """The month's plan with what its page shows of each visit, loaded in a few queries
    whatever the number of visits (a whole site's plan lists hundreds)."""
    items = so.selectinload(VisitPlan.items)
    return db.session.scalar(
        sa.select(VisitPlan).where(VisitPlan.site_id == site.id, VisitPlan.month == date(year, month, 1))
        .options(items.selectinload(VisitPlanItem.follow_up), items.selectinload(VisitPlanItem.assignee),
                 items.selectinload(VisitPlanItem.tenant).selectinload(Tenant.unit)))


def ordered_items(plan: Optional[VisitPlan]) -> list[VisitPlanItem]:
    """Open visits first, soonest due first; then the visits made, latest first."""
    if plan is None:
        return []
    items = list(plan.items)
    open_ = sorted((i for i in items if i.follow_up.done_at is None), key=lambda i: (i.follow_up.due_at, i.id))
    done = sorted((i for i in items if i.follow_up.done_at is not None), key=lambda i: i.follow_up.done_at,
                  reverse=True)
    return open_ + done


def progress(items: list[VisitPlanItem]) -> dict[str, int]:
    now = utcnow()
    return {"planned": len(items), "done": sum(1 for i in items if i.follow_up.done_at is not None),
            "overdue": sum(1 for i in items if i.follow_up.done_at is None and i.follow_up.due_at < now)}
