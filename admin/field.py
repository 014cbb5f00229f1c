"""The engineer's phone: 「我的任务」, the 回执 signed on screen, and the photos and
signatures staff add to a ticket, served only to staff who may see the ticket."""
from __future__ import annotations

from flask import abort, current_app, render_template, request

import workflow
from admin import bp, forms, task_queries
from admin.access import ALL_STAFF, FIELD, current_staff, require, ticket_or_abort
from admin.forms import FormState
from admin.ticket_views import change_ticket, send_image
from models import Staff, Ticket, TicketFile, db, utcnow
from workflow import machine
from workflow.errors import WorkflowError
from workflow.fieldwork import signature


def may(action: str, ticket: Ticket, staff: Staff) -> bool:
    try:
        machine.check(action, ticket, staff)
    except WorkflowError:
        return False
    return True


@bp.get("/tasks")
@require(FIELD)
def my_tasks():
    staff = current_staff()
    tasks = task_queries.my_tasks(db.session, staff)
    can_arrive = {t.order.id for t in tasks if t.order.arrived_at is None and may("arrive", t.ticket, staff)}
    return render_template("admin/tasks.html", tasks=tasks, now=utcnow(), can_arrive=can_arrive)


@bp.get("/tickets/<int:ticket_id>/files/<int:file_id>")
@require(ALL_STAFF)
def ticket_file(ticket_id: int, file_id: int):
    """A photo before or after the work, or the 回执 signature (for the ticket page and a
    printed 回执单)."""
    ticket = ticket_or_abort(ticket_id)
    kept = db.session.get(TicketFile, file_id)
    if kept is None or kept.ticket_id != ticket.id:
        abort(404)
    return send_image(kept.path)


def _render_receipt(ticket: Ticket, state: FormState | None = None, status: int = 200):
    staff = current_staff()
    done = [o for o in ticket.dispatch_orders if o.status == "done"]
    return render_template(
        "admin/receipt.html", t=ticket, order=done[-1] if done else None, signature=signature(db.session, ticket),
        can_sign=not ticket.receipt_confirmed and may("confirm_receipt", ticket, staff), state=state or FormState(),
    ), status


@bp.route("/tickets/<int:ticket_id>/receipt", methods=["GET", "POST"])
@require(ALL_STAFF)
def receipt(ticket_id: int):
    """The 回执 on the engineer's screen: the tenant reads it, writes their name and signs."""
    if request.method == "GET":
        return _render_receipt(ticket_or_abort(ticket_id))
    return change_ticket(
        ticket_id,
        lambda t: workflow.sign_receipt(db.session, t, current_staff(), signer=forms.text("signer", 40),
                                        png=forms.data_url_png("signature", "租户在签名框内签名"),
                                        media_root=current_app.config["INSTANCE_PATH"]),
        lambda t, exc: _render_receipt(t, FormState.refused("receipt", exc, secret=("signature",)), exc.status_code),
        "回执已由租户签名确认")
