"""通知 at /admin/notices: a supervisor writes a notice for a site, a building, a floor or a
list of units and sends it; each notice's page counts the deliveries and lists the failures
and the tenants to call instead. Sending is a post that redirects (a reload sends nothing),
and the form's one-time key makes a second post of the same form send nothing either."""
from __future__ import annotations

import secrets

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin.access import SUPERVISION, current_staff, require, site_or_abort, site_row_or_abort, visible_sites
from admin.forms import FormState
from models import Notice, NoticeRecipient, Tenant, Unit, db
from models.notices import AUDIENCES, DELIVERIES
from workflow.notices import audience_choices, delivery_counts, send_notice


def _page(site, state: FormState, status: int = 200):
    notices = db.session.scalars(sa.select(Notice).where(Notice.site_id == site.id)
                                 .order_by(Notice.id.desc()).limit(100)).all()
    return render_template("admin/notices.html", site=site, sites=visible_sites(current_staff()), notices=notices,
                           counts=delivery_counts(db.session, [n.id for n in notices]), audiences=AUDIENCES,
                           choices=audience_choices(db.session, site), state=state,
                           form_key=state.value("form_key") or secrets.token_urlsafe(18)), status


@bp.route("/notices", methods=["GET", "POST"])
@require(SUPERVISION)
def notices():
    site = site_or_abort(request.values.get("site"))
    if request.method == "GET":
        return _page(site, FormState())
    audience = forms.text("audience", 10)
    key = forms.text("form_key", 40)
    try:
        with forms.Submission("notice") as sent:
            notice, created = send_notice(db.session, site, current_staff(), title=forms.text("title", 100),
                                          body=forms.text("body", 2000), audience=audience,
                                          target=forms.text(audience, 2000) if audience in AUDIENCES else "",
                                          form_key=key)
    except sa.exc.IntegrityError:  # the same form posted twice at once: the first one sent it
        db.session.rollback()
        notice, created = db.session.scalar(sa.select(Notice).where(Notice.form_key == key)), False
    if sent.refused:
        return _page(site, sent.refused, 400)
    if created:
        flash(f"通知「{notice.title}」已提交发送", "success")
    else:
        flash("该通知已经发送过，没有重复发送", "info")
    return redirect(url_for("admin.notice", notice_id=notice.id))


@bp.get("/notices/<int:notice_id>")
@require(SUPERVISION)
def notice(notice_id: int):
    found = site_row_or_abort(Notice, notice_id)
    rows = db.session.execute(
        sa.select(NoticeRecipient, Tenant, Unit.code).join(Tenant, Tenant.id == NoticeRecipient.tenant_id)
        .outerjoin(Unit, Unit.id == Tenant.unit_id)
        .where(NoticeRecipient.notice_id == found.id).order_by(Unit.code, NoticeRecipient.id)).all()
    return render_template("admin/notice.html", notice=found, site=found.site, rows=rows, deliveries=DELIVERIES,
                           audiences=AUDIENCES, counts=delivery_counts(db.session, [found.id]).get(found.id, {}))
