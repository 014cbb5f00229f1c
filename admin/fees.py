"""收费标准 at /admin/settings/fees: the site's priced items that paid-repair quotes are built
from (supervisors and admins)."""
from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin.access import SUPERVISION, current_staff, require, site_or_abort, site_row_or_abort, visible_sites
from admin.forms import FormState
from models import ComplaintCode, FeeItem, Site, db
from workflow.fees import fee_schedule, save_fee_item


def _save(site, item, form: str):
    with forms.Submission(form) as sent:
        saved = save_fee_item(db.session, site, item, name=forms.text("name", 60), unit=forms.text("unit", 10),
                              price=forms.text("price", 20), codes=forms.text("codes", 200),
                              active=forms.checkbox("active"))
    if sent.refused:
        return _page(site, sent.refused, 400)
    flash(f"已保存收费项目 {saved.name}", "success")
    return redirect(url_for("admin.fees", site=site.slug))


def _page(site, state: FormState, status: int = 200):
    codes = db.session.scalars(sa.select(ComplaintCode).where(ComplaintCode.active.is_(True))
                               .order_by(ComplaintCode.code)).all()
    return render_template("admin/fees.html", site=site, sites=visible_sites(current_staff()), state=state,
                           items=fee_schedule(db.session, site.id, active_only=False), codes=codes), status


@bp.route("/settings/fees", methods=["GET", "POST"])
@require(SUPERVISION)
def fees():
    site = site_or_abort(request.values.get("site"))
    if request.method == "POST":
        return _save(site, None, "fee")
    return _page(site, FormState())


@bp.post("/settings/fees/<int:item_id>")
@require(SUPERVISION)
def fee_edit(item_id: int):
    item = site_row_or_abort(FeeItem, item_id)
    return _save(db.session.get(Site, item.site_id), item, f"fee-{item_id}")
