"""Return visits (回访, seed §七(5)(6)): what is due or overdue, the script to read, the
result form, and "today is rainy" per site (which makes leak visits due)."""
from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for

from admin import bp, forms, scripts
from admin.access import DESK_UP, current_staff, require, site_or_abort, visible_sites
from admin.forms import FormState
from models import FollowUp, RainDay, db, utcnow
from models.localtime import today as local_today
from models.queries import site_ids
from workflow.callbacks import CALL_KINDS
from workflow.followups import VISIT_METHODS, due_visits, record_rain_day


def _render(state: FormState | None = None, status: int = 200):
    staff, now = current_staff(), utcnow()
    ids = site_ids(staff)
    # The calls only the call list records (they may need a score): admin/callbacks.py.
    due = db.session.scalars(due_visits(db.session, ids, now).where(FollowUp.kind.not_in(CALL_KINDS))
                             .limit(200)).all()
    waiting_stmt = sa.select(FollowUp).where(FollowUp.done_at.is_(None), FollowUp.due_at.is_(None))
    done_stmt = sa.select(FollowUp).where(FollowUp.done_at.is_not(None))
    if ids is not None:
        waiting_stmt = waiting_stmt.where(FollowUp.site_id.in_(ids))
        done_stmt = done_stmt.where(FollowUp.site_id.in_(ids))
    waiting = db.session.scalars(waiting_stmt.order_by(FollowUp.id).limit(100)).all()
    done = db.session.scalars(done_stmt.order_by(FollowUp.done_at.desc()).limit(20)).all()
    today = local_today()
    sites = visible_sites(staff)
    rainy = set(db.session.scalars(sa.select(RainDay.site_id).where(RainDay.day == today)))
    script = {v.id: scripts.lines(scripts.VISIT, v.ticket.site if v.ticket else None,
                                  content=v.ticket.content[:40] if v.ticket else "") for v in due}
    return render_template("admin/visits.html", due=due, waiting=waiting, done=done, sites=sites, rainy=rainy,
                           today=today, now=now, script=script, methods=VISIT_METHODS,
                           state=state or FormState()), status


@bp.get("/visits")
@require(DESK_UP)
def visits():
    return _render()


@bp.post("/visits/<int:visit_id>")
@require(DESK_UP)
def record_visit(visit_id: int):
    from workflow.followups import record_visit as record

    visit = db.session.get(FollowUp, visit_id)
    if visit is None:
        abort(404)
    if not current_staff().can_see_site(visit.site_id):
        abort(403)
    with forms.Submission(f"visit-{visit_id}") as sent:
        record(db.session, visit, current_staff(), method=forms.text("method", 10), result=forms.text("result"))
    if sent.refused:
        return _render(sent.refused, 400)
    flash("回访结果已记录", "success")
    return redirect(url_for("admin.visits"))


@bp.post("/visits/rain")
@require(DESK_UP)
def mark_rainy():
    slug = forms.text("site", 40)
    if not slug:
        abort(400)
    site = site_or_abort(slug)
    _, became_due = record_rain_day(db.session, site, local_today(), "staff")
    db.session.commit()
    flash(f"已将今天标记为{site.name}的雨天，{became_due}个渗漏回访将在明天到期", "success")
    return redirect(url_for("admin.visits"))
