"""问卷 at /admin/campaigns (seed §七(2) 定期发放调查问卷，24小时之内收回): the desk or a
supervisor composes a questionnaire, sends it to a site, a building or some units by
WeChat, watches the answers arrive on its page and closes it (the periodic job closes it
after 24 hours anyway)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from admin import bp, campaign_queries, forms
from admin.access import DESK_UP, current_staff, require, site_or_abort, site_row_or_abort, visible_sites
from admin.forms import FormState
from models import Campaign, db, utcnow
from workflow.campaigns import (
    CAMPAIGN_HOURS,
    MAX_QUESTIONS,
    QUESTION_KINDS,
    campaign_results,
    close_campaign,
    create_campaign,
    delete_draft,
    send_campaign,
)
from workflow.notices import audience_choices


def _list_page(site, state: FormState, status: int = 200):
    campaigns = campaign_queries.site_campaigns(site)
    return render_template("admin/campaigns.html", site=site, sites=visible_sites(current_staff()),
                           campaigns=campaigns, counts=campaign_queries.campaign_counts([c.id for c in campaigns]),
                           statuses=campaign_queries.STATUSES, kinds=QUESTION_KINDS, slots=MAX_QUESTIONS,
                           open_slots=campaign_queries.OPEN_SLOTS, audience_label=campaign_queries.audience_label,
                           state=state), status


@bp.route("/campaigns", methods=["GET", "POST"])
@require(DESK_UP)
def campaigns():
    site = site_or_abort(request.values.get("site"))
    if request.method == "GET":
        return _list_page(site, FormState())
    questions, slots = campaign_queries.posted_questions()
    with forms.Submission("campaign") as sent:
        campaign = create_campaign(db.session, site, current_staff(), title=forms.text("title", 100),
                                   intro=forms.text("intro", 500), questions=questions)
    if sent.refused:
        sent.refused.field = campaign_queries.slot_field(sent.refused.field, slots)
        return _list_page(site, sent.refused, 400)
    flash(f"问卷「{campaign.title}」已保存，请选择发送范围", "success")
    return redirect(url_for("admin.campaign", campaign_id=campaign.id))


def _campaign_page(campaign: Campaign, state: FormState, status: int = 200):
    results = campaign_results(db.session, campaign) if campaign.status != "draft" else None
    return render_template("admin/campaign.html", campaign=campaign, site=campaign.site, results=results,
                           rows=campaign_queries.recipients(campaign), deliveries=campaign_queries.DELIVERIES,
                           statuses=campaign_queries.STATUSES, kinds=QUESTION_KINDS,
                           audiences=campaign_queries.AUDIENCES, choices=audience_choices(db.session, campaign.site),
                           audience_label=campaign_queries.audience_label(campaign), hours=CAMPAIGN_HOURS,
                           now=utcnow(), state=state), status


@bp.get("/campaigns/<int:campaign_id>")
@require(DESK_UP)
def campaign(campaign_id: int):
    return _campaign_page(site_row_or_abort(Campaign, campaign_id), FormState())


@bp.post("/campaigns/<int:campaign_id>/send")
@require(DESK_UP)
def send_questionnaire(campaign_id: int):
    found = site_row_or_abort(Campaign, campaign_id)
    with forms.Submission("send") as sent:
        count = send_campaign(db.session, found, current_staff(), hours=forms.int_value("hours", "收集时间", True),
                              **campaign_queries.posted_audience())
    if sent.refused:
        return _campaign_page(found, sent.refused, 400)
    flash(f"问卷已提交发送给 {count} 位租户", "success")
    return redirect(url_for("admin.campaign", campaign_id=found.id))


@bp.post("/campaigns/<int:campaign_id>/close")
@require(DESK_UP)
def close_questionnaire(campaign_id: int):
    found = site_row_or_abort(Campaign, campaign_id)
    with forms.Submission("close") as sent:
        close_campaign(db.session, found, current_staff())
    if sent.refused:
        return _campaign_page(found, sent.refused, 400)
    flash("问卷已结束收集", "success")
    return redirect(url_for("admin.campaign", campaign_id=found.id))


@bp.post("/campaigns/<int:campaign_id>/delete")
@require(DESK_UP)
def delete_questionnaire(campaign_id: int):
    found = site_row_or_abort(Campaign, campaign_id)
    site, title = found.site, found.title
    with forms.Submission("delete") as sent:
        delete_draft(db.session, found, current_staff())
    if sent.refused:
        return _campaign_page(found, sent.refused, 400)
    flash(f"问卷草稿「{title}」已删除", "success")
    return redirect(url_for("admin.campaigns", site=site.slug))
