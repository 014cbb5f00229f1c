"""走访 at /admin/visit-plans (seed §七(1) 根据工作需要，定期或不定期地走访客户): a month's
regular visits to a site, a building, a floor or some units, occasional visits with their
own date and purpose, each assigned to a member of staff, and the result recorded."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin import visit_plan_queries as queries
from admin.access import DESK_UP, current_staff, require, site_or_abort, site_row_or_abort, visible_sites
from admin.forms import FormState
from models import FollowUp, Site, VisitPlanItem, db, utcnow
from models.notices import AUDIENCES
from workflow.followups import VISIT_METHODS, record_visit
from workflow.notices import audience_choices
from workflow.visit_plans import (
    VISIT_PLAN_KINDS,
    plan_occasional_visit,
    plan_regular_visits,
    reassign_visit,
    unit_tenant,
    visitors,
)


def _page(site, year: int, month: int, state: FormState, status: int = 200):
    items = queries.ordered_items(queries.month_plan(site, year, month))
    return render_template("admin/visit_plans.html", site=site, sites=visible_sites(current_staff()),
                           month=f"{year:04d}-{month:02d}", year=year, month_number=month,
                           previous=queries.shift(year, month, -1), following=queries.shift(year, month, 1),
                           items=items, progress=queries.progress(items), due_day=queries.due_day,
                           kinds=VISIT_PLAN_KINDS, methods=VISIT_METHODS, audiences=AUDIENCES, choices=audience_choices(db.session, site),
                           visitors=visitors(db.session, site), now=utcnow(), state=state), status


def _month_url(site, year: int, month: int) -> str:
    return url_for("admin.visit_plans", site=site.slug, month=f"{year:04d}-{month:02d}")


@bp.route("/visit-plans", methods=["GET", "POST"])
@require(DESK_UP)
def visit_plans():
    site = site_or_abort(request.values.get("site"))
    year, month = queries.month_or_this(request.values.get("month"))
    if request.method == "GET":
        return _page(site, year, month, FormState())
    with forms.Submission("regular") as sent:
        year, month = queries.posted_month()
        audience = forms.text("audience", 10)
        _, added = plan_regular_visits(db.session, site, current_staff(), year=year, month=month, audience=audience,
                                       target=forms.text(audience, 2000) if audience in AUDIENCES else "",
                                       assignee=queries.posted_assignee(visitors(db.session, site)),
                                       note=forms.text("note", 500))
    if sent.refused:
        return _page(site, year, month, sent.refused, 400)
    flash(f"已将 {added} 位租户列入{year}年{month}月的定期走访" if added else "这些租户本月已在走访计划中", "success")
    return redirect(_month_url(site, year, month))


@bp.post("/visit-plans/occasional")
@require(DESK_UP)
def plan_occasional():
    site = site_or_abort(request.values.get("site"))
    year, month = queries.month_or_this(request.values.get("month"))
    with forms.Submission("occasional") as sent:
        due_on = queries.posted_date("due_on", "应走访日期")
        item = plan_occasional_visit(db.session, site, current_staff(),
                                     tenant=unit_tenant(db.session, site, forms.text("unit", 40), forms.text("name", 40)),
                                     due_on=due_on, purpose=forms.text("purpose", 300),
                                     assignee=queries.posted_assignee(visitors(db.session, site)))
    if sent.refused:
        return _page(site, year, month, sent.refused, 400)
    flash(f"已安排对{item.tenant.name or '租户'}的不定期走访", "success")
    return redirect(_month_url(site, due_on.year, due_on.month))


@bp.post("/visit-plans/visits/<int:visit_id>")
@require(DESK_UP)
def record_planned_visit(visit_id: int):
    visit = site_row_or_abort(FollowUp, visit_id)
    if visit.ticket_id is not None or visit.kind not in VISIT_PLAN_KINDS:
        abort(404)
    site = db.session.get(Site, visit.site_id)
    year, month = queries.month_or_this(request.values.get("month"))  # the month the page showed
    with forms.Submission(f"visit-{visit_id}") as sent:
        record_visit(db.session, visit, current_staff(), method=forms.text("method", 10), result=forms.text("result"))
    if sent.refused:
        return _page(site, year, month, sent.refused, 400)
    flash("走访结果已记录", "success")
    return redirect(_month_url(site, year, month))


@bp.post("/visit-plans/items/<int:item_id>/assignee")
@require(DESK_UP)
def reassign_planned_visit(item_id: int):
    item = db.session.get(VisitPlanItem, item_id)
    if item is None:
        abort(404)
    site = item.plan.site
    if not current_staff().can_see_site(site.id):
        abort(403)
    year, month = queries.month_or_this(request.values.get("month"))
    with forms.Submission(f"assign-{item_id}") as sent:
        reassign_visit(db.session, item, current_staff(), queries.posted_assignee(visitors(db.session, site)))
    if sent.refused:
        return _page(site, year, month, sent.refused, 400)
    flash("已改派走访人员", "success")
    return redirect(_month_url(site, year, month))
