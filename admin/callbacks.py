"""The call list (回访, seed §二注意(8), §三, §七(5)(6)): satisfaction calls to tenants outside
WeChat, letter return visits, delay and 'not our business' explanations still to be
phoned, and the urgent and after-rain visits; each with its script and a result form whose
score is the chat survey's 1–5."""
from __future__ import annotations

from datetime import datetime

from flask import abort, flash, redirect, render_template, url_for

from admin import bp, forms, scripts
from admin.access import DESK_UP, current_staff, require
from admin.forms import FormState
from models import FollowUp, Ticket, db, utcnow
from models.localtime import for_people
from models.queries import site_ids
from workflow.callbacks import needs_score, record_call
from workflow.followups import VISIT_METHODS, due_visits

MAX_LISTED = 200


def _last_delay(ticket: Ticket) -> tuple[str, str]:
    for event in reversed(ticket.events):
        if event.action == "delay":
            eta = (event.data or {}).get("new_eta")
            return event.note or "", for_people(datetime.fromisoformat(eta)) if eta else ""
    return "", ""


def _script(call: FollowUp) -> list[dict]:
    ticket = call.ticket
    if ticket is None:
        return scripts.lines(scripts.VISIT, None)
    keys = scripts.CALLS.get(call.kind, scripts.VISIT)
    reason, eta = _last_delay(ticket) if call.kind == "explain_delay" else ("", "")
    return scripts.lines(keys, ticket.site, content=ticket.content[:40], number=ticket.number,
                         result=ticket.result or "", reason=reason, eta=eta)


def _render(state: FormState | None = None, status: int = 200):
    staff, now = current_staff(), utcnow()
    calls = db.session.scalars(due_visits(db.session, site_ids(staff), now).where(FollowUp.ticket_id.is_not(None))
                               .limit(MAX_LISTED)).all()
    return render_template("admin/callbacks.html", calls=calls, now=now, methods=VISIT_METHODS,
                           script={c.id: _script(c) for c in calls}, needs_score=needs_score,
                           state=state or FormState()), status


@bp.get("/callbacks")
@require(DESK_UP)
def callbacks():
    return _render()


@bp.post("/callbacks/<int:call_id>")
@require(DESK_UP)
def record_callback(call_id: int):
    call = db.session.get(FollowUp, call_id)
    if call is None or call.ticket_id is None:
        abort(404)
    if not current_staff().can_see_site(call.site_id):
        abort(403)
    with forms.Submission(f"call-{call_id}") as sent:
        record_call(db.session, call, current_staff(), method=forms.text("method", 10), result=forms.text("result"),
                    score=forms.optional_text("score", 2))
    if sent.refused:
        return _render(sent.refused, 400)
    flash("回访结果已记录", "success")
    return redirect(url_for("admin.callbacks"))
