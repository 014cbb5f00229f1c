"""The work queue, the ticket page, its actions and the tenant's photos."""
from __future__ import annotations

import os
from collections.abc import Callable

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for

from admin import bp, queue_queries, ticket_actions, ticket_queries
from admin.access import ALL_STAFF, current_staff, require, ticket_or_abort, visible_sites
from admin.formatting import EVENT_LABELS, VISIT_KINDS
from admin.forms import FormState
from models import ComplaintCode, Department, Message, Ticket, db, utcnow
from models.queries import FilterError
from workflow import fieldwork, letters, machine
from workflow.errors import InvalidTransition, PermissionDenied, ValidationError, WorkflowError
from workflow.media import MAX_PHOTO_BYTES, image_type


def _filter_choices() -> dict:
    return {
        "codes": db.session.scalars(sa.select(ComplaintCode).order_by(ComplaintCode.code)).all(),
        "departments": db.session.scalars(sa.select(Department).order_by(Department.id)).all(),
        "sites": visible_sites(current_staff()),
        "sorts": queue_queries.SORTS,
    }


@bp.get("/tickets")
@require(ALL_STAFF)
def queue():
    staff, now = current_staff(), utcnow()
    error, status = None, 200
    try:
        filters = queue_queries.QueueFilters.from_args(request.args)
        result = queue_queries.page(db.session, staff, filters, now)
    except FilterError as exc:
        error, status = exc, 400
        filters = queue_queries.QueueFilters()
        result = queue_queries.QueuePage([], 0, False)
    counts = queue_queries.counters(db.session, staff, now)
    return render_template("admin/queue.html", f=filters, page=result, counts=counts, error=error, now=now,
                           active=queue_queries.ACTIVE, replied_letters=letters.replied_ids(db.session, result.items),
                           **_filter_choices()), status


def _render_ticket(ticket, state: FormState | None = None, status: int = 200):
    staff = current_staff()
    msgs = ticket_queries.messages(db.session, ticket)
    visits = ticket_queries.follow_ups(db.session, ticket)
    poll = ticket_queries.survey(db.session, ticket)
    allowed = [a for a in machine.allowed_actions(ticket, staff) if a.name in ticket_actions.HANDLERS]
    kept = fieldwork.files(db.session, ticket)
    return render_template(
        "admin/ticket.html", t=ticket, state=state or FormState(), actions={a.name: a for a in allowed},
        timeline=ticket_queries.timeline(ticket, msgs, visits, poll, EVENT_LABELS, VISIT_KINDS),
        photos=ticket_queries.photos(msgs), visits=visits, survey=poll, now=utcnow(),
        field_photos=[f for f in kept if f.kind != "signature"],
        signature=next((f for f in reversed(kept) if f.kind == "signature"), None),
        arrival=next((o for o in reversed(ticket.dispatch_orders) if o.arrived_at), None),
        primary=ticket_queries.primary_action(ticket, staff, {a.name for a in allowed},
                                              url_for("admin.receipt", ticket_id=ticket.id)),
        choices=ticket_queries.action_choices(db.session, ticket) if allowed else {},
        notes=[e for e in ticket.events if e.action == "note"], active=queue_queries.ACTIVE,
        can_reply=bool(ticket.tenant and ticket.tenant.openid), staff=staff,
    ), status


@bp.get("/tickets/<int:ticket_id>")
@require(ALL_STAFF)
def ticket(ticket_id: int):
    return _render_ticket(ticket_or_abort(ticket_id))


@bp.post("/tickets/<int:ticket_id>/actions/<name>")
@require(ALL_STAFF)
def ticket_action(ticket_id: int, name: str):
    if name not in ticket_actions.HANDLERS:
        abort(404)
    ticket_or_abort(ticket_id)
    staff = current_staff()
    if staff.role not in machine.ACTIONS[name].roles:
        abort(403)
    return change_ticket(ticket_id, lambda t: ticket_actions.run(db.session, name, t, staff),
                         lambda t, exc: _render_ticket(t, FormState.refused(name, exc), exc.status_code),
                         ticket_actions.HANDLERS[name][0])


def change_ticket(ticket_id: int, change: Callable[[Ticket], object],
                  refused: Callable[[Ticket, WorkflowError], object], done: str):
    """Make a change through workflow/ and commit, then back to the ticket with `done`. A
    refusal changes nothing: 403 for a permission, else `refused` shows the form again
    with the reason (400 bad input, 409 not in this state)."""
    try:
        change(ticket_or_abort(ticket_id))
        db.session.commit()
    except PermissionDenied as exc:
        db.session.rollback()
        abort(403, description=exc.message)
    except (InvalidTransition, ValidationError) as exc:
        db.session.rollback()
        return refused(ticket_or_abort(ticket_id), exc)
    flash(done, "success")
    return redirect(url_for("admin.ticket", ticket_id=ticket_id))


def send_image(relative: str):
    """An image under INSTANCE_PATH, checked by its first bytes and its size; anything
    else (outside the folder, missing, too large, not an image) is 404."""
    root = os.path.realpath(current_app.config["INSTANCE_PATH"])
    path = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
        abort(404)
    if os.path.getsize(path) > MAX_PHOTO_BYTES:
        abort(404)
    with open(path, "rb") as fh:
        mimetype = image_type(fh.read(16))
    if mimetype is None:
        abort(404)
    return send_file(path, mimetype=mimetype, max_age=3600)


@bp.get("/tickets/<int:ticket_id>/photos/<int:message_id>")
@require(ALL_STAFF)
def photo(ticket_id: int, message_id: int):
    ticket = ticket_or_abort(ticket_id)
    message = db.session.get(Message, message_id)
    if message is None or message.ticket_id != ticket.id or not message.media_path:
        abort(404)
    return send_image(message.media_path)
