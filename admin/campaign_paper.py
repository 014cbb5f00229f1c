"""Paper questionnaires (seed §七(2)) for tenants WeChat cannot reach: a printable form for
each of them in the questionnaire's scope, and the desk's entry of the answers handed in."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin.access import DESK_UP, current_staff, require, site_row_or_abort
from admin.forms import FormState
from models import Campaign, db
from workflow.campaigns import QUESTION_KINDS, is_open, paper_tenants, record_paper_answers
from workflow.visit_plans import unit_tenant


@bp.get("/campaigns/<int:campaign_id>/print")
@require(DESK_UP)
def print_questionnaire(campaign_id: int):
    campaign = site_row_or_abort(Campaign, campaign_id)
    tenants = [] if request.args.get("blank") else paper_tenants(db.session, campaign)
    return render_template("admin/campaign_print.html", campaign=campaign, site=campaign.site, tenants=tenants,
                           kinds=QUESTION_KINDS)


def _entry_page(campaign: Campaign, state: FormState, status: int = 200):
    return render_template("admin/campaign_paper.html", campaign=campaign, site=campaign.site, state=state,
                           waiting=paper_tenants(db.session, campaign), collecting=is_open(campaign)), status


@bp.route("/campaigns/<int:campaign_id>/paper", methods=["GET", "POST"])
@require(DESK_UP)
def enter_paper_answers(campaign_id: int):
    campaign = site_row_or_abort(Campaign, campaign_id)
    if request.method == "GET":
        return _entry_page(campaign, FormState())
    with forms.Submission("paper") as sent:
        tenant = unit_tenant(db.session, campaign.site, forms.text("unit", 40), forms.text("name", 40))
        answers = {q.id: forms.text(f"q{q.id}", 600) for q in campaign.questions}
        record_paper_answers(db.session, campaign, current_staff(), tenant, answers)
    if sent.refused:
        return _entry_page(campaign, sent.refused, 400)
    flash(f"已录入{tenant.name or '租户'}的纸质答卷", "success")
    return redirect(url_for("admin.enter_paper_answers", campaign_id=campaign.id))
