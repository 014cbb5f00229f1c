"""问答 at /admin/faq: the answers the bot gives at once, kept by the desk per site, and the
questions handed to a person most often lately, to add next."""
from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin.access import DESK_UP, current_staff, require, site_or_abort, site_row_or_abort, visible_sites
from admin.forms import FormState
from models import FaqEntry, Site, db
from workflow.faq import hits, save_entry, unanswered


def _page(site: Site, state: FormState, status: int = 200):
    entries = db.session.scalars(sa.select(FaqEntry).where(FaqEntry.site_id == site.id)
                                 .order_by(FaqEntry.active.desc(), FaqEntry.id)).all()
    return render_template("admin/faq.html", site=site, sites=visible_sites(current_staff()), entries=entries,
                           hits=hits(db.session, site.id), unanswered=unanswered(db.session, site), state=state,
                           ask=(request.args.get("ask") or "")[:100]), status


def _save(site: Site, entry: FaqEntry | None, form: str):
    with forms.Submission(form) as sent:
        saved = save_entry(db.session, site, entry, current_staff(), question=forms.text("question", 200),
                           phrasings=forms.text("phrasings", 4000), answer=forms.text("answer", 2000),
                           active=forms.checkbox("active"))
    if sent.refused and entry is not None:
        return render_template("admin/faq_edit.html", site=site, entry=entry, state=sent.refused), 400
    if sent.refused:
        return _page(site, sent.refused, 400)
    flash(f"已保存问答「{saved.question}」", "success")
    return redirect(url_for("admin.faq", site=site.slug))


@bp.route("/faq", methods=["GET", "POST"])
@require(DESK_UP)
def faq():
    site = site_or_abort(request.values.get("site"))
    if request.method == "POST":
        return _save(site, None, "faq")
    return _page(site, FormState())


@bp.route("/faq/<int:entry_id>", methods=["GET", "POST"])
@require(DESK_UP)
def faq_edit(entry_id: int):
    entry = site_row_or_abort(FaqEntry, entry_id)
    site = db.session.get(Site, entry.site_id)
    if request.method == "POST":
        return _save(site, entry, "faq")
    return render_template("admin/faq_edit.html", site=site, entry=entry, state=FormState())


@bp.post("/faq/<int:entry_id>/toggle")
@require(DESK_UP)
def faq_toggle(entry_id: int):
    entry = site_row_or_abort(FaqEntry, entry_id)
    entry.active = not entry.active
    db.session.commit()
    flash(f"已{'启用' if entry.active else '停用'}问答「{entry.question}」", "success")
    return redirect(url_for("admin.faq", site=db.session.get(Site, entry.site_id).slug))
